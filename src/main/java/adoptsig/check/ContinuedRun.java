package adoptsig.check;

import adoptsig.tlc.TlcOutput;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What one breadth-first, one-worker TLC run with {@code -continue} decides about the safety
 * properties it checked. With -continue, TLC does not stop at a violation: it reports it (with
 * the trace to it, from its BFS tree, so of shortest length) and goes on, and it reports every
 * violating state (every violating step for an action property) in the order its search meets
 * them, so the first report of a property is its shortest counterexample, the one a run that
 * stops at that property's first violation would print (the search order does not depend on what
 * is checked: a violating state is explored further, as in a run that does not check it).
 *
 * <p>One catch, found in TLC 2.18 and handled here: at a state that violates several invariants,
 * TLC reports only the first one the cfg lists and skips the others at that state (the same for
 * action properties on one step). So a property's first report is its shortest counterexample only
 * if no property listed before it, in the same list, was reported earlier in the run: then no state
 * before its first report was masked. And a property never reported holds only if no property
 * listed before it was reported at all. Properties that fail this test are left open (checked again
 * in the next run, without the ones decided); the first property reported in a run always passes
 * it, so every run decides something. The runs list the properties expected to hold first and the
 * expected violations longest first (see {@link #order}), so that with a right record the test
 * passes for all of them in one run.
 */
final class ContinuedRun {
    private ContinuedRun() {}

    /** violated: first report's index (TlcOutput.violationMessage); open: not decided by this run. */
    enum State { HOLDS, VIOLATED, OPEN }

    record Decision(State state, int report, String operator) {}

    /**
     * lists: the cfg's lists in order (INVARIANTS, and the action properties under PROPERTIES),
     * as catalogued property ids; propertyOf: operator to property id (null: not one of this run's);
     * complete: TLC explored every reachable state (not stopped; when it was stopped, its last
     * report is used only if it was read to its end). An operator reported that is
     * not one of the run's properties is an IllegalStateException (TLC checked something else).
     */
    static Map<String, Decision> decide(List<List<String>> lists, Function<String, String> propertyOf, TlcOutput out, boolean complete) {
        Map<String, Integer> first = new LinkedHashMap<>();
        Map<String, String> firstOperator = new LinkedHashMap<>();
        for (int n = 0; n < out.violationCount(); n++) {
            // a run stopped while TLC printed a report: that report's trace may be cut short, so it is not used (its
            // property is then open, for the next run)
            if (!complete && !out.reportClosed(n)) continue;
            String op = out.violatedOperator(n);
            if (op == null) continue;   // a temporal property or a deadlock: not a safety report
            String p = propertyOf.apply(op);
            if (p == null) throw new IllegalStateException("TLC reported " + op + ", which this run does not check");
            if (!first.containsKey(p)) {
                first.put(p, n);
                firstOperator.put(p, op);
            }
        }
        Map<String, Decision> out2 = new LinkedHashMap<>();
        for (List<String> list : lists) {
            int earliestBefore = Integer.MAX_VALUE;   // the earliest first report among the properties listed before
            for (String p : list) {
                Integer f = first.get(p);
                State s;
                if (f != null) s = earliestBefore > f ? State.VIOLATED : State.OPEN;
                else s = complete && earliestBefore == Integer.MAX_VALUE ? State.HOLDS : State.OPEN;
                out2.put(p, new Decision(s, f == null ? -1 : f, firstOperator.get(p)));
                if (f != null) earliestBefore = Math.min(earliestBefore, f);
            }
        }
        return out2;
    }

    /**
     * The order a run lists its safety properties in (the same in both lists): those expected to
     * hold (or with nothing recorded) first, as given; then the expected violations, longest
     * recorded counterexample first (unknown lengths first of all). A property listed later can
     * only be masked by one listed earlier whose violation comes no later in the search, which this
     * order avoids when the record is right; when it is wrong, the check in {@link #decide} catches it.
     */
    static List<String> order(List<String> properties, Function<String, Integer> expectedSteps) {
        List<String> hold = new ArrayList<>(), violated = new ArrayList<>();
        for (String p : properties) (expectedSteps.apply(p) == null ? hold : violated).add(p);
        violated.sort((a, b) -> Integer.compare(key(expectedSteps.apply(b)), key(expectedSteps.apply(a))));
        List<String> all = new ArrayList<>(hold);
        all.addAll(violated);
        return all;
    }

    private static int key(Integer steps) { return steps < 0 ? Integer.MAX_VALUE : steps; }

    /**
     * The stop rule of a -continue run: TLC reports every violating state, and printing a trace
     * costs a trace reconstruction (TLC re-evaluates the path from an initial state: from a few
     * milliseconds on the small models to half a second on the two-service ones); a property
     * violated in thousands of states would make the run spend most of its time printing
     * counterexamples nobody reads. Stopping costs a new run for what is still open (parsing, and
     * searching again at least as far as this run's first report). So a run goes on after its first
     * repeated report for as long as it took to get to its first report (at least
     * {@link #MIN_EXTRA}) and is stopped then (the ski-rental rule: the wasted time is at most what
     * a restart would cost). What it decided up to then stands (see {@link #decide}). Which run
     * decides what depends on timing; what is decided does not. A repeat is an operator reported
     * again (the parts of a property are reported one by one). With every operator wrapped to be
     * reported once ({@link adoptsig.tlc.ReportOnce}) the rule never stops a run; it is there for
     * an operator that could not be wrapped.
     */
    static final class Budget implements Predicate<TlcOutput> {
        static final long MIN_EXTRA = 1_000_000_000L;

        private final java.util.function.LongSupplier clock;
        private final long start;
        private final Set<String> reported = new HashSet<>();
        private int seen;
        private long firstReport = -1, firstRepeat = -1;

        Budget() { this(System::nanoTime); }

        Budget(java.util.function.LongSupplier clock) {
            this.clock = clock;
            this.start = clock.getAsLong();
        }

        @Override
        public boolean test(TlcOutput out) {
            long now = clock.getAsLong();
            for (; seen < out.violationCount(); seen++) {
                String op = out.violatedOperator(seen);
                if (op == null) continue;
                if (firstReport < 0) firstReport = now;
                if (!reported.add(op) && firstRepeat < 0) firstRepeat = now;   // the same operator again (a property's parts are reported one by one)
            }
            return firstRepeat >= 0 && now - firstRepeat > Math.max(MIN_EXTRA, firstReport - start);
        }
    }
}
