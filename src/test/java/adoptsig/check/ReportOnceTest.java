package adoptsig.check;

import adoptsig.Fixtures;
import adoptsig.catalog.Expected;
import adoptsig.catalog.Property;
import adoptsig.tlc.ReportOnce;
import adoptsig.tlc.TlcOutput;
import adoptsig.tlc.TlcRunner;
import adoptsig.tlc.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wrappers that make a -continue run of TLC report each operator once ({@link ReportOnce}),
 * on the masking spec of {@link ContinuedRunTest} and on a catalogued model: the same search and
 * the same first reports as without them, no later report, every decided counterexample the one a
 * run of that property alone prints, and a wrapper that hides a violation
 * (the SILENT mutant) caught by the comparison with the record.
 */
class ReportOnceTest {
    @TempDir Path tmp;

    static final Path SPEC = ContinuedRunTest.SPEC;
    static final Function<String, String> ORIGINAL = ReportOnce::original;
    final TlcRunner runner = new TlcRunner(TlcRunner.Mode.IN_PROCESS);
    int runs;

    TlcRunner.Result run(List<String> invariants, List<String> actions, ReportOnce.Mutant mutant) {
        TlcRunner.Result r = run(SPEC, "Masking", invariants, actions, mutant);
        assertThat(r.output().errors()).as(r.log().toString()).isEmpty();
        return r;
    }

    TlcRunner.Result run(Path spec, String module, List<String> invariants, List<String> actions, ReportOnce.Mutant mutant) {
        ReportOnce.Wrapped w = ReportOnce.wrap(module, invariants, actions, ReportOnce.boxActions(spec), mutant);
        StringBuilder cfg = new StringBuilder("SPECIFICATION Spec\n");
        if (!w.invariants().isEmpty()) cfg.append("INVARIANTS ").append(String.join(" ", w.invariants())).append('\n');
        if (!w.actions().isEmpty()) cfg.append("PROPERTIES ").append(String.join(" ", w.actions())).append('\n');
        Path work = tmp.resolve("run-" + ++runs);
        TlcRunner.Result r = runner.runModel(spec, work, cfg.toString(), Map.of(ReportOnce.MODULE + ".tla", w.moduleText()),
                new TlcRunner.Request(work, ReportOnce.MODULE, "Once.cfg", 1, Duration.ofMinutes(2), true, null), p -> { });
        assertThat(r.complete()).isTrue();
        return r;
    }

    Path module(String name, String body) throws java.io.IOException {
        Path dir = java.nio.file.Files.createDirectories(tmp.resolve("spec-" + ++runs));
        java.nio.file.Files.writeString(dir.resolve(name + ".tla"), "---- MODULE " + name + " ----\n" + body + "====\n");
        return dir;
    }

    @Test
    void onlyAWholeOneLineDefinitionOfABoxedActionIsWrapped() throws Exception {
        Path dir = module("Toy", """
                EXTENDS Naturals
                VARIABLE x
                StepA == x' # 5
                StepB == x' # 3
                Step(n) == x' # n
                OneLine == [][StepA]_x   \\* a comment after it
                TwoLines == [][StepA]_x
                            /\\ [][StepB]_x
                FlushLeft == [][StepA]_x
                /\\ [][StepB]_x
                WithArgument == [][Step(3)]_x
                Unknown == [][StepC]_x
                (* Old == [][StepB]_x *)
                \\* Older == [][StepB]_x
                Spec == x = 0 /\\ [][x' = x + 1]_x
                """);
        assertThat(ReportOnce.boxActions(dir)).containsOnlyKeys("OneLine");
        assertThat(ReportOnce.boxActions(dir).get("OneLine")).containsExactly("StepA", "x");
        // a definition the wrappers' names could clash with is refused
        for (String def : List.of("Once_Inv == x = 0", "Once_F(n) == x = n", "LOCAL Once_G == x")) {
            Path clash = module("Clash", "VARIABLE x\n" + def + "\n");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportOnce.boxActions(clash))
                    .isInstanceOf(adoptsig.InputError.class).hasMessageContaining("Once_");
        }
        // and so is a module of the generated module's name
        Path own = module(ReportOnce.MODULE, "VARIABLE x\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportOnce.boxActions(own))
                .isInstanceOf(adoptsig.InputError.class).hasMessageContaining("may not have a module named");
    }

    /** The operator is evaluated at every state as without its wrapper: an error below its first report still stops the run. */
    @Test
    void anErrorInEvaluatingAPropertyAfterItsReportStillStopsTheRun() throws Exception {
        Path dir = module("Err", """
                EXTENDS Naturals
                VARIABLE x
                f == [i \\in 0..2 |-> i]
                Spec == x = 0 /\\ [][x < 4 /\\ x' = x + 1]_x
                Inv == f[x] # 2
                """);
        TlcRunner.Result r = run(dir, "Err", List.of("Inv"), List.of(), ReportOnce.Mutant.NONE);
        assertThat(reported(r.output())).containsExactly("Once_Inv");
        assertThat(r.output().errors()).as("f[3] is not defined").isNotEmpty();
        assertThat(r.exitCode()).isNotZero();
    }

