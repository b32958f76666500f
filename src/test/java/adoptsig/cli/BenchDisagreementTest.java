package adoptsig.cli;

import adoptsig.catalog.Expected;
import adoptsig.check.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `bench` compares the temporal verdicts of the Java engine's fair cycles with TLC's liveness
 * checker and exits 1 when they differ. The comparison, given verdicts that disagree on purpose
 * (TLC finding a property violated that the Java engine found holding, the other way round, and
 * one TLC left undecided), names each of them; given agreeing ones, nothing.
 */
class BenchDisagreementTest {
    private static Verdict tlc(String property, Expected actual) {
        return new Verdict("m", property, null, actual, 10, 3, 0, 1.0, null, null, null, false);
    }

    @Test
    void agreeingVerdictsAreNoDisagreement() {
        assertThat(BenchCommand.disagreements(Set.of("StoppedDetectedProp"),
                List.of(tlc("StoppedDetectedProp", Expected.VIOLATED), tlc("ZombiesReapedProp", Expected.HOLDS)))).isNull();
    }

    @Test
    void everyDisagreementIsNamed() {
        String d = BenchCommand.disagreements(Set.of("ZombiesReapedProp"),
                List.of(tlc("StoppedDetectedProp", Expected.VIOLATED), tlc("ZombiesReapedProp", Expected.HOLDS),
                        tlc("NotificationsReadProp", null), tlc("ReapedProp", Expected.HOLDS)));
        assertThat(d).isEqualTo("StoppedDetectedProp (Java holds, TLC violated), ZombiesReapedProp (Java violated, TLC holds), "
                + "NotificationsReadProp (Java holds, TLC undecided)");
    }
}
