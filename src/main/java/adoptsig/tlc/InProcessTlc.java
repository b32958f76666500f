package adoptsig.tlc;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.NoSuchObjectException;
import java.rmi.Remote;
import java.rmi.server.UnicastRemoteObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * TLC inside this JVM, in a class loader of its own for every run (a URLClassLoader over the
 * TLC jar whose parent is the platform loader, so no TLC class is shared with the caller or with
 * another run): TLC's static state (TLCGlobals, UniqueString's intern table, ToolIO, MP) is
 * fresh each time, which is what the maintainers require of two runs in one JVM. What the
 * loaders do share is the JDK, and each shared thing is handled:
 * <ul>
 * <li>output: util.ToolIO.out/err of the run's loader print into the run's log; the few lines TLC
 *     prints on System.out/err directly are routed by thread group ({@link ThreadGroupOutput});</li>
 * <li>files: the run has its own metadir, and its own copy of the standard modules in its folder
 *     (TLC would otherwise extract them into java.io.tmpdir under fixed names, where two runs at
 *     once would race); nothing reads java.io.tmpdir then;</li>
 * <li>threads: TLC runs on a daemon thread of its own thread group, so every thread it starts is a
 *     daemon too; its fingerprint set is an RMI object (exported when built, which starts the
 *     JDK's non-daemon "RMI Reaper" thread) and is unexported after the run, which lets the reaper
 *     end; the JMX beans it registers in the platform MBean server are unregistered;</li>
 * <li>the time limit and the stop rule: ModelChecker.stop() (what TLC's own JMX bean calls); if TLC
 *     does not end within {@link #GRACE} (it is in its final liveness check, say), its threads are
 *     stopped;</li>
 * <li>System.exit: TLC calls it on a few internal errors (running out of memory in the liveness
 *     check, disk errors); in-process that would end this JVM, so a shutdown hook names the run.</li>
 * </ul>
 * Anything that goes wrong in setting this up, and TLC running out of memory (two runs at once
 * share this JVM's heap), is reported as {@link Unavailable}: the caller then runs TLC in a forked
 * JVM instead. The spec is parsed once per run (SANY's results are
 * objects of the run's loader); sharing them between runs would share static state again.
 */
final class InProcessTlc {
    private InProcessTlc() {}

    /** The in-process path could not run TLC (not a verdict on the spec): the caller falls back to a forked JVM. */
    static final class Unavailable extends Exception {
        Unavailable(String why, Throwable cause) { super(why, cause); }
    }

    /** How long TLC may take to end after it was asked to stop, before its threads are stopped. */
    static final Duration GRACE = Duration.ofSeconds(10);

    /** TLC's messages for running out of memory in its search (EC.SYSTEM_OUT_OF_MEMORY, ..._TOO_MANY_INIT); in its liveness check it calls System.exit. */
    private static final int OUT_OF_MEMORY = 1001, OUT_OF_MEMORY_INIT = 1002;

    /** Thread stack of TLC's main thread (it parses the spec, recursively): as a forked JVM's main thread at least. */
    private static final long STACK = 16L << 20;

    /** Where the run's loader finds TLC, if not in TLC's own jar: for the test that the forked fallback takes over. */
    static volatile URL classPathForTest;

    /** The class loader of the last run, for the test that checks that a run's loader is not kept alive. */
    static volatile WeakReference<ClassLoader> lastLoader = new WeakReference<>(null);

    /** Runs in progress (folder -> thread group): named by the shutdown hook if TLC calls System.exit. */
    private static final Map<Path, ThreadGroup> ACTIVE = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!ACTIVE.isEmpty()) {
                System.err.println("adoptsig: the JVM is exiting while TLC runs in-process in " + ACTIVE.keySet()
                        + " (TLC calls System.exit on some internal errors, e.g. out of memory in its liveness check;"
                        + " see that run's tlc.out, and check again with --forked to give each TLC run a JVM of its own)");
            }
        }, "in-process-tlc-exit"));
    }

    private static volatile Map<String, byte[]> standardModules;

    /**
     * Runs TLC with these arguments (absolute paths) in a fresh loader; the request's folder must
     * hold the spec and the cfg. Blocks until TLC ends, is stopped at the time limit, or is
     * stopped because the request's stop rule says it has told enough.
     */
    static TlcRunner.Result run(TlcRunner.Request r, List<String> tlcArgs, TlcOutput out, Path log) throws Unavailable {
        try (var w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            return run(r, tlcArgs, out, w, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the TLC log " + log, e);
        }
    }

    /** As {@link #run(TlcRunner.Request, List, TlcOutput, Path)}, the log written to w (a TLC host's channel to its caller, say). */
    static TlcRunner.Result run(TlcRunner.Request r, List<String> tlcArgs, TlcOutput out, java.io.Writer w, Path log) throws Unavailable {
        long start = System.nanoTime();
        URL jar;
        try {
            jar = classPathForTest != null ? classPathForTest : TlcRunner.tlcClassPath().toUri().toURL();
            for (var e : standardModules().entrySet()) Files.write(r.workDir().resolve(e.getKey()), e.getValue());
        } catch (IOException | RuntimeException e) {
            throw new Unavailable("cannot prepare TLC's class path or standard modules: " + e, e);
        }
        try (URLClassLoader loader = new URLClassLoader("tlc " + r.workDir().getFileName(), new URL[] {jar}, ClassLoader.getPlatformClassLoader())) {
            lastLoader = new WeakReference<>(loader);
            RunLog sink = new RunLog(w, out, r.stopWhen());
            sink.note("in-process TLC (a class loader of its own over " + jar + "): tlc2.TLC " + String.join(" ", tlcArgs));
            PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);
            ThreadGroup group = new ThreadGroup("tlc " + r.workDir());
            int[] exit = {-1};
            Throwable[] crash = {null};
            Thread main = new Thread(group, () -> {
                try {
                    exit[0] = runTlc(loader, tlcArgs, r.workDir(), print);
                } catch (Throwable t) {
                    crash[0] = t;
                }
            }, "tlc", STACK);
            main.setDaemon(true);
            main.setContextClassLoader(loader);
            ThreadGroupOutput.route(group, print);
            ACTIVE.put(r.workDir(), group);
            boolean timedOut = false, stopped = false, asked = false, delivered = false, forced = false;
            long askedAt = 0;
            long deadline = r.limit() == null ? Long.MAX_VALUE : start + r.limit().toNanos();
            try {
                main.start();
                while (main.isAlive()) {
                    main.join(20);
                    long now = System.nanoTime();
                    if (!asked && (sink.stopRequested() || now > deadline)) {
                        asked = true;
                        askedAt = now;
                        if (now > deadline) timedOut = true;
                        else stopped = true;
                        sink.note(timedOut ? "stopped by the runner: over the time limit of " + r.limit().toSeconds() + " s"
                                : "stopped by the runner: the stop rule says this run has told enough");
                    }
                    if (asked && !delivered) delivered = askToStop(loader);
                    if (asked && !forced && now - askedAt > GRACE.toNanos()) {
                        forced = true;
                        sink.note("TLC did not stop within " + GRACE.toSeconds() + " s: stopping its threads");
                        if (!forceStop(group)) {
                            sink.note("this JVM cannot stop threads; TLC's threads (daemons) are left to end with the JVM");
                            break;
                        }
                        main.join(GRACE.toMillis());
                        break;
                    }
                }
            } catch (InterruptedException e) {
                askToStop(loader);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while TLC ran", e);
            } finally {
                if (!main.isAlive()) release(loader, sink);
                ThreadGroupOutput.unroute(group);
                ACTIVE.remove(r.workDir());
                print.flush();
                sink.finish();
            }
            if (crash[0] != null && !timedOut && !stopped) {
                Throwable c = crash[0] instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : crash[0];
                throw new Unavailable("TLC failed in-process: " + c, c);
            }
            if (!timedOut && !stopped && (out.first(OUT_OF_MEMORY).isPresent() || out.first(OUT_OF_MEMORY_INIT).isPresent())) {
                // two runs at once share this JVM's heap; a JVM of its own has a heap of its own
                throw new Unavailable("TLC ran out of memory in-process", null);
            }
            List<String> left = threadsLeft(group);
            if (!left.isEmpty()) sink.note("threads TLC left running (daemons): " + left);
            sink.finish();
            long end = System.nanoTime();
            long searchFrom = out.initialStatesAt() < 0 ? end : out.initialStatesAt();
            return new TlcRunner.Result(exit[0], out, log, Duration.ofNanos(end - start), Duration.ofNanos(end - searchFrom),
                    timedOut, stopped, "in-process");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the class loader of the TLC run in " + r.workDir(), e);
        }
    }

    /** What tlc2.TLC.main does, without System.exit: parameters, resolver, process(), and the exit status main would give. */
    private static int runTlc(ClassLoader loader, List<String> args, Path dir, PrintStream print) throws ReflectiveOperationException {
        Class<?> toolIO = loader.loadClass("util.ToolIO");
        toolIO.getField("out").set(null, print);
        toolIO.getField("err").set(null, print);
        Class<?> tlcClass = loader.loadClass("tlc2.TLC");
        Object tlc = tlcClass.getConstructor().newInstance();
        if (!(boolean) tlcClass.getMethod("handleParameters", String[].class).invoke(tlc, (Object) args.toArray(String[]::new))) {
            return 1;   // as main: bad parameters (TLC has printed why)
        }
        Object resolver = loader.loadClass("util.SimpleFilenameToStream").getConstructor(String.class).newInstance(dir + java.io.File.separator);
        tlcClass.getMethod("setResolver", loader.loadClass("util.FilenameToStream")).invoke(tlc, resolver);
        int code = (int) tlcClass.getMethod("process").invoke(tlc);
        return (int) loader.loadClass("tlc2.output.EC$ExitStatus").getMethod("errorConstantToExitStatus", int.class).invoke(null, code);
    }

    /** ModelChecker.stop() once TLC has built its checker; false while it has not (still parsing). */
    private static boolean askToStop(ClassLoader loader) {
        try {
            Object checker = loader.loadClass("tlc2.TLCGlobals").getField("mainChecker").get(null);
            if (checker == null) return false;
            checker.getClass().getMethod("stop").invoke(checker);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** Thread.stop on every thread of the run (Java 17 still allows it; later JVMs refuse: false then). */
    @SuppressWarnings({"deprecation", "removal"})
    private static boolean forceStop(ThreadGroup group) {
        Thread[] threads = new Thread[group.activeCount() + 16];
        int n = group.enumerate(threads, true);
        try {
            for (int i = 0; i < n; i++) threads[i].stop();
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * What the run leaves in shared JDK state, released: its fingerprint set's RMI export (so the
     * "RMI Reaper" thread can end and nothing in the JDK holds the loader) and its JMX beans.
     */
    private static void release(ClassLoader loader, RunLog sink) {
        try {
            Object checker = loader.loadClass("tlc2.TLCGlobals").getField("mainChecker").get(null);
            if (checker != null) {
                for (Class<?> c = checker.getClass(); c != null; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        if (!f.getName().equals("theFPSet")) continue;
                        f.setAccessible(true);
                        unexport(f.get(checker));
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            sink.note("could not release TLC's fingerprint set: " + e);
        }
        forgetRemoteMethods(loader, sink);
        try {
            // if anything still reaches the loader, let it not reach the model checker's state as well
            loader.loadClass("tlc2.TLCGlobals").getField("mainChecker").set(null, null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            sink.note("could not clear TLCGlobals.mainChecker: " + e);
        }
        try {
            MBeanServer mbs = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> names = mbs.queryNames(null, null);
            for (ObjectName n : names) {
                try {
                    if (mbs.getClassLoaderFor(n) == loader) mbs.unregisterMBean(n);
                } catch (javax.management.JMException | RuntimeException e) {
                    // gone already, or not ours
                }
            }
        } catch (RuntimeException e) {
            sink.note("could not unregister TLC's JMX beans: " + e);
        }
    }

    private static volatile boolean warnedRmi;

    /**
     * RMI keeps, for every class it ever exported, a table of its remote methods
     * (sun.rmi.server.UnicastServerRef.hashToMethod_Maps: weak keys, but soft values, and a
     * method refers to its classes): so TLC's fingerprint-set class, and with it the run's whole
     * loader, stays softly reachable after the run, freed only when the heap runs short (about 3 MB
     * of classes a run). The entries of the run's classes are removed here. The table is JDK-internal:
     * this needs --add-opens java.rmi/sun.rmi.server=ALL-UNNAMED (the jar's manifest and the test
     * JVM give it); without it the loaders are left to the soft references, and the run's log says so.
     */
    private static void forgetRemoteMethods(ClassLoader loader, RunLog sink) {
        try {
            Field maps = Class.forName("sun.rmi.server.UnicastServerRef").getDeclaredField("hashToMethod_Maps");
            maps.setAccessible(true);
            Object cache = maps.get(null);
            Field internal = null;
            for (Class<?> c = cache.getClass(); c != null && internal == null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) if (f.getName().equals("internalMap")) internal = f;
            }
            if (internal == null) throw new NoSuchFieldException("internalMap");
            internal.setAccessible(true);
            Map<?, ?> m = (Map<?, ?>) internal.get(cache);
            synchronized (m) {   // as WeakClassHashMap.get does
                m.keySet().removeIf(k -> k instanceof Class<?> c && c.getClassLoader() == loader);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (!warnedRmi) {
                warnedRmi = true;
                sink.note("cannot clear RMI's method table (" + e + "): this run's classes stay softly reachable until the heap runs short;"
                        + " run with --add-opens java.rmi/sun.rmi.server=ALL-UNNAMED (java -jar adoptsig.jar does) to free them at once");
            }
        }
    }

    /**
     * Unexports TLC's fingerprint set from RMI: FPSet.unexportObject(true), which a MultiFPSet
     * (the one TLC builds here) passes on to the sets it holds; then the set itself, in case.
     */
    private static void unexport(Object fpset) throws ReflectiveOperationException {
        if (!(fpset instanceof Remote remote)) return;
        try {
            fpset.getClass().getMethod("unexportObject", boolean.class).invoke(fpset, true);
        } catch (InvocationTargetException e) {
            if (!(e.getCause() instanceof NoSuchObjectException)) throw e;
        }
        try {
            UnicastRemoteObject.unexportObject(remote, true);
        } catch (NoSuchObjectException e) {
            // done above
        }
    }

    private static List<String> threadsLeft(ThreadGroup group) {
        Thread[] threads = new Thread[group.activeCount() + 16];
        int n = group.enumerate(threads, true);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) if (threads[i].isAlive()) out.add(threads[i].getName());
        return out;
    }

    /** TLC's standard modules (tla2sany/StandardModules/*.tla in its jar or class folder), read once: file name -> bytes. */
    static Map<String, byte[]> standardModules() throws IOException {
        Map<String, byte[]> m = standardModules;
        if (m != null) return m;
        Map<String, byte[]> read = new LinkedHashMap<>();
        Path cp = TlcRunner.tlcClassPath();
        String prefix = "tla2sany/StandardModules/";
        if (Files.isDirectory(cp)) {
            try (Stream<Path> files = Files.list(cp.resolve(prefix))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".tla")).toList()) read.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        } else {
            try (JarFile jar = new JarFile(cp.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    JarEntry x = e.nextElement();
                    String n = x.getName();
                    if (!n.startsWith(prefix) || !n.endsWith(".tla") || n.substring(prefix.length()).contains("/")) continue;
                    try (InputStream in = jar.getInputStream(x)) { read.put(n.substring(prefix.length()), in.readAllBytes()); }
                }
            }
        }
        if (read.isEmpty()) throw new IOException("no standard modules under " + prefix + " in " + cp);
        standardModules = Map.copyOf(read);
        return standardModules;
    }
}