    /** The trace of a run of TLC that checks one property, unwrapped, and stops at its first violation. */
    Trace alone(String property, boolean action) {
        StringBuilder cfg = new StringBuilder("SPECIFICATION Spec\n").append(action ? "PROPERTIES " : "INVARIANTS ").append(property).append('\n');
        Path work = tmp.resolve("alone-" + ++runs);
        TlcRunner.Result r = runner.runModel(SPEC, work, cfg.toString(),
                new TlcRunner.Request(work, "Masking", "Masking.cfg", 1, Duration.ofMinutes(2), false, null), p -> { });
        assertThat(r.output().violationCount()).isEqualTo(1);
        return r.output().trace(0).orElseThrow();
    }

    static List<String> reported(TlcOutput out) {
        List<String> ops = new ArrayList<>();
        for (int n = 0; n < out.violationCount(); n++) ops.add(out.violatedOperator(n));
        return ops;
    }

    @Test
    void eachOperatorIsReportedOnceAfterTheSameSearchAndAWrapperMasksOnlyTheStateOfItsReport() {
        List<String> inv = List.of("InvA", "InvB", "InvC", "InvD", "InvE"), act = List.of("ActA", "ActB");
        TlcRunner.Result r = run(inv, act, ReportOnce.Mutant.NONE);
        TlcOutput out = r.output();
        List<String> ops = reported(out);
        // without the wrappers TLC reports InvA, InvB, ActA and ActB again and again (ContinuedRunTest); here once each
        assertThat(ops).doesNotHaveDuplicates().containsExactlyInAnyOrder("Once_InvA", "Once_InvB", "Once_InvE", "Once_ActA", "Once_ActB");
        assertThat(out.distinct()).as("the whole graph, as a run that checks nothing").isEqualTo(9);

        // the rule of ContinuedRun draws the same conclusions as from the unwrapped run: what masking leaves open stays open
        Map<String, ContinuedRun.Decision> d = ContinuedRun.decide(List.of(inv, act), ORIGINAL, out, true);
        assertThat(d.get("InvA").state()).isEqualTo(ContinuedRun.State.VIOLATED);
        assertThat(d.get("ActA").state()).isEqualTo(ContinuedRun.State.VIOLATED);
        // InvB: masked by InvA at (2,0), reported at (3,1), deeper than its shortest counterexample: open
        assertThat(d.get("InvB").state()).isEqualTo(ContinuedRun.State.OPEN);
        assertThat(out.trace(d.get("InvB").report()).orElseThrow().steps()).isEqualTo(4);
        // InvE: masked at (2,0) and reported at (1,1), as deep but another state than a run of InvE alone prints: open
        assertThat(d.get("InvE").state()).isEqualTo(ContinuedRun.State.OPEN);
        assertThat(ContinuedRunTest.states(out.trace(d.get("InvE").report()).orElseThrow()))
                .isNotEqualTo(ContinuedRunTest.states(alone("InvE", false)));
        assertThat(d.get("ActB").state()).isEqualTo(ContinuedRun.State.OPEN);
        assertThat(d.get("InvD").state()).as("violated only where masked").isEqualTo(ContinuedRun.State.OPEN);
        assertThat(d.get("InvC").state()).isEqualTo(ContinuedRun.State.OPEN);
        // what is decided is what a run that stops at the property finds, state for state
        for (String p : List.of("InvA", "ActA")) {
            assertThat(ContinuedRunTest.states(out.trace(d.get(p).report()).orElseThrow()))
                    .as(p).isEqualTo(ContinuedRunTest.states(alone(p, p.startsWith("Act"))));
        }
    }

