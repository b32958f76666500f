package adoptsig.project;

import adoptsig.Fixtures;
import adoptsig.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands find their project from anywhere: a checkout here or above, --root, or the copy packaged with the classes. */
class ProjectTest {
    @TempDir Path tmp;

    @Test
    void aCheckoutIsFoundFromAFolderBelowIt() throws IOException {
        Path below = Files.createDirectories(Fixtures.root().resolve("target/test-below/deeper"));
        try (Project p = Project.open(null, below)) {
            assertThat(p.root()).isEqualTo(Fixtures.root());
            assertThat(p.source()).isEqualTo("the project at " + Fixtures.root());
        }
    }

    @Test
    void outsideAnyCheckoutThePackagedCopyIsUsedAndSaysSo() {
        try (Project p = Project.open(null, tmp)) {
            assertThat(p.source()).startsWith("the spec and data files packaged in adoptsig.jar");
            assertThat(p.models().models()).hasSameSizeAs(Fixtures.PROJECT.models().models());
            assertThat(p.specDir().resolve("Supervisors.tla")).exists();
        }
    }

    /** The command line, started in a folder outside the checkout with only the classes on its class path, checks a model. */
    @Test
    void theCommandLineWorksOutsideTheCheckout() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "check", "rfc-noFork", "--out", tmp.resolve("out").toString())).directory(tmp.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("packaged in adoptsig.jar").contains("All 1 model(s) agree with the record.");
        assertThat(tmp.resolve("out/rfc-noFork")).isDirectory();
    }

    /** Commands delete the temporary folders they make (the spec bridge's copies of the spec). */
    @Test
    void conformLeavesNoTemporaryFolderBehind() throws IOException {
        Path tmpdir = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = bridges(tmpdir);
        Fixtures.Run r = Fixtures.cli("conform", "rfc-noFork", "--root", Fixtures.root().toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(bridges(tmpdir)).containsExactlyInAnyOrderElementsOf(before);
    }

    private static List<Path> bridges(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("adoptsig-bridge")).toList();
        }
    }
}
