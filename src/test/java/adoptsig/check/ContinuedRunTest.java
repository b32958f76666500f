package adoptsig.check;

import adoptsig.Fixtures;
import adoptsig.tlc.TlcOutput;
import adoptsig.tlc.TlcRunner;
import adoptsig.tlc.Trace;
import adoptsig.tlc.TraceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What TLC 2.18's -continue reports, shown on a tiny spec (src/test/resources/tlc/Masking.tla),
 * and the rule {@link ContinuedRun#decide} draws from it: TLC goes on after a violated invariant
 * and after a violated action property, and the first report of a property is the counterexample
 * a run that stops at it prints; but at a state (a step) that violates several properties TLC
 * reports only the one its cfg lists first, so a later-listed property's first report may be
 * longer than its shortest counterexample, or missing. The rule leaves exactly those open, and the
 * next run, without the properties decided, decides them.
 */
class ContinuedRunTest {
    @TempDir Path tmp;

    static final Path SPEC = Fixtures.root().resolve("src/test/resources/tlc");
    static final Function<String, String> SAME = op -> op;
    final TlcRunner runner = new TlcRunner(TlcRunner.Mode.IN_PROCESS);
    int runs;

    TlcRunner.Result run(List<String> invariants, List<String> actions, boolean cont) {
        StringBuilder cfg = new StringBuilder("SPECIFICATION Spec\n");
        if (!invariants.isEmpty()) cfg.append("INVARIANTS ").append(String.join(" ", invariants)).append('\n');
        if (!actions.isEmpty()) cfg.append("PROPERTIES ").append(String.join(" ", actions)).append('\n');
        Path work = tmp.resolve("run-" + ++runs);
        TlcRunner.Result r = runner.runModel(SPEC, work, cfg.toString(),
                new TlcRunner.Request(work, "Masking", "Masking.cfg", 1, Duration.ofMinutes(2), cont, null), p -> { });
        assertThat(r.complete()).isTrue();
        return r;
    }

    /** Traces of runs of one property alone, shared by the tests (each such run is the same). */
    static final Map<String, Trace> ALONE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The trace of a run that checks one property and stops at its first violation. */
    Trace alone(String property, boolean action) {
        Trace known = ALONE.get(property);
        if (known != null) return known;
        TlcRunner.Result r = action ? run(List.of(), List.of(property), false) : run(List.of(property), List.of(), false);
        assertThat(r.output().violationCount()).isEqualTo(1);
        Trace t = r.output().trace(0).orElseThrow();
        ALONE.put(property, t);
        return t;
    }

    static List<Map<String, ?>> states(Trace t) {
        List<Map<String, ?>> out = new ArrayList<>();
        for (TraceState s : t.states()) out.add(s.vars());
        return out;
    }

    @Test
    void tlcGoesOnAfterEveryViolationButReportsOnePropertyPerStateAndTheRuleLeavesTheMaskedOnesOpen() {
        List<String> inv = List.of("InvA", "InvB", "InvC", "InvD"), act = List.of("ActA", "ActB");
        TlcRunner.Result r = run(inv, act, true);
        TlcOutput out = r.output();
        List<String> reported = new ArrayList<>();
        for (int n = 0; n < out.violationCount(); n++) reported.add(out.violatedOperator(n));
        // TLC goes on after an action property's violation: the action properties and the invariants are reported again later
        int firstActA = reported.indexOf("ActA");
        assertThat(firstActA).isNotNegative();
        assertThat(reported.subList(firstActA + 1, reported.size())).contains("ActA", "ActB", "InvA", "InvB");
        // the complete -continue run explores the whole graph: the same count and depth as a run that checks nothing
        TlcRunner.Result plain = run(List.of(), List.of(), false);
        assertThat(out.distinct()).isEqualTo(plain.output().distinct()).isEqualTo(9);
        assertThat(out.depth()).isEqualTo(plain.output().depth());
        // masking: (2,0) violates InvA, InvB and InvD, and TLC names only InvA there
        assertThat(reported).doesNotContain("InvD");
        int firstInvB = reported.indexOf("InvB");
        assertThat(out.trace(firstInvB).orElseThrow().states()).hasSize(5);
        assertThat(alone("InvB", false).states()).hasSize(3);
        assertThat(out.trace(reported.indexOf("ActB")).orElseThrow().states()).hasSize(5);
        assertThat(alone("ActB", true).states()).hasSize(3);

        Map<String, ContinuedRun.Decision> d = ContinuedRun.decide(List.of(inv, act), SAME, out, true);
        assertThat(d.get("InvA").state()).isEqualTo(ContinuedRun.State.VIOLATED);
        assertThat(d.get("ActA").state()).isEqualTo(ContinuedRun.State.VIOLATED);
        assertThat(d.get("InvB").state()).as("first reported after InvA, listed before it").isEqualTo(ContinuedRun.State.OPEN);
        assertThat(d.get("ActB").state()).isEqualTo(ContinuedRun.State.OPEN);
        assertThat(d.get("InvC").state()).as("holds, but listed after a reported invariant").isEqualTo(ContinuedRun.State.OPEN);
        assertThat(d.get("InvD").state()).as("every violation masked: it would look as if it held").isEqualTo(ContinuedRun.State.OPEN);
        // what the rule decides is what runs that stop at each property find, state for state
        assertThat(states(out.trace(d.get("InvA").report()).orElseThrow())).isEqualTo(states(alone("InvA", false)));
        assertThat(states(out.trace(d.get("ActA").report()).orElseThrow())).isEqualTo(states(alone("ActA", true)));
    }

    /** The loop of ModelCheck on the masking spec: every property decided, each as a run of its own finds it. */
    @Test
    void runningAgainWithTheOpenPropertiesDecidesEachAsARunOfItsOwnWould() {
        List<String> open = new ArrayList<>(List.of("InvA", "InvB", "InvC", "InvD", "ActA", "ActB"));
        Map<String, Integer> reportLength = new java.util.HashMap<>();
        List<String> holds = new ArrayList<>();
        int loops = 0;
        while (!open.isEmpty()) {
            assertThat(++loops).isLessThanOrEqualTo(open.size() + 1);
            List<String> inv = open.stream().filter(p -> p.startsWith("Inv")).toList(), act = open.stream().filter(p -> p.startsWith("Act")).toList();
            TlcRunner.Result r = run(inv, act, true);
            Map<String, ContinuedRun.Decision> d = ContinuedRun.decide(List.of(inv, act), SAME, r.output(), true);
            for (var e : d.entrySet()) {
                if (e.getValue().state() == ContinuedRun.State.VIOLATED) {
                    Trace t = r.output().trace(e.getValue().report()).orElseThrow();
                    assertThat(states(t)).as(e.getKey()).isEqualTo(states(alone(e.getKey(), e.getKey().startsWith("Act"))));
                    reportLength.put(e.getKey(), t.steps());
                }
                if (e.getValue().state() == ContinuedRun.State.HOLDS) holds.add(e.getKey());
                if (e.getValue().state() != ContinuedRun.State.OPEN) open.remove(e.getKey());
            }
        }
        assertThat(holds).containsExactly("InvC");
        assertThat(reportLength).containsEntry("InvA", 2).containsEntry("InvB", 2).containsEntry("InvD", 2)
                .containsEntry("ActA", 2).containsEntry("ActB", 2);
    }

    static TlcOutput output(String... reports) {
        TlcOutput out = new TlcOutput(p -> { });
        for (String op : reports) {
            boolean action = op.startsWith("Act");
            int code = action ? TlcOutput.MSG_ACTION_PROPERTY_VIOLATED : TlcOutput.MSG_INVARIANT_VIOLATED;
            out.accept("@!@!@STARTMSG " + code + ":1 @!@!@");
            out.accept((action ? "Action property " : "Invariant ") + op + " is violated.");
            out.accept("@!@!@ENDMSG " + code + " @!@!@");
        }
        return out;
    }

    @Test
    void theRuleOnReportsByHand() {
        List<List<String>> lists = List.of(List.of("H1", "V1", "V2", "H2"), List.of("ActX"));
        // a complete run: V2 reported first, V1 later; nothing listed before either was reported, so both are exact;
        // H1 holds, and H2, listed after reported ones, is left open
        var d = ContinuedRun.decide(lists, SAME, output("V2", "V1", "V2"), true);
        assertThat(d.get("H1").state()).isEqualTo(ContinuedRun.State.HOLDS);
        assertThat(d.get("V2").state()).isEqualTo(ContinuedRun.State.VIOLATED);
        assertThat(d.get("V2").report()).isZero();
        assertThat(d.get("V1").state()).isEqualTo(ContinuedRun.State.VIOLATED);
        assertThat(d.get("H2").state()).isEqualTo(ContinuedRun.State.OPEN);
        assertThat(d.get("ActX").state()).as("the other list is not masked by invariants").isEqualTo(ContinuedRun.State.HOLDS);
        // V1 is listed before V2: V2's report after V1's may hide a masked earlier state
        d = ContinuedRun.decide(lists, SAME, output("V1", "V2"), true);
        assertThat(d.get("V1").state()).isEqualTo(ContinuedRun.State.VIOLATED);
        assertThat(d.get("V2").state()).isEqualTo(ContinuedRun.State.OPEN);
        // a run stopped early decides its exact reports and nothing else
        d = ContinuedRun.decide(lists, SAME, output("V2", "V1"), false);
        assertThat(d.get("V2").state()).isEqualTo(ContinuedRun.State.VIOLATED);
        assertThat(d.get("H1").state()).isEqualTo(ContinuedRun.State.OPEN);
        // ... and its last report, whose trace the stop may have cut short, is not used: V1 stays open
        assertThat(d.get("V1").state()).isEqualTo(ContinuedRun.State.OPEN);
    }

    /**
     * A run stopped by its stop rule just after TLC printed a report's first line (the rule is
     * asked after every message, and a report's trace states are messages of their own) leaves
     * that report without its trace, or with only its first states: the property is left open,
     * never decided with a trace cut short; a report read to its end is used.
     */
    @Test
    void aReportCutShortByTheStopIsNotUsed() {
        List<List<String>> lists = List.of(List.of("V2", "V1"));   // V2 first: V1's earlier report cannot mask it
        TlcOutput out = output("V1", "V2");
        assertThat(out.reportClosed(0)).isTrue();
        assertThat(out.reportClosed(1)).as("nothing after V2's report").isFalse();
        state(out, 1);   // the first state of V2's trace
        assertThat(out.reportClosed(1)).as("its trace may go on").isFalse();
        assertThat(ContinuedRun.decide(lists, SAME, out, false).get("V2").state()).isEqualTo(ContinuedRun.State.OPEN);
        out.accept("@!@!@STARTMSG 2200:0 @!@!@");
        out.accept("Progress(3) at 2026-12-02 12:00:00: 10 states generated, 9 distinct states found, 0 states left on queue.");
        out.accept("@!@!@ENDMSG 2200 @!@!@");
        assertThat(out.reportClosed(1)).as("a progress report came after it").isTrue();
        assertThat(ContinuedRun.decide(lists, SAME, out, false).get("V2").state()).isEqualTo(ContinuedRun.State.VIOLATED);
        // in a complete run every report was read to its end
        assertThat(ContinuedRun.decide(lists, SAME, output("V1", "V2"), true).get("V2").state()).isEqualTo(ContinuedRun.State.VIOLATED);
    }

    private static void state(TlcOutput out, int n) {
        out.accept("@!@!@STARTMSG " + TlcOutput.MSG_TRACE_STATE + ":4 @!@!@");
        out.accept(n + ": <Initial predicate>");
        out.accept("/\\ x = " + n);
        out.accept("@!@!@ENDMSG " + TlcOutput.MSG_TRACE_STATE + " @!@!@");
    }

    @Test
    void theOrderListsExpectedHoldsFirstAndLongerViolationsBeforeShorterOnes() {
        Map<String, Integer> steps = Map.of("V6", 6, "V12", 12, "Vunknown", -1);
        assertThat(ContinuedRun.order(List.of("V6", "H1", "V12", "Vunknown", "H2"), steps::get))
                .containsExactly("H1", "H2", "Vunknown", "V12", "V6");
    }

    @Test
    void aRunGoesOnAfterItsFirstRepeatedReportAsLongAsItTookToGetToItsFirstReport() {
        long[] now = {0};
        long s = 1_000_000_000L;
        ContinuedRun.Budget b = new ContinuedRun.Budget(() -> now[0]);
        now[0] = 5 * s;   // the first report after 5 s (parsing, searching)
        assertThat(b.test(output("V1"))).isFalse();
        now[0] = 6 * s;   // a second property: no repeat yet
        assertThat(b.test(output("V1", "V2"))).isFalse();
        now[0] = 7 * s;   // the first repeated report
        assertThat(b.test(output("V1", "V2", "V1"))).isFalse();
        now[0] = 11 * s;  // 4 s of repeats: less than the 5 s a restart would cost
        assertThat(b.test(output("V1", "V2", "V1", "V2"))).isFalse();
        now[0] = 12 * s + 1;
        assertThat(b.test(output("V1", "V2", "V1", "V2", "V1"))).isTrue();
        // a run whose first report came at once still gets a second
        now[0] = 0;
        b = new ContinuedRun.Budget(() -> now[0]);
        assertThat(b.test(output("V1", "V1"))).isFalse();
        now[0] = ContinuedRun.Budget.MIN_EXTRA + 1;
        assertThat(b.test(output("V1", "V1", "V1"))).isTrue();
    }
}
