package adoptsig.tlc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class archive of forked TLC runs: written by the first run, used by the next, kept only
 * when a JVM can map it (a file cut short, which would crash a JVM, is refused), never for a
 * class path with a folder on it, new for a rebuilt jar, and silent in TLC's output.
 */
class ClassArchiveTest {
    @TempDir
    Path tmp;

    /** A copy of TLC's jar in a folder of the test's own (the archive goes beside it). */
    private String tlcJar() throws IOException {
        Path jar = tmp.resolve("tlc.jar");
        Files.copy(TlcRunner.tlcClassPath(), jar);
        return jar.toString();
    }

    /** Runs TLC's help text in a JVM with these options; its output, the JVM's class-loading log included when asked. */
    private static String run(List<String> options, String classPath, boolean logClassLoading) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(options);
        if (logClassLoading) cmd.add("-Xlog:class+load=info");
        cmd.addAll(List.of("-cp", classPath, "tlc2.TLC", "-h"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void theFirstRunWritesTheArchiveAndTheNextMapsTLCsClassesFromIt() throws Exception {
        String cp = tlcJar();
        ClassArchive.Use first = ClassArchive.forClassPath(cp);
        assertThat(first.dump()).as("no archive yet: the first run writes one").isNotNull();
        assertThat(String.join(" ", first.options())).contains("-XX:ArchiveClassesAtExit=");
        String dumping = run(first.options(), cp, false);
        ClassArchive.finish(first, true);
        assertThat(first.archive()).isRegularFile();
        assertThat(first.dump()).doesNotExist();
        assertThat(dumping).as("the JVM's notices about the archive stay out of TLC's output").doesNotContain("[cds");

        ClassArchive.Use next = ClassArchive.forClassPath(cp);
        assertThat(next.dump()).isNull();
        assertThat(next.options()).contains("-XX:SharedArchiveFile=" + first.archive());
        String loaded = run(next.options(), cp, true);
        assertThat(loaded).containsPattern("tlc2\\.TLC source: shared objects file \\(top\\)");

        // the jar changed under an archive: the JVM refuses it and runs on, and says so only in a notice that is silenced
        Files.setLastModifiedTime(Path.of(cp), FileTime.fromMillis(Files.getLastModifiedTime(Path.of(cp)).toMillis() + 60_000));
        String stale = run(next.options(), cp, false);
        assertThat(stale).contains("NAME").doesNotContain("[cds").doesNotContain("shared archive");
    }

    @Test
    void aDumpCutShortIsRefusedAndDeleted() throws Exception {
        String cp = tlcJar();
        ClassArchive.Use use = ClassArchive.forClassPath(cp);
        run(use.options(), cp, false);
        byte[] whole = Files.readAllBytes(use.dump());
        Files.write(use.dump(), java.util.Arrays.copyOf(whole, whole.length / 20));
        assertThat(ClassArchive.opens(use.dump(), cp)).as("a JVM cannot map a file cut short").isFalse();
        ClassArchive.finish(use, true);
        assertThat(use.archive()).doesNotExist();
        assertThat(use.dump()).doesNotExist();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).as("no crash report left").containsExactly("tlc.jar");
        }
    }

    @Test
    void aRunThatWasStoppedKeepsNoArchive() throws Exception {
        String cp = tlcJar();
        ClassArchive.Use use = ClassArchive.forClassPath(cp);
        run(use.options(), cp, false);
        ClassArchive.finish(use, false);
        assertThat(use.archive()).doesNotExist();
        assertThat(use.dump()).doesNotExist();
        ClassArchive.Use again = ClassArchive.forClassPath(cp);
        assertThat(again.dump()).as("the next run tries again").isNotNull();
        ClassArchive.finish(again, false);
    }

    @Test
    void aFolderOnTheClassPathOrARebuiltJarChangesWhatIsUsed() throws Exception {
        String cp = tlcJar();
        assertThat(ClassArchive.archiveFor(cp + java.io.File.pathSeparator + tmp)).as("a folder: no archive").isNull();
        assertThat(ClassArchive.forClassPath(cp + java.io.File.pathSeparator + tmp).options()).isEmpty();
        Path before = ClassArchive.archiveFor(cp);
        Files.setLastModifiedTime(Path.of(cp), FileTime.fromMillis(Files.getLastModifiedTime(Path.of(cp)).toMillis() + 60_000));
        assertThat(ClassArchive.archiveFor(cp)).as("a rebuilt jar gets an archive of its own").isNotNull().isNotEqualTo(before);
    }
}
