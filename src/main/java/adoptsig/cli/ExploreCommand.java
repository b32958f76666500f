package adoptsig.cli;

import adoptsig.InputError;
import adoptsig.catalog.Model;
import adoptsig.catalog.Outcome;
import adoptsig.compare.Comparison;
import adoptsig.compare.Difference;
import adoptsig.compare.Unfinished;
import adoptsig.engine.Explorer;
import adoptsig.engine.JavaSystem;
import adoptsig.engine.SafetyCheck;
import adoptsig.project.Project;
import adoptsig.report.HtmlReport;
import adoptsig.report.Pictures;
import adoptsig.story.Story;
import adoptsig.system.Bounds;
import adoptsig.tlc.TlcOutput;
import adoptsig.tlc.Trace;
import adoptsig.tlc.TraceText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** `explore MODEL`: the Java explorer alone: every reachable world at a model's bounds, compared with TLC's recorded count. */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = "Enumerate every reachable state of the Java kernel, supervisor and daemons at a model's bounds (or a cfg file's); "
                + "with --check, decide every invariant and action property of the model with the Java engine.",
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:the count (and with --check every verdict and length) equals TLC's record, or there is none",
                "1:something differs", ExitCodes.BAD_INPUT, ExitCodes.INCOMPLETE})
public final class ExploreCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL", description = "a model of properties/models.tsv, or a cfg file (a path ending in .cfg)") String model;
    @Option(names = "--check", description = "also decide the model's properties with the Java engine (invariants and action properties by a breadth-first search, temporal ones by fair cycles on the whole state graph), with counterexamples saved, told and drawn")
    boolean check;
    @Option(names = "--threads", defaultValue = "2", description = "with --check: threads computing successors (default: ${DEFAULT-VALUE})")
    int threads;
    @Option(names = "--extra-pids", defaultValue = "0", paramLabel = "N", description = "with --check: N more PIDs than the model; its verdicts are then the Java engine's only (default: ${DEFAULT-VALUE})")
    int extraPids;
    @Option(names = "--outside", description = "with --check: processes outside the model fork and exit, so the next PID may be any free one (spec: Outside = TRUE); its verdicts are then the Java engine's only, unless the model has it already")
    boolean outside;
    @Option(names = "--symmetry", description = "with --check: store one world per pair that differs only by exchanging the two services' names (models of two services of one program, no stranger); counts are then of classes")
    boolean symmetry;
    @Option(names = "--out", description = "with --check: results folder (default: target/adoptsig-runs/explore-<time>)")
    java.nio.file.Path out;
    @Option(names = "--max-states", paramLabel = "N", description = "stop (exit 3, saying how far it got) past N distinct states "
            + "(default: what the heap holds, at about " + SafetyCheck.BYTES_PER_STATE + " bytes a state)")
    Long maxStates;
    @picocli.CommandLine.Mixin ProjectOption where;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    /** The most states the liveness check takes on (it holds the whole graph): as check's. */
    static final long LIVENESS_LIMIT = adoptsig.check.ModelCheck.JAVA_TEMPORAL_LIMIT;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        if (threads < 1) throw new InputError("--threads must be at least 1, not " + threads);
        if (extraPids < 0) throw new InputError("--extra-pids must not be negative, not " + extraPids);
        if (maxStates != null && maxStates < 1) throw new InputError("--max-states must be at least 1, not " + maxStates);
        if (!check) {
            var parsed = spec.commandLine().getParseResult();
            for (String o : List.of("--threads", "--extra-pids", "--outside", "--symmetry", "--out")) {
                if (parsed.hasMatchedOption(o)) throw new InputError(o + " goes with --check");
            }
        }
        try (Project p = where.open()) {
            if (check) return check(w, p);
            JavaSystem sys = p.system(p.bounds(model));
            long recorded = p.recordedStates(model);
            w.printf("explore %s (%s)%n", model, p.source());
            w.flush();
            long t0 = System.nanoTime();
            long states = Explorer.explore(sys, line -> { w.println(line); w.flush(); }, maxStates != null ? maxStates : SafetyCheck.heapLimit());
            double s = (System.nanoTime() - t0) / 1e9;
            w.printf("%s: the Java explorer reached %,d distinct states in %.2f s (%,.0f states/s)%s%n", model, states, s, states / s,
                    recorded < 0 ? "; no count recorded" : String.format("; TLC's recorded count: %,d", recorded));
            Comparison.Builder c = new Comparison.Builder("model(s)").compared(1).scope(" (the count of distinct states)");
            if (recorded < 0) c.uncompared("Nothing to compare.");
            else if (states != recorded) {
                c.add(new Difference(model, "state count", String.format("%,d distinct states (TLC)", recorded), String.format("%,d distinct states", states), "Java explorer"));
                w.println("Run `conform " + model + "` to find the first difference.");
            }
            return ComparisonPrinter.print(w, c.build());
        }
    }

    /** The Java engine: every invariant and action property of the model decided by the Java explorer, compared with the record where the bounds are the model's. */
    private int check(PrintWriter w, Project p) {
        Model m = p.models().model(model);
        Bounds asModel = m.bounds(extraPids);
        boolean addsOutside = outside && !asModel.outside();
        Bounds b = addsOutside ? asModel.withOutside(true) : asModel;
        JavaSystem sys = p.system(b);
        SafetyCheck.Properties props = SafetyCheck.Properties.of(sys.supervisor(), m.properties());
        var inv = props.invariants();
        var act = props.actions();
        List<String> temporal = props.temporal();
        boolean javaOnly = extraPids > 0 || addsOutside;
        String tag = (extraPids > 0 ? "+" + extraPids : "") + (addsOutside ? "+outside" : "");
        String bounds = (extraPids > 0 ? extraPids + " more PID(s) (" + b.maxPid() + " PIDs)" : "") + (extraPids > 0 && addsOutside ? " and " : "")
                + (addsOutside ? "outside activity" : "");
        Path results = p.resultsFolder(out, "explore-");
        long limit = maxStates != null ? maxStates : SafetyCheck.heapLimit();
        return RunMark.around(results, RunOutput.commandLine(spec), () -> {
            w.printf("explore --check %s%s: %d invariants, %d action properties and %d temporal properties by the Java engine, %d thread(s), at most %,d states%s; %s%nresults in %s%n", model,
                    javaOnly ? " with " + bounds + ": Java-only verdicts" : "", inv.size(), act.size(), temporal.size(), threads, limit,
                    maxStates != null ? "" : String.format(" (what the heap of %,d MB holds)", Runtime.getRuntime().maxMemory() >> 20), p.source(), results);
            w.flush();
            SafetyCheck.Result r = SafetyCheck.run(sys, inv, act, threads, symmetry, limit, line -> { w.println(line); w.flush(); });
            // the temporal properties on the whole graph (not with symmetry: a fair cycle of classes need not be one of states)
            adoptsig.engine.LivenessCheck.Result live = null;
            String liveWhy = symmetry ? "temporal: not decided with --symmetry" : null, liveCause = null;
            if (!temporal.isEmpty() && !symmetry && r.distinct() > LIVENESS_LIMIT) {
                liveCause = String.format("%,d states: the liveness check holds the whole graph, and stops above %,d", r.distinct(), LIVENESS_LIMIT);
                liveWhy = "temporal: undecided (" + liveCause + ")";
            } else if (!temporal.isEmpty() && !symmetry) {
                try {
                    live = adoptsig.engine.LivenessCheck.run(sys, temporal, Math.min(limit, LIVENESS_LIMIT));
                } catch (adoptsig.engine.LivenessCheck.TooLarge tooLarge) {
                    liveCause = tooLarge.getMessage();
                    liveWhy = "temporal: undecided (" + liveCause + ")";
                }
            }
            Comparison.Builder c = new Comparison.Builder("model(s)").compared(1).advice("give Java more heap (-Xmx) or a higher --max-states");
            if (javaOnly) c.uncompared("Verdicts at these bounds are the Java engine's only.");
            Path dir = results.resolve(m.name() + tag);
            try {
                java.nio.file.Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new adoptsig.RunFailure("cannot create " + dir + ": " + Failures.causes(e));
            }
            HtmlReport report = new HtmlReport("adoptsig explore --check " + m.name() + (javaOnly ? " (" + bounds + ", Java-only verdicts)" : ""));
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("property", "Java engine", "steps", javaOnly ? "TLC (none at these bounds)" : "recorded (TLC)"));
            w.printf("%n%-28s %-10s %-8s %s%n", "property", "Java", "steps", javaOnly ? "(Java only: no TLC run at these bounds)" : "recorded (TLC)");
            for (String prop : m.properties()) {
                Outcome e = m.expected().get(prop);
                String rec = e == null ? "-" : e.expected().word() + (e.steps() >= 0 ? " " + e.steps() : "");
                if (temporal.contains(prop) && live == null) {
                    w.printf("%-28s %-10s %-8s %s%n", prop, "-", "-", liveWhy);
                    rows.add(List.of(HtmlReport.esc(prop), "-", "-", HtmlReport.esc(liveWhy)));
                    if (liveCause != null && !javaOnly) c.add(new Unfinished(model, prop, "temporal: " + liveCause));
                    continue;
                }
                SafetyCheck.Violation v = temporal.contains(prop)
                        ? (live.violations().containsKey(prop) ? new SafetyCheck.Violation(prop, live.violations().get(prop).path()) : null)
                        : r.violations().get(prop);
                String lasso = temporal.contains(prop) && v != null ? live.violations().get(prop).trace() : null;
                String verdict = v == null ? "holds" : "violated";
                int steps = v == null ? -1 : v.path().size() - 1;
                boolean agrees = javaOnly || e == null || (e.expected().word().equals(verdict) && (v == null || e.steps() < 0 || e.steps() == steps));
                w.printf("%-28s %-10s %-8s %s%s%n", prop, verdict, v == null ? "-" : Integer.toString(steps), javaOnly ? "" : rec, agrees ? "" : "  <-- DIFFERS");
                Path evidence = v == null ? null : dir.resolve("trace-" + prop + ".txt");
                if (!agrees) c.add(new Difference(model, prop, e.text(), verdict + (v == null || temporal.contains(prop) ? "" : " in " + steps + " steps"), "Java engine", evidence));
                if (v != null) {
                    String text = lasso != null ? lasso : TraceText.of(v.path());
                    Trace t = TlcOutput.parseSavedTrace(text);
                    RunOutput.write(dir.resolve("trace-" + prop + ".txt"), text);
                    String story = Story.tell(m.name() + (javaOnly ? " (Java engine, " + b.maxPid() + " PIDs)" : " (Java engine)"), p.catalogue().property(prop), t);
                    RunOutput.write(dir.resolve("story-" + prop + ".txt"), story);
                    String svg = Pictures.counterexample(m.name(), prop, t);
                    RunOutput.write(dir.resolve("picture-" + prop + ".svg"), svg);
                    String a = HtmlReport.anchor("cx", m.name(), prop);
                    report.counterexample(new HtmlReport.Counterexample(a, m.name() + " / " + prop + " (Java engine)", story, svg));
                    rows.add(List.of(HtmlReport.esc(prop), "<b class=\"bad\">violated</b>", HtmlReport.link(steps + " steps", a), HtmlReport.esc(javaOnly ? "" : rec)));
                } else {
                    rows.add(List.of(HtmlReport.esc(prop), "holds", "-", HtmlReport.esc(javaOnly ? "" : rec)));
                }
            }
            w.printf("%n%s: %,d distinct states, depth %d, in %.1f s with %d thread(s) (%,.0f states/s); fingerprint table %,d bytes (%.1f per state);"
                            + " states still to expand, packed, at most %,d bytes at once%n",
                    m.name(), r.distinct(), r.depth(), r.seconds(), r.threads(), r.distinct() / r.seconds(), r.tableBytes(), (double) r.tableBytes() / r.distinct(),
                    r.frontierBytes());
            if (symmetry) w.println("With symmetry: the count is of classes of worlds under exchanging the two services, so it is not compared with TLC's.");
            if (!javaOnly && !symmetry && m.distinct() >= 0 && (r.distinct() != m.distinct() || r.depth() != m.depth())) {
                c.add(new Difference(model, "state count", String.format("%,d distinct states, depth %d (TLC)", m.distinct(), m.depth()),
                        String.format("%,d distinct states, depth %d", r.distinct(), r.depth()), "Java engine"));
            }
            report.paragraph(String.format("%,d distinct states, depth %d, %.1f s with %d thread(s). %s", r.distinct(), r.depth(), r.seconds(), r.threads(),
                    javaOnly ? "Verdicts at these bounds are the Java engine's only." : c.build().lines().isEmpty() ? "Everything agrees with TLC's record." : String.join("; ", c.build().lines())));
            report.table("verdicts", rows);
            RunOutput.write(results.resolve("report.html"), report.html());
            w.printf("Counterexamples: %s/trace-<property>.txt (TLC's format: `replay` reads them), story-<property>.txt, picture-<property>.svg; report: %s%n",
                    dir, results.resolve("report.html"));
            return ComparisonPrinter.print(w, c.build());
        });
    }
}
