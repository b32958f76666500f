package adoptsig.check;

import adoptsig.InputError;
import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Expected;
import adoptsig.catalog.Property;
import adoptsig.story.Story;
import adoptsig.tlc.CfgFile;
import adoptsig.tlc.ReportOnce;
import adoptsig.tlc.SpecBridge;
import adoptsig.tlc.TlcOutput;
import adoptsig.tlc.TlcRunner;
import adoptsig.tlc.Trace;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides every property of one model with TLC, in as few runs as the evidence allows.
 *
 * <p>Safety properties (invariants and action properties; a property with parts as its parts, so
 * that TLC names the conjunct that broke) are checked together in a breadth-first, one-worker run
 * with TLC's {@code -continue}: TLC reports every violation and explores the whole graph, so one run
 * gives each property's shortest counterexample and the model's distinct-state count and depth
 * (those of the complete graph: the same as a run that checks nothing, since a violating state is
 * explored further). Each operator is checked through a wrapper that TLC reports once
 * ({@link ReportOnce}: a violated property is typically violated again in most states below its
 * first violation, and each report costs TLC a trace). {@link ContinuedRun} says which of its
 * reports are trustworthy (TLC reports one invariant per violating state) and stops a run that
 * still spends itself on repeated reports (an operator that could not be wrapped); what a run leaves
 * open is checked again in the next, until a complete run has decided everything.
 *
 * <p>Temporal properties: TLC says only "temporal properties were violated", not which, so a
 * violation is attributed by checking one property per run, or a group that should all hold (if
 * the group is violated after all, each is checked again alone). The group rides along with the
 * safety runs (on a small model, if there is no group, one property expected to be violated
 * does): TLC then checks temporal properties only at the end of the search (-lncheck final), so
 * one search decides both. The rest get runs of their own; one expected to be violated is checked
 * every minute on the graph so far too, which on a large model finds the violation long before
 * the search would end. Every run has its own folder
 * (a copy of the spec, the cfg, TLC's metadir and output); a run that exceeds the time limit is
 * stopped and its undecided properties are left undecided.
 */
public final class ModelCheck {
    /**
     * A model with at most this many recorded states is small: its runs end before TLC's first
     * check of temporal properties on the graph so far (after a minute), so a temporal property
     * expected to be violated loses nothing by riding along with a safety run.
     */
    static final long SMALL_MODEL = 5_000;

    private final Catalogue catalogue;
    private final Path specDir;
    private final TlcRunner runner;
    private final int workers;
    private final Duration limit;
    private final PrintStream log;
    /** When set, the Java engine decides the temporal properties on its state graph of the job's bounds (null: TLC does). */
    private final java.util.function.Function<adoptsig.system.Bounds, adoptsig.engine.JavaSystem> javaTemporal;
    /** How a -continue run wraps the operators it checks so that TLC reports each once (null: not wrapped). */
    private final ReportOnce.Mutant reportOnce;
    /** The spec's action properties written Q == [][A]_v, read once. */
    private Map<String, String[]> boxActions;

    /** The spec's boxed action properties, read once for every job (jobs run in threads of their own). */
    private synchronized Map<String, String[]> boxActions() {
        if (boxActions == null) boxActions = ReportOnce.boxActions(specDir);
        return boxActions;
    }
    /** The Java engine's liveness check gives up above this many states (its graph is held in memory). */
    public static final long JAVA_TEMPORAL_LIMIT = 5_000_000;

    /** limit: the longest one TLC run may take (null: no limit). TLC runs as the system property adoptsig.tlc says (by the model's size by default: TlcRunner.Mode). */
    public ModelCheck(Catalogue catalogue, Path specDir, int workers, Duration limit, PrintStream log) {
        this(catalogue, specDir, workers, limit, log, new TlcRunner());
    }

    public ModelCheck(Catalogue catalogue, Path specDir, int workers, Duration limit, PrintStream log, TlcRunner runner) {
        this(catalogue, specDir, workers, limit, log, runner, null);
    }

    private ModelCheck(Catalogue catalogue, Path specDir, int workers, Duration limit, PrintStream log, TlcRunner runner,
                       java.util.function.Function<adoptsig.system.Bounds, adoptsig.engine.JavaSystem> javaTemporal) {
        this(catalogue, specDir, workers, limit, log, runner, javaTemporal, ReportOnce.Mutant.NONE);
    }

    private ModelCheck(Catalogue catalogue, Path specDir, int workers, Duration limit, PrintStream log, TlcRunner runner,
                       java.util.function.Function<adoptsig.system.Bounds, adoptsig.engine.JavaSystem> javaTemporal,
                       ReportOnce.Mutant reportOnce) {
        this.reportOnce = reportOnce;
        this.catalogue = catalogue;
        this.specDir = specDir;
        this.workers = workers;
        this.limit = limit;
        this.log = log;
        this.runner = runner;
        this.javaTemporal = javaTemporal;
    }

    /**
     * The same checker, but the temporal properties are decided by the Java engine's liveness check
     * (engine.LivenessCheck) on the Java system of the job's bounds, and TLC searches for the safety
     * properties only. A temporal verdict is given only when the Java graph has exactly the state
     * count and depth of TLC's complete search in the same check (with no safety property asked, a
     * TLC run for the count alone); otherwise the property is undecided, with both.
     */
    public ModelCheck withJavaTemporal(java.util.function.Function<adoptsig.system.Bounds, adoptsig.engine.JavaSystem> systemOf) {
        return new ModelCheck(catalogue, specDir, workers, limit, log, runner, systemOf, reportOnce);
    }

    /**
     * The same checker with the -continue runs' wrappers ({@link ReportOnce}) as given: null checks
     * the catalogued operators as they are (every violating state reported, the stop rule cutting
     * such runs short); a mutant, to show that the check catches a wrapper that hides a violation.
     */
    public ModelCheck withReportOnce(ReportOnce.Mutant mutant) {
        return new ModelCheck(catalogue, specDir, workers, limit, log, runner, javaTemporal, mutant);
    }

    /** The cfg of a run that checks these catalogued properties (each expanded into its parts), in this order. */
    public String cfgText(Job job, List<String> props) {
        Catalogue.Operators ops = catalogue.operators(props);
        List<String> properties = new ArrayList<>(ops.actions());
        properties.addAll(ops.temporal());
        return CfgFile.text(cfgComment(job), job.bounds(), ops.invariants(), properties);
    }

    private static String cfgComment(Job job) { return "adoptsig model " + job.name() + ": " + job.description(); }

    /** Decides the job's properties; the results go under runRoot/&lt;model&gt;/. */
    public ModelOutcome check(Job job, Path runRoot) {
        for (String p : job.properties()) catalogue.property(p);
        Path modelDir = runRoot.resolve(job.name());
        List<Verdict> verdicts = new ArrayList<>();
        // open: safety properties not decided yet; hold / violated: temporal ones by expected verdict; alone: to check one per run
        List<String> open = new ArrayList<>(), hold = new ArrayList<>(), violated = new ArrayList<>(), alone = new ArrayList<>();
        List<String> byJava = new ArrayList<>();
        for (String p : job.properties()) {
            if (catalogue.property(p).kind().isSafety()) open.add(p);
            else if (javaTemporal != null) byJava.add(p);
            else (expectedViolated(job, p) ? violated : hold).add(p);
        }
        boolean onlyTemporal = open.isEmpty() && (!hold.isEmpty() || !violated.isEmpty() || !byJava.isEmpty());
        Tally t = new Tally();

        long distinct = -1;
        int depth = -1;
        boolean safetyRuns = !onlyTemporal && !(open.isEmpty() && job.partial());
        boolean stopRule = true;
        while (safetyRuns) {
            List<String> ordered = ContinuedRun.order(open, p -> expectedViolated(job, p) ? job.expected().get(p).steps() : null);
            // The temporal properties expected to hold ride along, as a group, with every safety run: TLC checks them only
            // once the search is over (-lncheck final), so a complete run decides them with the same search. A run the stop
            // rule cuts short wastes their bookkeeping for the part it searched, but the rule stops it after at most twice the
            // time to its first report, early in the search (measured: riding costs less than a run of their own would).
            // One expected to be violated rides only on a small model, and only when there is no group: on a larger model
            // it gets a run of its own, where TLC's checks every minute on the graph so far find the violation long before
            // the search would end.
            boolean small = job.distinct() >= 0 && job.distinct() <= SMALL_MODEL;
            List<String> carried = !hold.isEmpty() ? List.copyOf(hold) : small && !violated.isEmpty() ? List.of(violated.get(0)) : List.of();
            List<String> props = new ArrayList<>(ordered);
            props.addAll(carried);
            Function<String, String> propertyOf = op -> ownerOf(op, ordered);
            TlcRunner.Result r = run(job, modelDir, t, props, true, stopRule ? new ContinuedRun.Budget() : null);
            if (r.timedOut()) {
                for (String p : open) verdicts.add(undecided(job, p, r));
                for (String p : carried) verdicts.add(undecided(job, p, r));
                open.clear();
                hold.removeAll(carried);
                violated.removeAll(carried);
                break;
            }
            int temporal = firstTemporal(r);
            // complete: TLC searched the whole graph (with a temporal violation: the final statistics say nothing was left to search)
            boolean complete = r.complete() && (temporal < 0 || r.output().statesLeft() == 0);
            if (complete && (!r.output().errors().isEmpty() || r.output().distinct() < 0 || searchDepth(r) < 0)) throw failure(job, r);
            Map<String, ContinuedRun.Decision> decided;
            try {
                decided = ContinuedRun.decide(lists(ordered), propertyOf, r.output(), complete);
            } catch (IllegalStateException e) {
                // a run stopped by the stop rule while TLC was printing a report leaves a report cut short: run again, to the end
                if (!complete && r.stopped() && stopRule) {
                    log.printf("    %s run %d: its last report was cut short by the stop (%s); the next run goes to the end%n", job.name(), t.runs, e.getMessage());
                    stopRule = false;
                    continue;
                }
                throw failure(job, r, e.getMessage());
            }
            for (String p : ordered) {
                ContinuedRun.Decision d = decided.get(p);
                if (d.state() == ContinuedRun.State.HOLDS) verdicts.add(holds(job, p, r));
                else if (d.state() == ContinuedRun.State.VIOLATED) verdicts.add(violated(job, catalogue.property(p), ReportOnce.original(d.operator()), r, d.report(), modelDir));
                if (d.state() != ContinuedRun.State.OPEN) open.remove(p);
            }
            if (temporal >= 0) {
                // TLC does not say which temporal property is violated: with one carried, that one; else each gets a run of its own
                if (carried.size() == 1) verdicts.add(violated(job, catalogue.property(carried.get(0)), carried.get(0), r, temporal, modelDir));
                else alone.addAll(carried);
                hold.removeAll(carried);
                violated.removeAll(carried);
            } else if (complete) {
                for (String p : carried) verdicts.add(holds(job, p, r));
                hold.removeAll(carried);
                violated.removeAll(carried);
            }
            if (complete && open.isEmpty()) {
                distinct = r.output().distinct();
                depth = searchDepth(r);
                break;
            }
            if (!complete && r.stopped()) log.printf("    %s: run %d stopped early; %s left for the next run%n", job.name(), t.runs,
                    open.isEmpty() ? "the state count" : String.join(", ", open));
        }
        if (!hold.isEmpty()) {
            // the temporal properties expected to hold that no safety run took along: together
            TlcRunner.Result r = run(job, modelDir, t, hold, false, null);
            if (r.timedOut()) {
                for (String p : hold) verdicts.add(undecided(job, p, r));
            } else if (r.exitCode() == 0 && r.output().violation().isEmpty()) {
                for (String p : hold) verdicts.add(holds(job, p, r));
            } else if (firstTemporal(r) >= 0) {
                if (hold.size() == 1) verdicts.add(violated(job, catalogue.property(hold.get(0)), hold.get(0), r, firstTemporal(r), modelDir));
                else alone.addAll(hold);
            } else {
                throw failure(job, r);
            }
        }
        alone.addAll(violated);
        for (String p : alone) {
            // a property expected to be violated: TLC also checks the graph so far every minute, to find the violation early
            TlcRunner.Result r = run(job, modelDir, t, List.of(p), false, null, !expectedViolated(job, p));
            if (r.timedOut()) {
                verdicts.add(undecided(job, p, r));
            } else if (r.exitCode() == 0 && r.output().violation().isEmpty()) {
                verdicts.add(holds(job, p, r));
            } else if (firstTemporal(r) >= 0) {
                verdicts.add(violated(job, catalogue.property(p), p, r, firstTemporal(r), modelDir));
            } else {
                throw failure(job, r);
            }
        }
        if (!byJava.isEmpty()) {
            // the Java graph must have the count and depth of TLC's search of this spec: with no safety run, one for the count alone
            long count = distinct;
            int levels = depth;
            if (count < 0) {
                TlcRunner.Result r = run(job, modelDir, t, List.of(), false, null);
                if (r.complete() && r.exitCode() == 0 && r.output().distinct() >= 0) {
                    count = r.output().distinct();
                    levels = searchDepth(r);
                }
            }
            verdicts.addAll(javaTemporal(job, byJava, count, levels, modelDir, t));
        }
        List<Verdict> ordered = new ArrayList<>();
        for (String p : job.properties()) verdicts.stream().filter(x -> x.property().equals(p)).forEach(ordered::add);
        return new ModelOutcome(job, ordered, distinct, depth, t.total, t.search, t.runs);
    }

    /**
     * The depth of a complete search: TLC's "depth of the complete state graph search", or, after a
     * temporal violation (then TLC prints no depth), its last progress report's level, which is the
     * same number (so in every complete run of the default suite).
     */
    private static int searchDepth(TlcRunner.Result r) {
        if (r.output().depth() >= 0) return r.output().depth();
        return r.output().statesLeft() == 0 ? r.output().lastProgress().map(TlcOutput.Progress::depth).orElse(-1) : -1;
    }

    /** The temporal properties decided by the Java engine; tlcCount, tlcDepth: the state count and depth of TLC's complete search in this check (below 0: none, so no verdict). */
    private List<Verdict> javaTemporal(Job job, List<String> props, long tlcCount, int tlcDepth, Path modelDir, Tally t) {
        List<Verdict> out = new ArrayList<>();
        log.printf("  %s: %s by the Java engine (fair cycles on its state graph)%n", job.name(), String.join(", ", props));
        adoptsig.engine.LivenessCheck.Result r;
        try {
            r = adoptsig.engine.LivenessCheck.run(javaTemporal.apply(job.bounds()), props, JAVA_TEMPORAL_LIMIT);
        } catch (adoptsig.engine.LivenessCheck.TooLarge e) {
            for (String p : props) out.add(new Verdict(job.name(), p, job.expected().get(p), null, e.reached, -1, 0, 0, null, null,
                    "Java engine: " + e.getMessage() + "; try --temporal tlc", false));
            return out;
        }
        t.total += r.seconds();
        log.printf("    %s: Java engine: %,d distinct states, depth %d, %,d steps, %.1f s%n", job.name(), r.distinct(), r.depth(), r.edges(), r.seconds());
        if (tlcCount < 0) {
            for (String p : props) out.add(new Verdict(job.name(), p, job.expected().get(p), null, r.distinct(), -1, 0, r.seconds(), null, null,
                    "Java engine: TLC's search of the spec did not complete, so its graph cannot be compared: no verdict", false));
            return out;
        }
        if (r.distinct() != tlcCount || r.depth() != tlcDepth) {
            String why = String.format("Java engine: its graph has %,d states and depth %d, TLC's %,d and depth %d: not the spec's graph, so no verdict",
                    r.distinct(), r.depth(), tlcCount, tlcDepth);
            for (String p : props) out.add(new Verdict(job.name(), p, job.expected().get(p), null, r.distinct(), -1, 0, r.seconds(), null, null, why, false));
            return out;
        }
        for (String p : props) {
            adoptsig.engine.LivenessCheck.Lasso l = r.violations().get(p);
            if (l == null) {
                out.add(new Verdict(job.name(), p, job.expected().get(p), Expected.HOLDS, r.distinct(), -1, 0, r.seconds(), null, null, "Java engine", compareSteps()));
                continue;
            }
            Trace trace = TlcOutput.parseSavedTrace(l.trace());
            Path raw = modelDir.resolve("trace-" + p + ".txt");
            Path story = modelDir.resolve("story-" + p + ".txt");
            save(raw, story, job.name() + " (Java engine)", catalogue.property(p), trace);
            out.add(new Verdict(job.name(), p, job.expected().get(p), Expected.VIOLATED, r.distinct(), -1, trace.steps(), r.seconds(), raw, story,
                    "Java engine" + (l.instance().isEmpty() ? "" : ", " + l.instance()), compareSteps()));
        }
        return out;
    }

    /** Runs so far, their wall time and search time. */
    private static final class Tally {
        int runs;
        double total, search;
    }

    private static boolean expectedViolated(Job job, String p) {
        var e = job.expected().get(p);
        return e != null && e.expected() == Expected.VIOLATED;
    }

    /** The cfg's two lists of safety properties, as this run orders them: state predicates, and action properties. */
    private List<List<String>> lists(List<String> ordered) {
        List<String> inv = new ArrayList<>(), act = new ArrayList<>();
        for (String p : ordered) (catalogue.property(p).kind().isStatePredicate() ? inv : act).add(p);
        return List.of(inv, act);
    }

    /** The property of this run that an operator TLC named (or its wrapper) belongs to (null: none). */
    private String ownerOf(String operator, List<String> props) {
        String op = ReportOnce.original(operator);
        for (String p : props) if (catalogue.property(p).operators().contains(op)) return p;
        return null;
    }

    /** The index of the first temporal violation TLC reported, -1 if none. */
    private static int firstTemporal(TlcRunner.Result r) {
        for (int n = 0; n < r.output().violationCount(); n++) {
            if (r.output().violationMessage(n).code() == TlcOutput.MSG_TEMPORAL_VIOLATED) return n;
        }
        return -1;
    }

    private static double seconds(TlcRunner.Result r) { return r.elapsed().toMillis() / 1000.0; }

    private boolean compareSteps() { return workers == 1; }

    private Verdict holds(Job job, String p, TlcRunner.Result r) {
        return new Verdict(job.name(), p, job.expected().get(p), Expected.HOLDS, runDistinct(r), runDepth(r), 0,
                seconds(r), null, null, null, compareSteps());
    }

    private Verdict undecided(Job job, String p, TlcRunner.Result r) {
        return new Verdict(job.name(), p, job.expected().get(p), null, runDistinct(r), runDepth(r), 0,
                seconds(r), null, null, "TLC stopped at the time limit of " + limit.toSeconds() + " s", compareSteps());
    }

    private TlcRunner.Result run(Job job, Path modelDir, Tally t, List<String> props, boolean continueAfterViolation,
                                 java.util.function.Predicate<TlcOutput> stopWhen) {
        return run(job, modelDir, t, props, continueAfterViolation, stopWhen, true);
    }

    private TlcRunner.Result run(Job job, Path modelDir, Tally t, List<String> props, boolean continueAfterViolation,
                                 java.util.function.Predicate<TlcOutput> stopWhen, boolean livenessAtEnd) {
        int n = ++t.runs;
        Path work = modelDir.resolve(String.format("run-%02d", n));
        log.printf("  %s run %d: checking %s%s%n", job.name(), n, props.isEmpty() ? "(state count only)" : String.join(", ", props),
                continueAfterViolation ? " (-continue)" : livenessAtEnd ? "" : " (temporal properties checked every minute too)");
        // a -continue run checks the operators through wrappers that TLC reports once each (temporal ones are not wrapped)
        String module = SpecBridge.MODULE;
        Catalogue.Operators ops = catalogue.operators(props);
        List<String> invariants = ops.invariants(), properties = new ArrayList<>(ops.actions());
        String comment = cfgComment(job);
        Map<String, String> more = Map.of();
        if (continueAfterViolation && reportOnce != null) {
            ReportOnce.Wrapped w = ReportOnce.wrap(SpecBridge.MODULE, ops.invariants(), ops.actions(), boxActions(), reportOnce);
            module = ReportOnce.MODULE;
            invariants = w.invariants();
            properties = new ArrayList<>(w.actions());
            comment += "\n(each operator through its wrapper in " + ReportOnce.MODULE + ".tla, reported once)";
            more = Map.of(ReportOnce.MODULE + ".tla", w.moduleText());
        }
        properties.addAll(ops.temporal());
        String cfg = CfgFile.text(comment, job.bounds(), invariants, properties);
        TlcRunner.Request request = new TlcRunner.Request(work, module, job.name() + ".cfg", workers, limit, continueAfterViolation,
                stopWhen, livenessAtEnd);
        TlcRunner.Result r = runner.forStates(job.distinct()).runModel(specDir, work, cfg, more, request,
                p -> log.printf("    %s: depth %d, %,d distinct states, %,d states/s%n", job.name(), p.depth(), p.distinct(), p.perSecond()));
        String what = r.timedOut() ? "STOPPED at the time limit (" + limit.toSeconds() + " s; see --timeout)"
                : r.stopped() ? "stopped after " + r.output().violationCount() + " violation reports (the same properties again and again)"
                : r.output().violationCount() > 0 ? r.output().violationCount() + " violation report(s)" : r.exitCode() == 0 ? "passed" : "error";
        log.printf("    %s run %d: %s after %,d distinct states, %.1f s%s%n", job.name(), n, what, Math.max(0, runDistinct(r)), seconds(r),
                r.how().startsWith("forked JVM (") ? " [" + r.how() + "]" : "");
        t.total += seconds(r);
        t.search += r.search().toMillis() / 1000.0;
        return r;
    }

    /** Saves a counterexample raw (TLC's format) and as a story, in the model's folder; a failure to write ends the run (exit 3) with its cause. */
    private static void save(Path raw, Path story, String title, Property p, Trace trace) {
        try {
            Files.createDirectories(raw.getParent());
            Files.writeString(raw, trace.raw(), StandardCharsets.UTF_8);
            Files.writeString(story, Story.tell(title, p, trace), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new adoptsig.RunFailure("cannot save the trace of " + p.id() + " in " + raw.getParent() + ": " + causes(e));
        }
    }

    /** The verdict of a property TLC reported violated: the n-th violation report's counterexample, saved raw and as a story. */
    private Verdict violated(Job job, Property p, String operator, TlcRunner.Result r, int report, Path modelDir) {
        Trace trace = r.output().trace(report).orElseThrow(() -> failure(job, r, "the report of " + operator + " has no trace"));
        Path raw = modelDir.resolve("trace-" + p.id() + ".txt");
        Path story = modelDir.resolve("story-" + p.id() + ".txt");
        save(raw, story, job.name(), p, trace);
        String note = operator.equals(p.id()) ? null : "conjunct " + operator + " broke";
        return new Verdict(job.name(), p.id(), job.expected().get(p.id()), Expected.VIOLATED, runDistinct(r),
                runDepth(r), trace.steps(), seconds(r), raw, story, note, compareSteps());
    }

    /** An I/O error's message with its cause's (as "cannot write X: No space left on device"). */
    private static String causes(IOException e) {
        String m = e instanceof java.nio.file.AccessDeniedException a ? a.getFile() + ": permission denied"
                : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getMessage() : e.getMessage();
        return m != null ? m : e.toString();
    }

    /** The deciding run's distinct states: its final count, or (a run stopped early) its last progress report's. */
    private static long runDistinct(TlcRunner.Result r) {
        return r.complete() && r.output().distinct() >= 0 ? r.output().distinct() : r.output().lastProgress().map(TlcOutput.Progress::distinct).orElse(-1L);
    }

    private static int runDepth(TlcRunner.Result r) {
        int d = r.complete() ? searchDepth(r) : -1;
        return d >= 0 ? d : r.output().lastProgress().map(TlcOutput.Progress::depth).orElse(-1);
    }

    private static final Pattern LOCATION = Pattern.compile("line (\\d+), col(?:umn)? (\\d+)(?: to line \\d+, col \\d+ of module (\\w+))?");
    /** TLC's message of an error in evaluating an expression of the spec (severity 0, nested in its error 1000). */
    private static final int MSG_EVALUATION_ERROR = 2181;
    private static final Pattern EVALUATING = Pattern.compile("\\d+\\. Line (\\d+), column (\\d+) to line \\d+, column \\d+ in (\\w+)");
    private static final Pattern MODULE_NAME = Pattern.compile("(?:In module|Could not parse module) (\\w+)");
    private static final Pattern PARSING = Pattern.compile("Parsing file .*?(\\w+)\\.tla");
    private static final Set<String> NOISE = Set.of("", "Fatal errors while parsing TLA+ spec in file", "Semantic errors:");

    /**
     * A TLC run that neither passed nor reported a violation, in one line: bad input (an
     * InputError saying where) when TLC rejected the spec or the cfg, or failed evaluating them;
     * a run that could not be completed (a RunFailure) when TLC was killed, ran out of memory or
     * disk, or stopped on a system error.
     */
    private RuntimeException failure(Job job, TlcRunner.Result r) { return failure(job, r, null); }

    /** As above; detail: what the reader of TLC's output found wrong, said when TLC itself said nothing (null: nothing). */
    private RuntimeException failure(Job job, TlcRunner.Result r, String detail) {
        StringBuilder text = new StringBuilder(r.output().outside());
        // TLC's evaluation errors (2181, "Attempted to compute cardinality of the value 0") come first: they say what went wrong
        for (TlcOutput.Message m : r.output().messages()) if (m.code() == MSG_EVALUATION_ERROR) text.append(m.body()).append('\n');
        for (TlcOutput.Message m : r.output().errors()) text.append(m.body()).append('\n');
        String all = text.toString();
        String fault = runFault(r.exitCode(), all);
        if (fault != null) return new adoptsig.RunFailure(job.name() + ": TLC stopped before its end: " + fault + " [full output: " + r.log() + "]");
        String where = "";
        // a runtime error: TLC lists the expressions it was evaluating, outermost first; the innermost one in one of the
        // spec's own modules is where the error was raised (a call of Cardinality, not FiniteSets where it is defined)
        Matcher stack = EVALUATING.matcher(all);
        while (stack.find()) {
            if (ownModule(stack.group(3))) where = specDir.resolve(stack.group(3) + ".tla") + ":" + stack.group(1) + ":" + stack.group(2) + ": ";
        }
        Matcher loc = LOCATION.matcher(all);
        if (where.isEmpty() && loc.find()) {
            String module = loc.group(3);
            if (module == null) {
                Matcher m = MODULE_NAME.matcher(all);
                if (m.find()) module = m.group(1);
                else {
                    Matcher p = PARSING.matcher(all.substring(0, loc.start()));
                    while (p.find()) module = p.group(1);
                }
            }
            if (module != null) where = specDir.resolve(module + ".tla") + ":" + loc.group(1) + ":" + loc.group(2) + ": ";
        }
        List<String> lines = all.lines().map(String::strip).toList();
        int first = -1;
        for (int i = 0; i < lines.size() && first < 0; i++) if (!noise(lines.get(i))) first = i;
        String reason;
        if (first < 0) reason = "TLC exited with code " + r.exitCode() + (detail == null ? "" : " but " + detail);
        else {
            // the message's first line, with the short lines that finish it ("Attempted to compute cardinality of the value" / "0")
            StringBuilder b = new StringBuilder(lines.get(first));
            for (int i = first + 1; i < lines.size() && i <= first + 3 && !lines.get(i).isEmpty() && !noise(lines.get(i))
                    && lines.get(i).length() <= 60 && !lines.get(i - 1).endsWith(".") && !Character.isUpperCase(lines.get(i).charAt(0)); i++) {
                b.append(' ').append(lines.get(i));
            }
            reason = b.toString();
        }
        return new InputError(where + job.name() + ": TLC could not check the model (exit " + r.exitCode() + "): "
                + reason + " [full output: " + r.log() + "]");
    }

    private static boolean noise(String l) {
        return NOISE.contains(l) || l.startsWith("Parsing file") || l.startsWith("Starting") || l.startsWith("@!@!@")
                || l.startsWith("***") || l.startsWith("Processing") || l.startsWith("Semantic processing")
                || l.startsWith("Linting") || l.startsWith("SANY") || l.startsWith("TLC2") || l.startsWith("Running")
                || l.startsWith("Residual stack trace") || l.startsWith("Computing initial states") || l.matches(".*line \\d+, col.*");
    }

    /** A module of this spec (not one of TLC's standard modules). */
    private boolean ownModule(String module) { return Files.isRegularFile(specDir.resolve(module + ".tla")); }

    /**
     * Why a TLC run stopped for a reason outside the spec, in a few words, or null when TLC
     * itself rejected the spec or cfg: killed by a signal (a forked JVM's exit code 128 + the
     * signal), out of memory or disk, or TLC's own system error (153) or state space too large (152).
     */
    public static String runFault(int exitCode, String output) {
        if (output.contains("OutOfMemoryError") || output.contains("Java heap space")) return "out of memory";
        if (output.contains("No space left on device")) return "No space left on device";
        if (exitCode > 128 && exitCode < 150) {
            int signal = exitCode - 128;
            String name = switch (signal) { case 9 -> "SIGKILL"; case 15 -> "SIGTERM"; case 2 -> "SIGINT"; case 6 -> "SIGABRT"; case 11 -> "SIGSEGV"; default -> "signal " + signal; };
            return "the TLC process was killed (" + name + (signal == 9 ? ": by hand, or by the kernel out of memory" : "") + ")";
        }
        if (exitCode == 152) return "the state space is too large for TLC's fingerprint set (exit 152)";
        if (exitCode == 153) return "TLC's system error (exit 153): " + output.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElse("");
        return null;
    }
}
