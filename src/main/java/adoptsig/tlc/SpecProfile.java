package adoptsig.tlc;

import adoptsig.InputError;
import adoptsig.system.Bounds;
import tlc2.tool.Action;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where TLC's evaluator spends its time on a model: each of Next's disjuncts (as TLC splits
 * them, one per binding of an outer {@code \E}), each state invariant and each action property,
 * and the successors' fingerprints, timed separately over the model's reachable states with
 * TLC's own evaluator (FastTool) in this JVM. The states are found first, breadth-first as TLC
 * does with one worker (which runs Next and the fingerprints once on every state); then every
 * state is taken through every item once per pass. A pass's figure for an item is the wall-clock
 * time of its calls, timer included (the cost of an empty timed interval is measured and
 * reported); the report keeps each item's least over the passes after the first, and that
 * first timed pass beside it, divided by the number of states: microseconds per distinct state
 * (successors for every state, invariants for every state, action properties for every step).
 * The operators are the plain ones of the spec (a `check` run evaluates them through
 * report-once wrappers, which add a register read only once one is violated). What TLC does
 * besides evaluating (its fingerprint set, state queue and trace file, JVM start, parsing, the
 * compiler's work) is not in the figures; nor is the compiler's choice: the figures are those
 * of the code this JVM's compiler made. Measurements, not assertions. One profile per JVM at a
 * time: TLC keeps static state.
 */
public final class SpecProfile {
    /** One timed item: a Next disjunct, a state invariant or an action property. */
    public record Item(String kind, String name, double microsPerState, double coldMicrosPerState) { }

    /** The profile: the states it ran over, the steps between them, and each item's cost, dearest first. */
    public record Result(long states, long steps, boolean whole, List<Item> items, Item fingerprints, double timerNanos) {
        /** Every item's figure and the fingerprints', summed (warm: each item's least; cold: the first timed pass). */
        public double total(boolean cold) {
            return items.stream().mapToDouble(i -> cold ? i.coldMicrosPerState() : i.microsPerState()).sum()
                    + (cold ? fingerprints.coldMicrosPerState() : fingerprints.microsPerState());
        }
        public double total(String kind, boolean cold) {
            return items.stream().filter(i -> i.kind().equals(kind)).mapToDouble(i -> cold ? i.coldMicrosPerState() : i.microsPerState()).sum();
        }
        /** Timed calls per state: one per disjunct of Next and per invariant, and per step one fingerprint and one per action property. */
        public double callsPerState(int actionProperties) {
            long next = items.stream().filter(i -> i.kind().equals(NEXT)).count(), inv = items.stream().filter(i -> i.kind().equals(INVARIANT)).count();
            return next + inv + (double) steps / Math.max(1, states) * (1 + actionProperties);
        }
    }

    public static final String NEXT = "step", INVARIANT = "invariant", ACTION = "action property", FINGERPRINT = "fingerprint";

    private final FastTool tool;

    private SpecProfile(FastTool tool) { this.tool = tool; }

    /**
     * Loads the spec at these bounds with these state invariants and action properties (the
     * names of operators of the spec), working in {@code workDir}.
     */
    public static SpecProfile load(Path specDir, Bounds bounds, List<String> invariants, List<String> actionProperties, Path workDir) {
        FastTool tool = SpecBridge.loadTool(specDir, "adoptsig: profile of TLC's evaluator", bounds, invariants, actionProperties, workDir, "Profile");
        if (tool.getImpliedActions().length != actionProperties.size())
            throw new InputError("TLC's evaluator took " + tool.getImpliedActions().length + " of " + actionProperties + " as action properties; "
                    + "each must be of the form [][A]_v");
        return new SpecProfile(tool);
    }

    /**
     * Profiles the first {@code maxStates} states found breadth-first (all of them when there are
     * no more), {@code passes} times over (at least 2: the first timed pass, then the warm ones).
     * A TLA+ error in an item (an evaluation TLC cannot make) is bad input, named with the item.
     */
    public Result run(int passes, long maxStates) {
        if (passes < 2) throw new IllegalArgumentException("passes: at least 2, not " + passes);
        Action[] next = tool.getActions();
        Action[] inv = tool.getInvariants();
        Action[] act = tool.getImpliedActions();
        String[] invNames = tool.getInvNames(), actNames = tool.getImpliedActNames();
        String[] labels = new String[next.length];
        for (int k = 0; k < next.length; k++) labels[k] = label(next[k]);

        // the states, breadth-first, as TLC's worker keeps them (state and action constraints included)
        List<TLCState> states = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        ArrayDeque<TLCState> queue = new ArrayDeque<>();
        boolean whole = true;
        String doing = "the initial states";
        try {
            StateVec init = tool.getInitStates();
            for (int i = 0; i < init.size(); i++) {
                TLCState s = init.elementAt(i);
                if (!tool.isInModel(s) || !seen.add(s.fingerPrint())) continue;
                if (states.size() >= maxStates) { whole = false; continue; }
                states.add(s);
                queue.add(s);
            }
            while (!queue.isEmpty()) {
                TLCState s = queue.poll();
                for (int k = 0; k < next.length; k++) {
                    doing = labels[k];
                    StateVec v = tool.getNextStates(next[k], s);
                    for (int i = 0; i < v.size(); i++) {
                        TLCState t = v.elementAt(i);
                        if (!tool.isInModel(t) || !tool.isInActions(s, t) || !seen.add(t.fingerPrint())) continue;
                        if (states.size() >= maxStates) { whole = false; continue; }
                        states.add(t);
                        queue.add(t);
                    }
                }
            }

            int n = next.length, ni = inv.length, na = act.length, fp = n + ni + na;
            double[] best = new double[fp + 1], cold = new double[fp + 1];
            Arrays.fill(best, Double.MAX_VALUE);
            long steps = 0;
            for (int pass = 0; pass < passes; pass++) {
                long[] ns = new long[fp + 1];
                steps = 0;
                for (TLCState s : states) {
                    for (int k = 0; k < n; k++) {
                        doing = labels[k];
                        long t0 = System.nanoTime();
                        StateVec v = tool.getNextStates(next[k], s);
                        ns[k] += System.nanoTime() - t0;
                        for (int i = 0; i < v.size(); i++) {
                            TLCState t = v.elementAt(i);
                            steps++;
                            long f0 = System.nanoTime();
                            t.fingerPrint();
                            ns[fp] += System.nanoTime() - f0;
                            for (int j = 0; j < na; j++) {
                                doing = actNames[j];
                                long a0 = System.nanoTime();
                                tool.isValid(act[j], s, t);
                                ns[n + ni + j] += System.nanoTime() - a0;
                            }
                        }
                    }
                    for (int j = 0; j < ni; j++) {
                        doing = invNames[j];
                        long t0 = System.nanoTime();
                        tool.isValid(inv[j], s);
                        ns[n + j] += System.nanoTime() - t0;
                    }
                }
                for (int k = 0; k < ns.length; k++) {
                    double us = ns[k] / 1e3 / Math.max(1, states.size());
                    if (pass == 0) cold[k] = us; else best[k] = Math.min(best[k], us);
                }
            }
            List<Item> items = new ArrayList<>();
            for (int k = 0; k < n; k++) items.add(new Item(NEXT, labels[k], best[k], cold[k]));
            for (int j = 0; j < ni; j++) items.add(new Item(INVARIANT, invNames[j], best[n + j], cold[n + j]));
            for (int j = 0; j < na; j++) items.add(new Item(ACTION, actNames[j], best[n + ni + j], cold[n + ni + j]));
            items.sort(Comparator.comparingDouble(Item::microsPerState).reversed());
            return new Result(states.size(), steps, whole, List.copyOf(items),
                    new Item(FINGERPRINT, "fingerprints of successors", best[fp], cold[fp]), emptyInterval());
        } catch (RuntimeException e) {
            if (e instanceof InputError) throw e;
            throw new InputError("TLC's evaluator failed on " + doing + " after " + states.size() + " states: "
                    + String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\n\\s*", " "));
        }
    }

    /** The least wall-clock time of an empty timed interval on this machine, in nanoseconds (the timer's own cost). */
    static double emptyInterval() {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 20; round++) {
            long sum = 0;
            for (int i = 0; i < 10_000; i++) {
                long a = System.nanoTime();
                sum += System.nanoTime() - a;
            }
            best = Math.min(best, sum);
        }
        return best / 10_000.0;
    }

    /** A Next disjunct as TLC split it: its operator, its bindings ([p->2]), and where it is. */
    private static String label(Action a) {
        Set<String> bound = new java.util.LinkedHashSet<>();   // a name bound twice to one value (a quantifier's, then an operator's argument) once
        if (a.con != null) {
            Set<tla2sany.semantic.SymbolNode> names = new java.util.LinkedHashSet<>();
            a.con.lookupName(node -> { names.add(node); return false; });   // every entry, innermost first
            List<tla2sany.semantic.SymbolNode> outerFirst = new ArrayList<>(names);
            java.util.Collections.reverse(outerFirst);
            for (var node : outerFirst) bound.add(node.getName() + "->" + a.con.lookup(node));
        }
        var loc = a.pred.getLocation();
        return a.getName() + (bound.isEmpty() ? "" : " [" + String.join(", ", bound) + "]") + " (" + loc.source() + " line " + loc.beginLine() + ")";
    }
}
