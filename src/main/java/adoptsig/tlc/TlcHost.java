package adoptsig.tlc;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Warm JVMs for TLC: a JVM of its own (C1 only, as a forked TLC) that runs TLC runs one after
 * another, each in a class loader of its own exactly as an in-process run ({@link InProcessTlc}:
 * TLC's static state fresh each time, its RMI export and JMX beans released after the run). A
 * small model then pays neither a JVM's start nor, each time, the JDK classes TLC loads (JMX,
 * RMI, JFR, security) and their compiled code: measured, 16 models of under 5,000 states, one
 * at a time, took 18.2 and 18.5 s in a host against 26.2 and 30.1 s with a JVM per run.
 *
 * <p>A host runs one TLC at a time (so TLC's fixed JMX names never clash); this JVM starts one
 * more whenever all are busy, so there are as many as runs at once. The protocol is lines: this
 * JVM writes a request (the run's folder, then TLC's arguments, tab-separated) on the host's
 * standard input; the host writes the run's log, line by line as TLC prints it, on its standard
 * output (its own notes, as in any run's log, start with "# ", which no line of TLC's -tool output
 * does), then {@link #END} with the exit status TLC's main would give, or with "unavailable"
 * and why. A run that reaches its time limit, or whose stop rule says it has told enough, is
 * ended by killing its host (a new host takes the next run); so is a host whose TLC left threads
 * running, or that failed. What the JVM itself prints goes to the host's standard error. A host ends when its standard input
 * closes or this JVM is gone ({@link Tethered}'s poll), and is killed when this JVM exits.
 */
final class TlcHost {
    private TlcHost() {}

    /** Starts the line that ends a run on the host's output; TLC never prints a NUL. */
    static final String END = "\u0000adoptsig-tlc-host-end\t";

    /** Options of a host's JVM: as a forked TLC's, and the opening InProcessTlc uses to free each run's classes. */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1",
            "--add-opens", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            // what the JVM itself prints (warnings, a full code cache) goes to standard error, off the protocol
            "-Xlog:all=warning:stderr", "-XX:+DisplayVMOutputToStderr");

    /** More JVM options for the hosts, for the test that a failing host hands its run to a forked JVM. */
    static volatile List<String> extraOptionsForTest = List.of();

    private static final ConcurrentLinkedDeque<Host> IDLE = new ConcurrentLinkedDeque<>();
    private static final Set<Host> ALL = ConcurrentHashMap.newKeySet();

    /** This JVM is exiting: a host killed now ends its run as killed, with no forked JVM to take it over. */
    private static volatile boolean SHUTTING_DOWN;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SHUTTING_DOWN = true;
            ALL.forEach(Host::kill);
        }, "stop-tlc-hosts"));
    }

    /** Ends the hosts that are not running a run (the next run starts a new one). */
    static void stopIdle() {
        Host h;
        while ((h = IDLE.pollFirst()) != null) h.kill();
    }

    /** One host JVM and its two pipes. */
    private static final class Host {
        final Process process;
        final BufferedReader out;
        final Writer in;
        final Path tmp;
        int runs;

        Host(Process process, Path tmp) {
            this.process = process;
            this.tmp = tmp;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        }

        static Host start() throws IOException {
            List<String> options = new ArrayList<>(JVM_OPTIONS);
            options.addAll(extraOptionsForTest);
            List<String> cmd = new ArrayList<>(List.of(Tethered.java()));
            cmd.addAll(options);
            // a temporary folder of its own, as a forked TLC has (nothing of TLC's should write there: its runs have their folders)
            Path tmp = Files.createTempDirectory("adoptsig-tlc-host");
            cmd.add("-Djava.io.tmpdir=" + tmp);
            cmd.addAll(List.of("-cp", TlcRunner.tlcClassPath() + java.io.File.pathSeparator + Tethered.ownClassPath(),
                    TlcHost.class.getName(), Long.toString(ProcessHandle.current().pid())));
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Host h = new Host(p, tmp);
            ALL.add(h);
            return h;
        }

        void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            ALL.remove(this);
            try {
                process.waitFor(2, TimeUnit.SECONDS);
                TlcRunner.deleteTree(tmp);
            } catch (IOException | RuntimeException e) {
                // a temporary folder left behind: nothing to do about it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs TLC with these arguments (absolute paths) in a host; the request's folder must hold
     * the spec and the cfg. Unavailable: no host could run it (it could not start, its TLC could
     * not run in-process, or it ended during the run); the caller then runs TLC in a forked JVM.
     * A host killed because this JVM is exiting ends its run as a killed forked TLC does (exit 137).
     */
    static TlcRunner.Result run(TlcRunner.Request r, List<String> tlcArgs, TlcOutput out, Path log) throws InProcessTlc.Unavailable {
        for (String a : tlcArgs) {
            if (a.indexOf('\t') >= 0 || a.indexOf('\n') >= 0 || a.indexOf('\r') >= 0) {
                throw new InProcessTlc.Unavailable("an argument holds a tab or a line end, which the host's requests cannot carry: " + a, null);
            }
        }
        long start = System.nanoTime();
        Host h = IDLE.pollFirst();
        while (h != null && !h.process.isAlive()) {
            h.kill();
            h = IDLE.pollFirst();
        }
        try {
            if (h == null) h = Host.start();
        } catch (IOException | RuntimeException e) {
            throw new InProcessTlc.Unavailable("cannot start a TLC host JVM: " + e, e);
        }
        Host host = h;
        host.runs++;
        // exactly one of the run's end and its time limit wins: 0 running, 1 ended, 2 over the limit
        AtomicInteger state = new AtomicInteger();
        CountDownLatch ended = new CountDownLatch(1);
        if (r.limit() != null) {
            Thread limit = new Thread(() -> {
                try {
                    if (!ended.await(r.limit().toMillis(), TimeUnit.MILLISECONDS) && state.compareAndSet(0, 2)) host.kill();
                } catch (InterruptedException e) {
                    // not asked for
                }
            }, "tlc-host-time-limit");
            limit.setDaemon(true);
            limit.start();
        }
        boolean stopped = false, retire = false, reused = false;
        String end = null;
        try {
            try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                RunLog sink = new RunLog(w, out, r.stopWhen());
                sink.note("TLC host JVM " + host.process.pid() + " (C1 only), its run " + host.runs + ": a class loader of its own per run");
                try {
                    host.in.write(r.workDir().toAbsolutePath() + "\t" + String.join("\t", tlcArgs) + "\n");
                    host.in.flush();
                    String line;
                    while ((line = host.out.readLine()) != null) {
                        if (line.startsWith(END)) {
                            end = line.substring(END.length());
                            break;
                        }
                        if (line.startsWith("# ")) {
                            sink.note(line.substring(2));   // the host's own note (RunLog.note): logged, not TLC's output
                            if (leftThreadsOfItsOwn(line)) retire = true;   // they could write into a later run
                            continue;
                        }
                        sink.line(line);
                        if (sink.stopRequested()) {
                            stopped = true;
                            sink.note("stopped by the runner: the stop rule says this run has told enough");
                            break;
                        }
                    }
                } catch (IOException e) {
                    // a host killed at the time limit, or dead, closes its pipes: told below
                    if (state.get() != 2 && !SHUTTING_DOWN) sink.note("the TLC host's pipes failed: " + e);
                }
                boolean timedOut = !state.compareAndSet(0, 1);
                ended.countDown();
                if (timedOut) {
                    stopped = false;
                    sink.note("stopped by the runner: over the time limit of " + r.limit().toSeconds() + " s");
                }
                sink.finish();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the TLC log " + log, e);
            }
            long endAt = System.nanoTime();
            long searchFrom = out.initialStatesAt() < 0 ? endAt : out.initialStatesAt();
            Duration elapsed = Duration.ofNanos(endAt - start), search = Duration.ofNanos(endAt - searchFrom);
            if (state.get() == 2 || stopped) {
                return new TlcRunner.Result(-1, out, log, elapsed, search, state.get() == 2, stopped, "TLC host JVM");
            }
            if (end == null && SHUTTING_DOWN) {
                return new TlcRunner.Result(137, out, log, elapsed, search, false, false, "TLC host JVM (killed: this JVM is exiting)");
            }
            if (end == null) throw new InProcessTlc.Unavailable("the TLC host JVM ended during the run" + exitOf(host), null);
            String[] f = end.split("\t", 3);
            if (!f[0].equals("done") || f.length < 2) {
                // after a failure in-process (out of memory, say) the host is not trusted with another run
                throw new InProcessTlc.Unavailable("TLC host JVM: " + (f.length >= 3 ? f[2] : end), null);
            }
            if (!retire) {
                IDLE.addFirst(host);
                reused = true;
            }
            return new TlcRunner.Result(Integer.parseInt(f[1]), out, log, elapsed, search, false, false, "TLC host JVM");
        } finally {
            ended.countDown();
            if (!reused) host.kill();
        }
    }

    /**
     * Whether a note of InProcessTlc's says the run left threads of its own running: any but the
     * JDK's common fork-join pool's workers (shared by the whole JVM, idle once TLC is done, and
     * started in the thread group of the run that first used the pool).
     */
    static boolean leftThreadsOfItsOwn(String note) {
        String prefix = "# threads TLC left running (daemons): [";
        if (!note.startsWith(prefix) || !note.endsWith("]")) return false;
        for (String t : note.substring(prefix.length(), note.length() - 1).split(", ")) {
            if (!t.startsWith("ForkJoinPool.commonPool-worker-")) return true;
        }
        return false;
    }

    private static String exitOf(Host h) {
        try {
            return h.process.waitFor(2, TimeUnit.SECONDS) ? " (exit code " + h.process.exitValue() + ")" : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * The host's main: {@code java -cp TLC:adoptsig adoptsig.tlc.TlcHost PARENT_PID}. What
     * anything prints on System.out or System.err goes to its standard error, so that its standard
     * output carries only runs' logs and their ends.
     */
    public static void main(String[] args) throws IOException {
        long parent = Long.parseLong(args[0]);
        Tethered.watch(null, parent);
        PrintStream channel = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(err);
        System.setErr(err);
        Writer lines = new LineWriter(channel);
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String request;
        while ((request = requests.readLine()) != null) {
            String[] f = request.split("\t");
            String endLine;
            try {
                TlcRunner.Request r = new TlcRunner.Request(Path.of(f[0]), "", "", 1, null, false, null, true);
                TlcRunner.Result res = InProcessTlc.run(r, List.of(f).subList(1, f.length), new TlcOutput(p -> { }), lines, null);
                endLine = END + "done\t" + res.exitCode();
            } catch (InProcessTlc.Unavailable e) {
                endLine = END + "unavailable\t-1\t" + oneLine(e.getMessage());
            } catch (Throwable t) {
                endLine = END + "unavailable\t-1\t" + oneLine("the host failed: " + t);
            }
            lines.flush();
            channel.print(endLine + "\n");
            channel.flush();
        }
        // standard input closed: the caller is done with this host, or gone
        Runtime.getRuntime().halt(0);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    /** A Writer over the host's channel that sends each line as soon as it ends (the caller watches the run live). */
    private static final class LineWriter extends Writer {
        private final PrintStream to;

        LineWriter(PrintStream to) { this.to = to; }

        @Override
        public synchronized void write(char[] b, int off, int len) {
            to.append(java.nio.CharBuffer.wrap(b, off, len));
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    to.flush();
                    break;
                }
            }
        }

        @Override
        public synchronized void write(String s) {
            to.print(s);
            if (s.indexOf('\n') >= 0) to.flush();
        }

        @Override
        public synchronized void write(int c) {
            to.print((char) c);
            if (c == '\n') to.flush();
        }

        @Override public synchronized void flush() { to.flush(); }

        @Override public void close() { flush(); }
    }
}
