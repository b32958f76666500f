package adoptsig.tlc;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A class-data-sharing archive of TLC's classes for the JVMs forked to run it (the JVM's own
 * AppCDS, JDK 13 and later): a forked TLC maps TLC's and SANY's classes from the archive, parsed
 * and verified once, instead of loading them from the jar again. It only makes a JVM start
 * faster (measured by hand on cgroup-dance, 172 states, as `check` forks it, six runs each way: 2.10 s of CPU without, 1.71 s
 * with); what TLC computes is the same.
 *
 * <p>Used only when the class path is jar files alone (the shaded adoptsig.jar: in the tests TLC's
 * classes come from a folder, which the JVM does not archive) and the jar's folder is writable.
 * The first forked run of a command writes the archive as it exits
 * ({@code -XX:ArchiveClassesAtExit}) under a name of its own; the archive is kept only if that run
 * ended by itself and a JVM then starts with it under {@code -Xshare:on} (which fails rather than
 * run on without it), and it then takes its final name in one atomic move, so no run ever maps a
 * file cut short (the JVM would crash on one). Its name carries the JVM and each jar's path, size
 * and time, so a rebuilt jar gets a new archive (the old ones in the folder are deleted then); a
 * stale one the JVM would refuse anyway. The JVM's notices about the archive are silenced
 * ({@code -Xlog:cds*=off}): they would go to TLC's output. The system property
 * adoptsig.tlc.cds=off turns all of this off.
 */
final class ClassArchive {
    private ClassArchive() {}

    private static final String PREFIX = "adoptsig-tlc-";
    private static final List<String> QUIET = List.of("-Xlog:cds*=off");
    /** A dump under way in this JVM: the other runs meanwhile go without an archive. */
    private static final AtomicBoolean DUMPING = new AtomicBoolean();
    private static final AtomicInteger DUMPS = new AtomicInteger();

    /** What a forked run does about the archive: the JVM options to add, and the dump to keep afterwards (null: none). */
    record Use(List<String> options, Path dump, Path archive, String classPath) {
        static final Use NONE = new Use(List.of(), null, null, null);
    }

    /** The archive's use for a JVM whose class path is this (entries separated as the platform separates them). */
    static Use forClassPath(String classPath) {
        if ("off".equals(System.getProperty("adoptsig.tlc.cds"))) return Use.NONE;
        Path archive = archiveFor(classPath);
        if (archive == null) return Use.NONE;
        if (Files.isRegularFile(archive)) {
            List<String> o = new ArrayList<>(QUIET);
            o.add("-XX:SharedArchiveFile=" + archive);
            return new Use(o, null, archive, classPath);
        }
        if (!DUMPING.compareAndSet(false, true)) return Use.NONE;
        Path dump = archive.resolveSibling(archive.getFileName() + ".part-" + ProcessHandle.current().pid() + "-" + DUMPS.incrementAndGet());
        List<String> o = new ArrayList<>(QUIET);
        o.add("-XX:ArchiveClassesAtExit=" + dump);
        return new Use(o, dump, archive, classPath);
    }

    /**
     * After the run: a dump is kept if the run ended by itself and the archive passes the JVM's
     * own check; else it is deleted. Never throws: without an archive the runs only start slower.
     */
    static void finish(Use use, boolean endedByItself) {
        if (use.dump() == null) return;
        try {
            if (endedByItself && Files.isRegularFile(use.dump()) && opens(use.dump(), use.classPath())) {
                deleteOthers(use.archive());
                try {
                    Files.move(use.dump(), use.archive(), StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    // the same folder: atomic on every file system this runs on; if not, no archive
                }
            }
        } catch (IOException | RuntimeException e) {
            // no archive: the next command tries again
        } finally {
            try {
                Files.deleteIfExists(use.dump());
            } catch (IOException e) {
                // left behind: a name no run reads
            }
            DUMPING.set(false);
        }
    }

    /**
     * Whether a JVM starts with the archive under -Xshare:on, which exits with an error when it
     * cannot map it (or crashes, on a file cut short: its crash report goes to a file deleted after).
     */
    static boolean opens(Path archive, String classPath) {
        Path crash = archive.resolveSibling(archive.getFileName() + ".crash");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:on",
                "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=" + crash));
        cmd.addAll(QUIET);
        cmd.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-cp", classPath, "-version"));
        try {
            Process p = new ProcessBuilder(cmd).directory(archive.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            try {
                Files.deleteIfExists(crash);
            } catch (IOException e) {
                // a crash report left behind
            }
        }
    }

    /** The archive's path for this class path: null unless every entry is a jar file and the first one's folder is writable. */
    static Path archiveFor(String classPath) {
        String[] entries = classPath.split(File.pathSeparator);
        StringBuilder key = new StringBuilder(System.getProperty("java.home")).append('|').append(System.getProperty("java.vm.version"));
        Path folder = null;
        try {
            for (String e : entries) {
                Path jar = Path.of(e).toAbsolutePath();
                if (!e.endsWith(".jar") || !Files.isRegularFile(jar)) return null;
                if (folder == null) folder = jar.getParent();
                key.append('|').append(jar).append('|').append(Files.size(jar)).append('|').append(Files.getLastModifiedTime(jar).toMillis());
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (folder == null || !Files.isWritable(folder)) return null;
        return folder.resolve(PREFIX + digest(key.toString()) + ".jsa");
    }

    private static void deleteOthers(Path archive) throws IOException {
        try (var files = Files.list(archive.getParent())) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.startsWith(PREFIX) && n.endsWith(".jsa") && !f.equals(archive)) Files.deleteIfExists(f);
            }
        }
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