    @Test
    void runningAgainWithTheOpenPropertiesDecidesEachAsARunOfItsOwnWould() {
        List<String> open = new ArrayList<>(List.of("InvA", "InvB", "InvC", "InvD", "InvE", "ActA", "ActB"));
        Map<String, Integer> length = new HashMap<>();
        List<String> holds = new ArrayList<>();
        int loops = 0;
        while (!open.isEmpty()) {
            assertThat(++loops).isLessThanOrEqualTo(4);
            List<String> inv = open.stream().filter(p -> p.startsWith("Inv")).toList(), act = open.stream().filter(p -> p.startsWith("Act")).toList();
            TlcRunner.Result r = run(inv, act, ReportOnce.Mutant.NONE);
            assertThat(reported(r.output())).doesNotHaveDuplicates();
            var d = ContinuedRun.decide(List.of(inv, act), ORIGINAL, r.output(), true);
            for (var e : d.entrySet()) {
                if (e.getValue().state() == ContinuedRun.State.VIOLATED) {
                    Trace t = r.output().trace(e.getValue().report()).orElseThrow();
                    assertThat(ContinuedRunTest.states(t)).as(e.getKey())
                            .isEqualTo(ContinuedRunTest.states(alone(e.getKey(), e.getKey().startsWith("Act"))));
                    length.put(e.getKey(), t.steps());
                }
                if (e.getValue().state() == ContinuedRun.State.HOLDS) holds.add(e.getKey());
                if (e.getValue().state() != ContinuedRun.State.OPEN) open.remove(e.getKey());
            }
        }
        assertThat(holds).containsExactly("InvC");
        assertThat(length).containsEntry("InvA", 2).containsEntry("InvB", 2).containsEntry("InvD", 2).containsEntry("InvE", 2)
                .containsEntry("ActA", 2).containsEntry("ActB", 2);
    }

    @Test
    void aWrapperThatHidesAViolationMakesTheRunSayItHolds() {
        // the SILENT mutant: the register is set but the wrapper holds, so nothing is reported
        TlcRunner.Result r = run(List.of("InvA"), List.of("ActA"), ReportOnce.Mutant.SILENT);
        assertThat(r.output().violationCount()).isZero();
        var d = ContinuedRun.decide(List.of(List.of("InvA"), List.of("ActA")), ORIGINAL, r.output(), true);
        assertThat(d.get("InvA").state()).isEqualTo(ContinuedRun.State.HOLDS);
        assertThat(d.get("ActA").state()).isEqualTo(ContinuedRun.State.HOLDS);
        assertThat(alone("InvA", false).steps()).as("but InvA is violated").isEqualTo(2);
    }

    @Test
    void everyCataloguedActionPropertyIsWrapped() {
        Set<String> actions = new TreeSet<>();
        for (Property p : Fixtures.PROJECT.catalogue().properties()) {
            if (p.kind().isSafety() && !p.kind().isStatePredicate()) actions.addAll(p.operators());
        }
        assertThat(actions).isNotEmpty();
        Map<String, String[]> box = ReportOnce.boxActions(Fixtures.root().resolve("spec"));
        assertThat(box.keySet()).containsAll(actions);
        for (String a : actions) assertThat(box.get(a)[1]).as(a).isEqualTo("kernelVars");
    }

    /**
     * On a catalogued model: one run decides it (the record's counts, lengths and verdicts), and
     * the SILENT mutant is caught, as a disagreement with the record.
     */
    @Test
    void onACataloguedModelOneRunAgreesWithTheRecordAndTheSilentMutantIsCaught() throws Exception {
        Job job = Job.of(Fixtures.PROJECT.models().model("classic-apue"), 0);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        ModelOutcome ok = Fixtures.PROJECT.checker(1, null, quiet).withJavaTemporal(Fixtures.PROJECT::system).check(job, tmp.resolve("ok"));
        assertThat(ok.agrees()).as(ok.differences().toString()).isTrue();
        assertThat(ok.runs()).isEqualTo(1);
        // a model this small runs TLC in a warm host JVM by default (TlcRunner.Mode.BY_SIZE), not in this one
        assertThat(java.nio.file.Files.readString(tmp.resolve("ok/classic-apue/run-01/tlc.out"))).startsWith("# TLC host JVM ");
        // without the wrappers, the stop rule's path: the same verdicts, counts and lengths
        ModelOutcome plain = Fixtures.PROJECT.checker(1, null, quiet).withJavaTemporal(Fixtures.PROJECT::system)
                .withReportOnce(null).check(job, tmp.resolve("plain"));
        assertThat(plain.agrees()).as(plain.differences().toString()).isTrue();
        assertThat(java.nio.file.Files.readString(tmp.resolve("plain/classic-apue/run-01/classic-apue.cfg"))).doesNotContain(ReportOnce.PREFIX);
        ModelOutcome bad = Fixtures.PROJECT.checker(1, null, quiet).withJavaTemporal(Fixtures.PROJECT::system)
                .withReportOnce(ReportOnce.Mutant.SILENT).check(job, tmp.resolve("bad"));
        assertThat(bad.agrees()).isFalse();
        Map<String, Expected> wrong = bad.verdicts().stream().filter(v -> !v.agrees())
                .collect(Collectors.toMap(Verdict::property, Verdict::actual));
        assertThat(wrong).containsOnly(Map.entry("RunningReportedInv", Expected.HOLDS), Map.entry("TracksLiveProcessInv", Expected.HOLDS));
    }
}
