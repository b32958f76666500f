package adoptsig.fidelity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The C driver (src/main/c/driver.c, packaged as a resource): compiled at run time with the
 * system's C compiler, started once per script, spoken to one line at a time. Its root process
 * plays init (see the comment at the top of driver.c for the commands).
 */
public final class Driver implements AutoCloseable {
    static final String SOURCE = "adoptsig/fidelity/driver.c";
    /** How long one command may take before the run counts it as unanswered. */
    static final long ANSWER_MS = 5000;
    private static final String EOF = "\u0000eof";

    /** What the driver said when it started: init's mode, its PID, the kernel release, and why when not a namespace. */
    public record Hello(boolean namespace, int initPid, String kernel, String note) {}

    private final Process process;
    private final OutputStream in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Hello hello;

    private Driver(Process process) {
        this.process = process;
        this.in = process.getOutputStream();
        Thread reader = new Thread(() -> read(process.getInputStream()), "fidelity-driver-out");
        reader.setDaemon(true);
        reader.start();
        String first = next(ANSWER_MS);
        if (first == null || !first.startsWith("hello ")) {
            close();
            throw new Unavailable("the real-kernel driver did not start: " + (first == null ? "no answer" : first));
        }
        String[] w = first.split(" ", 5);
        hello = new Hello(w[1].equals("ns"), Integer.parseInt(w[2]), w[3], w.length > 4 ? w[4] : "");
    }

    private void read(InputStream out) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) lines.add(l);
        } catch (IOException e) {
            // the driver was killed; the EOF marker below tells the waiting side
        }
        lines.add(EOF);
    }

    private String next(long ms) {
        try {
            String l = lines.poll(ms, TimeUnit.MILLISECONDS);
            return l == null || l.equals(EOF) ? null : l;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Compiles the driver into {@code into} (once per version of its source) and returns the
     * executable. Unavailable when the system is not Linux, has no C compiler, or the build fails.
     */
    public static Path build(Path into) {
        if (!System.getProperty("os.name", "").toLowerCase().startsWith("linux")) {
            throw new Unavailable("the real-kernel harness needs Linux; this is " + System.getProperty("os.name"));
        }
        byte[] source;
        try (InputStream s = Driver.class.getClassLoader().getResourceAsStream(SOURCE)) {
            if (s == null) throw new Unavailable("this build has no copy of the driver's source (" + SOURCE + ")");
            source = s.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String cc = compiler();
        String id;
        try {
            id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(source)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path exe = into.resolve("adoptsig-driver-" + id);
        if (Files.isExecutable(exe)) return exe;
        try {
            Files.createDirectories(into);
            Path c = into.resolve("driver-" + id + ".c");
            Files.write(c, source);
            Path log = into.resolve("driver-" + id + ".log");
            Process p = new ProcessBuilder(cc, "-O1", "-o", exe.toString(), c.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new Unavailable("the real-kernel driver does not compile with " + cc + " (see " + log + ")");
            }
            return exe;
        } catch (IOException e) {
            throw new Unavailable("cannot build the real-kernel driver in " + into + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while building the driver");
        }
    }

    /** The C compiler: $CC if set, else cc or gcc or clang found on the PATH. */
    static String compiler() {
        String env = System.getenv("CC");
        if (env != null && !env.isBlank()) return env;
        for (String name : new String[] {"cc", "gcc", "clang"}) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) return Path.of(dir, name).toString();
            }
        }
        throw new Unavailable("no C compiler (cc, gcc or clang on the PATH, or $CC) to build the real-kernel driver");
    }

    /**
     * Starts the driver; {@code namespaces} false makes init a child subreaper even where a PID
     * namespace is allowed. Where a namespace is allowed but the driver cannot set it up (a
     * container that refuses a /proc of its own, say), it starts again as a subreaper and says why.
     */
    public static Driver start(Path exe, boolean namespaces) {
        if (!namespaces) return start(exe, "namespaces turned off (--no-namespace)");
        try {
            return start(exe, null);
        } catch (Unavailable e) {
            return start(exe, "no PID namespace: " + e.getMessage());
        }
    }

    private static Driver start(Path exe, String noNamespaceBecause) {
        ProcessBuilder b = new ProcessBuilder(exe.toString()).redirectErrorStream(true);
        if (noNamespaceBecause != null) b.environment().put("ADOPTSIG_NO_NAMESPACE", noNamespaceBecause);
        else b.environment().remove("ADOPTSIG_NO_NAMESPACE");
        try {
            return new Driver(b.start());
        } catch (IOException e) {
            throw new Unavailable("cannot start the real-kernel driver " + exe + ": " + e.getMessage());
        }
    }

    public Hello hello() { return hello; }

    /** Sends one command and returns the driver's answer, or null when none came in time (or the driver died). */
    public String ask(String command) {
        try {
            in.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            in.flush();
        } catch (IOException e) {
            return null;
        }
        return next(ANSWER_MS);
    }

    /** Ends the run: init kills every process of the script (the namespace goes with it), and the driver is killed if it lingers. */
    @Override public void close() {
        try {
            in.write("quit\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            in.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
