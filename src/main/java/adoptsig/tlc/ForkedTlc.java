package adoptsig.tlc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * TLC in a JVM of its own, one run per process: the reference way, fully isolated (tlc2.TLC
 * calls System.exit and keeps static state). The JVM gets its own java.io.tmpdir (TLC extracts
 * the standard modules there under fixed names) and the run's metadir. A run that exceeds its
 * time limit, or whose stop rule says it has told enough, is killed; the JVM is tethered to this
 * one ({@link Tethered}), so it stops when this one dies, even by SIGKILL.
 */
final class ForkedTlc {
    private ForkedTlc() {}

    /** TLC processes still running: stopped if this JVM exits first (Ctrl-C), so that no TLC outlives a command. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "stop-tlc"));
    }

    static TlcRunner.Result run(TlcRunner.Request r, List<String> tlcArgs, TlcOutput out, Path log) {
        Path tmp = r.workDir().resolve("tmp");
        List<String> cmd = Tethered.command(List.of("-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp), TlcRunner.tlcClassPath().toString(),
                "tlc2.TLC", tlcArgs);
        long start = System.nanoTime();
        try {
            Files.createDirectories(tmp);
            Process p = new ProcessBuilder(cmd).directory(r.workDir().toFile()).redirectErrorStream(true).start();
            LIVE.add(p);
            // the child's standard input stays open, unused, for as long as this JVM lives: its end tells the child to stop (Tethered)
            AtomicBoolean timedOut = new AtomicBoolean();
            if (r.limit() != null) {
                Thread watchdog = new Thread(() -> {
                    try {
                        if (!p.waitFor(r.limit().toMillis(), TimeUnit.MILLISECONDS)) {
                            timedOut.set(true);
                            kill(p);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "tlc-time-limit");
                watchdog.setDaemon(true);
                watchdog.start();
            }
            boolean stopped = false;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 var w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                RunLog sink = new RunLog(w, out, r.stopWhen());
                sink.note(String.join(" ", cmd));
                String line;
                try {
                    while ((line = in.readLine()) != null) {
                        sink.line(line);
                        if (sink.stopRequested()) {
                            stopped = true;
                            sink.note("stopped by the runner: the stop rule says this run has told enough");
                            kill(p);
                            break;
                        }
                    }
                } catch (IOException e) {
                    // killing the process closes its output: the end of the run when it was stopped
                    if (!timedOut.get()) throw e;
                }
                if (timedOut.get()) sink.note("stopped by the runner: over the time limit of " + r.limit().toSeconds() + " s");
                sink.finish();
            }
            int code = p.waitFor();
            LIVE.remove(p);
            p.getOutputStream().close();
            long end = System.nanoTime();
            long searchFrom = out.initialStatesAt() < 0 ? end : out.initialStatesAt();
            return new TlcRunner.Result(code, out, log, Duration.ofNanos(end - start), Duration.ofNanos(end - searchFrom),
                    timedOut.get(), stopped && !timedOut.get(), "forked JVM");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run TLC in " + r.workDir(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while TLC ran", e);
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
