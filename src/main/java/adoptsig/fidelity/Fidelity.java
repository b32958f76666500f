package adoptsig.fidelity;

import adoptsig.catalog.Facts;
import adoptsig.kernel.Kernel;
import org.quicktheories.QuickTheory;
import org.quicktheories.generators.SourceDSL;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The real-kernel check: the fixed scenarios of properties/scenarios.tsv, then random scripts
 * that QuickTheories generates from a seed and shrinks to a smallest disagreeing one. Every
 * script runs in a fresh driver (a fresh PID namespace where the kernel allows it).
 */
public final class Fidelity {
    /** Bounds of the random scripts. */
    public static final int RANDOM_MAX_PID = 6;
    public static final int RANDOM_RT_LIMIT = 3;

    /** What a run found. disagreements: the scenarios' and the smallest random one, as stories. */
    public record Report(Driver.Hello hello, int scenarios, int randomScripts, int shrinkRuns, long steps, Set<String> operations,
                         List<Run.Outcome> disagreements, double seconds) {
        public boolean agrees() { return disagreements.isEmpty(); }
    }

    private Fidelity() {}

    public static Report run(Path exe, Kernel kernel, Facts facts, int scripts, long seed, int steps, boolean namespaces,
                             Consumer<String> progress) {
        long t0 = System.nanoTime();
        List<Run.Outcome> bad = new ArrayList<>();
        Set<String> ops = new TreeSet<>();
        long[] count = {0};
        Driver.Hello hello;
        try (Driver d = Driver.start(exe, namespaces)) {
            hello = d.hello();
        }
        progress.accept(String.format("Linux %s; init is %s", hello.kernel(),
                hello.namespace() ? "PID 1 of a new PID namespace" : "a child subreaper " + hello.note()));
        for (Facts.Scenario sc : facts.scenarios().values()) {
            List<Op> script = new ArrayList<>();
            for (int i = 0; i < sc.script().size(); i++) script.add(Op.parse(sc.script().get(i), sc.where() + ", operation " + (i + 1)));
            if (!hello.namespace() && script.stream().anyMatch(o -> o.name().equals("Sigqueue") || o.name().equals("OutsideFork"))) {
                progress.accept("  scenario " + sc.name() + ": not run (it needs a PID namespace of its own)");
                continue;
            }
            Run.Outcome o;
            try (Driver d = Driver.start(exe, namespaces)) {
                o = Run.explicit(d, kernel, sc.maxPid(), sc.sigLimit(), script);
            }
            count[0] += o.script().size();
            ops.addAll(o.operations());
            progress.accept(String.format("  scenario %-18s %2d steps  %s", sc.name(), o.script().size(), o.agrees() ? "agrees" : "DISAGREES: " + o.disagreement()));
            if (!o.agrees()) bad.add(withTitle(o, "scenario " + sc.name()));
        }
        int[] random = {0};
        int[] shrink = {0};
        Run.Outcome[] smallest = {null};
        if (scripts > 0) {
            try {
                QuickTheory.qt().withFixedSeed(seed).withExamples(scripts).withShrinkCycles(200)
                        .forAll(SourceDSL.lists().of(SourceDSL.integers().between(0, 9999)).ofSizeBetween(1, steps))
                        .checkAssert(choices -> {
                            Run.Outcome o;
                            try (Driver d = Driver.start(exe, namespaces)) {
                                o = Run.random(d, kernel, RANDOM_MAX_PID, RANDOM_RT_LIMIT, choices);
                            }
                            if (smallest[0] == null) {
                                random[0]++;
                                count[0] += o.script().size();
                                ops.addAll(o.operations());
                                if (random[0] % 50 == 0) progress.accept(String.format("  %d random scripts, %,d steps", random[0], count[0]));
                            } else {
                                shrink[0]++;
                            }
                            if (!o.agrees()) {
                                if (smallest[0] == null || o.script().size() < smallest[0].script().size()) smallest[0] = o;
                                throw new AssertionError(o.disagreement());
                            }
                        });
            } catch (AssertionError e) {
                // QuickTheories has shrunk the script; the smallest disagreeing one is kept above
            }
        }
        if (smallest[0] != null) {
            Run.Outcome m = minimise(exe, kernel, namespaces, smallest[0], shrink);
            bad.add(withTitle(m, "random script (seed " + seed + ", shrunk over " + shrink[0] + " runs)"));
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return new Report(hello, facts.scenarios().size(), random[0], shrink[0], count[0], ops, bad, s);
    }

    /**
     * Leaves out one operation at a time while the script still disagrees (and the model still
     * allows it), until no single operation can go: a script in which every step matters.
     */
    static Run.Outcome minimise(Path exe, Kernel kernel, boolean namespaces, Run.Outcome failing, int[] runs) {
        Run.Outcome best = failing;
        boolean smaller = true;
        while (smaller) {
            smaller = false;
            for (int i = 0; i < best.script().size() && !smaller; i++) {
                List<Op> less = new ArrayList<>(best.script());
                less.remove(i);
                Run.Outcome o;
                try (Driver d = Driver.start(exe, namespaces)) {
                    runs[0]++;
                    o = Run.explicit(d, kernel, RANDOM_MAX_PID, RANDOM_RT_LIMIT, less);
                } catch (adoptsig.InputError e) {
                    continue;
                }
                if (!o.agrees()) { best = o; smaller = true; }
            }
        }
        return best;
    }

    private static Run.Outcome withTitle(Run.Outcome o, String title) {
        List<String> story = new ArrayList<>();
        story.add(title + ": " + o.script().size() + " operations: " + o.script().stream().map(Op::toString).reduce((a, b) -> a + " " + b).orElse(""));
        story.addAll(o.story());
        return new Run.Outcome(o.script(), story, o.disagreement(), o.operations(), o.states());
    }
}
