package adoptsig.tlc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TLC's own distributed mode: a tlc2.tool.distributed.TLCServer and N TLCWorkers, each in a JVM
 * of its own, on the loopback interface (workers on other machines join with
 * {@code java -cp adoptsig.jar tlc2.tool.distributed.TLCWorker SERVER-HOST} and the same port
 * property). Distributed TLC checks invariants only (no liveness, and it does not report a
 * violation reliably), so it is for exhaustive runs of models whose invariants are expected to
 * hold: the state count and depth are what it yields.
 */
public final class Distributed {
    /** What a distributed run found: distinct states, depth, whether TLC said no error was found, the wall time, the server's log. */
    public record Result(long distinct, int depth, boolean passed, double seconds, Path log) {}

    private static final Pattern DISTINCT = Pattern.compile("([\\d,]+) states generated, ([\\d,]+) distinct states found");
    private static final Pattern DEPTH = Pattern.compile("depth of the complete state graph search is (\\d+)");

    private Distributed() {}

    /** A free TCP port on the loopback interface for the server's RMI registry. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the cfg's model with {@code workers} local workers in {@code work} (created; the spec
     * is copied in). The server waits for extraRemote more workers from other machines.
     */
    public static Result run(Path specDir, Path work, String module, String cfgText, int workers, int extraRemote, String serverHost, int port,
                             Duration limit) {
        try {
            Files.createDirectories(work);
            SpecBridge.copyModules(specDir, work);
            Files.writeString(work.resolve("distributed.cfg"), cfgText, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + work, e);
        }
        String cp = TlcRunner.tlcClassPath().toString();
        List<String> props = List.of("-Djava.rmi.server.hostname=127.0.0.1", "-Dtlc2.tool.distributed.TLCServer.port=" + port);
        List<String> server = Tethered.command(List.of("-Djava.rmi.server.hostname=" + serverHost, "-Dtlc2.tool.distributed.TLCServer.port=" + port,
                "-Dtlc2.tool.distributed.TLCServer.expectedWorkerCount=" + (workers + extraRemote)), cp,
                "tlc2.tool.distributed.TLCServer", List.of("-deadlock", "-metadir", work.resolve("states").toString(), "-config", "distributed.cfg", module));
        Path log = work.resolve("server.out");
        List<Process> all = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            Process s = new ProcessBuilder(server).directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            all.add(s);
            waitFor(log, "TLC server", s, Duration.ofSeconds(60));
            for (int i = 0; i < workers; i++) {
                List<String> w = Tethered.command(props, cp, "tlc2.tool.distributed.TLCWorker", List.of(serverHost));
                all.add(new ProcessBuilder(w).directory(work.toFile()).redirectErrorStream(true)
                        .redirectOutput(work.resolve("worker-" + (i + 1) + ".out").toFile()).start());
            }
            boolean done = s.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            String out = Files.readString(log);
            if (!done) return new Result(-1, -1, false, seconds, log);
            Matcher d = DISTINCT.matcher(out), k = DEPTH.matcher(out);
            long distinct = d.find() ? Long.parseLong(d.group(2).replace(",", "")) : -1;
            int depth = k.find() ? Integer.parseInt(k.group(1)) : -1;
            return new Result(distinct, depth, out.contains("No error has been found"), seconds, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run distributed TLC in " + work, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            for (Process p : all) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    /** Waits until the server's log says it is ready for workers (or it died). */
    private static void waitFor(Path log, String what, Process p, Duration limit) throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            String out = Files.exists(log) ? Files.readString(log) : "";
            if (out.contains("Finished computing initial states")) return;
            if (!p.isAlive()) throw new IllegalStateException(what + " exited early: " + out);
            Thread.sleep(200);
        }
    }
}
