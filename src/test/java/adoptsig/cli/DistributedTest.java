package adoptsig.cli;

import adoptsig.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** TLC's distributed mode, a server and two local workers, reproduces a single-machine count; models it cannot judge are refused. */
class DistributedTest {
    @TempDir Path tmp;

    @Test
    void twoLocalWorkersReproduceTheRecordedCount() {
        Fixtures.Run r = Fixtures.cli("check", "--distributed", "2", "subreaper-workers", "--root", Fixtures.root().toString(), "--out", tmp.resolve("d").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("subreaper-workers: invariants hold, 719 distinct states").contains("All 1 model(s) agree with the record (state counts only).");
        assertThat(tmp.resolve("d/subreaper-workers/server.out")).exists();
        assertThat(tmp.resolve("d/subreaper-workers/worker-2.out")).exists();
    }

    @Test
    void aWrongRecordedCountIsReported() throws Exception {
        Path root = Fixtures.copy(tmp.resolve("p"));
        Fixtures.replaceOnce(root.resolve("properties/models.tsv"), "subreaper-workers\tsubreaper\tworkers\t-\tdefault\t719\t", "subreaper-workers\tsubreaper\tworkers\t-\tdefault\t720\t");
        Fixtures.Run r = Fixtures.cli("check", "--distributed", "2", "subreaper-workers", "--root", root.toString(), "--out", tmp.resolve("w").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("subreaper-workers / state count: recorded 720 distinct states; distributed TLC: 719 distinct states; see ");
    }

    @Test
    void aModelWithAViolatedInvariantIsRefused() {
        Fixtures.Run r = Fixtures.cli("check", "--distributed", "2", "rfc-two", "--root", Fixtures.root().toString(), "--out", tmp.resolve("e").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("rfc-two: invariant SoundAttributionInv is not expected to hold").doesNotContain("Exception");
    }
}
