package adoptsig.cli;

import adoptsig.InputError;
import adoptsig.catalog.Model;
import adoptsig.catalog.Models;
import adoptsig.check.Checks;
import adoptsig.check.Job;
import adoptsig.check.ModelCheck;
import adoptsig.check.ModelOutcome;
import adoptsig.check.VerdictTable;
import adoptsig.compare.Comparison;
import adoptsig.compare.Difference;
import adoptsig.compare.Unfinished;
import adoptsig.project.Project;
import adoptsig.report.Tables;
import adoptsig.tlc.CfgFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * `check`: model-checks models with TLC and compares every verdict, counterexample length and
 * state count with the record (properties/expected.tsv and models.tsv). Models are named, or
 * selected by suite, mechanism, idiom or --grid; a hand-written cfg can be checked with --cfg.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Model-check models with TLC and compare every verdict, counterexample length and state count with "
                + "properties/expected.tsv and models.tsv.",
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:everything agrees with the record", "1:a verdict, count or length differs",
                ExitCodes.BAD_INPUT, ExitCodes.INCOMPLETE})
public class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "MODEL", description = "models to check, named MECHANISM-IDIOM[-TAG] (default: the suite's)")
    List<String> names = new ArrayList<>();

    @Option(names = "--suite", defaultValue = "default", description = "fast, default (includes fast), large or all, when no MODEL is named (default: ${DEFAULT-VALUE})")
    String suite;

    @Option(names = "--mechanism", paramLabel = "ID", description = "only models of these mechanisms (repeatable)")
    List<String> mechanisms = new ArrayList<>();

    @Option(names = "--idiom", paramLabel = "ID", description = "only models of these idioms (repeatable)")
    List<String> idioms = new ArrayList<>();

    @Option(names = "--grid", description = "only the cells of the grid (every mechanism x every grid idiom, at the idioms' bounds)")
    boolean grid;

    @Option(names = "--cfg", paramLabel = "FILE", description = "check a cfg written by hand (from `cfg MODEL`, edited) instead of catalogued models; nothing is compared")
    Path cfg;

    @Option(names = "--property", paramLabel = "ID", description = "check only these properties (repeatable); every model checked must check them")
    List<String> properties = new ArrayList<>();

    @Option(names = "--extra-pids", defaultValue = "0", paramLabel = "N",
            description = "bigger bounds: N more PIDs in every model; verdicts are compared, recorded counts and lengths are not (default: ${DEFAULT-VALUE})")
    int extraPids;

    @Option(names = "--jobs", defaultValue = "2", description = "models checked at once, each by its own TLC run (default: ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--forked", description = "run every TLC in a JVM of its own (the reference way); by default a model recorded with fewer "
            + "than 40,000 states is checked in a warm TLC host JVM (one per model checked at once, C1 only) and a larger one in this JVM, each run in a "
            + "class loader of its own (a JVM of its own where that fails, or while another run is in this JVM)")
    boolean forked;

    @Option(names = "--in-process", description = "run every TLC in this JVM, in a class loader of its own per run (a JVM of its own "
            + "where that fails, or while another run is in this JVM)")
    boolean inProcess;

    @Option(names = "--temporal", defaultValue = "java", paramLabel = "ENGINE",
            description = "who decides the temporal properties: java (the Java engine's fair-cycle search on its state graph, "
                    + "given only when that graph has TLC's state count and depth; TLC then searches for the safety properties alone) "
                    + "or tlc (TLC's liveness checker; much slower) (default: ${DEFAULT-VALUE})")
    String temporal;

    @Option(names = "--workers", defaultValue = "1", description = "TLC workers per run; 1 gives shortest, reproducible counterexamples (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "MINUTES",
            description = "stop a TLC run after this many minutes; its properties are then undecided (default: ${DEFAULT-VALUE})")
    double timeoutMinutes;

    @Option(names = "--distributed", paramLabel = "N", defaultValue = "0",
            description = "run each model's invariants with TLC's distributed mode: a TLCServer and N local TLCWorkers; only for models whose invariants are expected to hold; compares the state count (default: off)")
    int distributed;

    @Option(names = "--remote-workers", paramLabel = "M", defaultValue = "0",
            description = "with --distributed: the server also waits for M workers started on other machines (see docs/engines.md)")
    int remoteWorkers;

    @Option(names = "--server-host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "with --distributed: the address the TLC server announces to its workers (default: ${DEFAULT-VALUE}: this machine only)")
    String serverHost;

    @picocli.CommandLine.Mixin ProjectOption where;

    @Option(names = "--out", description = "results folder (default: target/adoptsig-runs/check-<time>)")
    Path out;

    @Option(names = "--stories", negatable = true, description = "print every counterexample's story (default: only when models are named; they are always saved)")
    Boolean stories;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        PrintStream log = RunOutput.log(w);
        if (workers < 1) throw new InputError("--workers must be at least 1, not " + workers);
        if (jobs < 1) throw new InputError("--jobs must be at least 1, not " + jobs);
        if (forked && inProcess) throw new InputError("--forked and --in-process exclude each other: give one");
        if (extraPids < 0) throw new InputError("--extra-pids must not be negative, not " + extraPids);
        if (!(timeoutMinutes > 0)) throw new InputError("--timeout must be a positive number of minutes, not " + timeoutMinutes);
        if (distributed < 0) throw new InputError("--distributed must not be negative, not " + distributed);
        if (remoteWorkers < 0) throw new InputError("--remote-workers must not be negative, not " + remoteWorkers);
        if (remoteWorkers > 0 && distributed < 1) throw new InputError("--remote-workers needs --distributed N (N local workers, 1 or more)");
        if (!temporal.equals("java") && !temporal.equals("tlc")) throw new InputError("--temporal must be java or tlc, not '" + temporal + "'");
        try (Project project = where.open()) {
            Models models = project.models();
            for (String p : properties) project.catalogue().property(p);
            List<Job> chosen = new ArrayList<>();
            if (cfg != null) {
                if (!names.isEmpty() || grid || !mechanisms.isEmpty() || !idioms.isEmpty()) throw new InputError("--cfg checks one cfg file: name no MODEL and select no mechanism, idiom or grid");
                chosen.add(cfgJob(project));
            } else {
                if (!names.isEmpty() && (grid || !mechanisms.isEmpty() || !idioms.isEmpty())) {
                    throw new InputError("name models, or select them with --grid, --mechanism or --idiom, not both");
                }
                for (Model m : models.select(names, mechanisms, idioms, names.isEmpty() && grid ? "all" : suite)) {
                    if (grid && !m.isGridCell()) continue;
                    chosen.add(Job.of(m, extraPids));
                }
                if (chosen.isEmpty()) throw new InputError("no grid cell matches the selection");
            }
            if (!properties.isEmpty()) {
                List<Job> only = new ArrayList<>();
                for (Job j : chosen) {
                    for (String p : properties) {
                        if (!j.properties().contains(p)) throw new InputError("model " + j.name() + " does not check property '" + p + "' (it checks: " + String.join(", ", j.properties()) + ")");
                    }
                    only.add(j.only(properties));
                }
                chosen = only;
            }
            if (distributed > 0 || remoteWorkers > 0) return distributed(w, project, chosen);
            Path results = project.resultsFolder(out, "check-");
            List<Job> jobsChosen = chosen;
            return RunMark.around(results, RunOutput.commandLine(spec), () -> {
                w.printf("adoptsig check: %d model(s), %d at once, TLC runs limited to %s min, temporal properties by %s; %s%nresults in %s%n",
                        jobsChosen.size(), jobs, fmt(timeoutMinutes), temporal.equals("java") ? "the Java engine" : "TLC", project.source(), results);
                for (Job j : jobsChosen) w.printf("  %s: %s%s%n", j.name(), j.description(), j.distinct() < 0 ? "" : String.format(" (recorded: %,d distinct states)", j.distinct()));
                w.flush();
                ModelCheck tlcChecker = project.checker(workers, Duration.ofMillis((long) (timeoutMinutes * 60_000)), log,
                        forked ? adoptsig.tlc.TlcRunner.Mode.FORKED : inProcess ? adoptsig.tlc.TlcRunner.Mode.IN_PROCESS
                                : adoptsig.tlc.TlcRunner.Mode.fromSystemProperty());
                boolean pinned = adoptsig.supervisor.FairnessPin.matches(project.specDir());
                if (temporal.equals("java") && !pinned) {
                    w.println("The spec's fairness or temporal definitions are not those the Java engine implements "
                            + "(adoptsig.supervisor.FairnessPin): TLC decides the temporal properties.");
                    w.flush();
                }
                ModelCheck checker = temporal.equals("java") && pinned ? tlcChecker.withJavaTemporal(project::system) : tlcChecker;
                List<ModelOutcome> done = new ArrayList<>();
                List<ModelOutcome> outcomes;
                try {
                    outcomes = Checks.run(checker, jobsChosen, jobs, results, o -> {
                        // the tables of what is finished so far, rewritten as each model ends: a run stopped halfway keeps them
                        done.add(o);
                        List<ModelOutcome> ordered = new ArrayList<>();
                        for (Job j : jobsChosen) done.stream().filter(x -> x.job() == j).forEach(ordered::add);
                        writeTables(results, project, ordered);
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new adoptsig.RunFailure("interrupted while the models were checked");
                }
                return report(w, project, results, outcomes, cfg == null);
            });
        }
    }

    /** The verdict tables and the measured outcomes of these models, written into the results folder. */
    private static void writeTables(Path results, Project project, List<ModelOutcome> outcomes) {
        RunOutput.write(results.resolve("verdicts.txt"), VerdictTable.text(outcomes));
        RunOutput.write(results.resolve("verdicts.md"), VerdictTable.markdown(outcomes));
        RunOutput.write(results.resolve("expected.tsv"), Tables.measuredExpected(outcomes, project.catalogue()));
    }

    /** TLC's distributed mode on each model's invariants: the state count compared with the record. */
    private int distributed(PrintWriter w, Project project, List<Job> chosen) {
        if (cfg != null || extraPids > 0) throw new InputError("--distributed runs catalogued models at their recorded bounds (no --cfg, no --extra-pids)");
        var catalogue = project.catalogue();
        for (Job j : chosen) invariants(catalogue, j);
        Path results = project.resultsFolder(out, "distributed-");
        return RunMark.around(results, RunOutput.commandLine(spec), () -> {
            w.printf("adoptsig check --distributed %d: %d model(s), the invariants only (distributed TLC checks no temporal or action property); %s%nresults in %s%n",
                    distributed, chosen.size(), project.source(), results);
            w.flush();
            Comparison.Builder c = new Comparison.Builder("model(s)").compared(chosen.size()).scope(" (state counts only)");
            for (Job j : chosen) {
                List<String> inv = invariants(catalogue, j);
                ModelCheck checker = project.checker(1, null, null);
                Duration limit = Duration.ofMillis((long) (timeoutMinutes * 60_000));
                int port = adoptsig.tlc.Distributed.freePort();
                if (remoteWorkers > 0) {
                    w.printf("  %s: the TLC server waits for %d remote worker(s): on each machine run%n    java -Dtlc2.tool.distributed.TLCServer.port=%d -cp adoptsig.jar tlc2.tool.distributed.TLCWorker %s%n",
                            j.name(), remoteWorkers, port, serverHost);
                    w.flush();
                }
                var r = adoptsig.tlc.Distributed.run(project.specDir(), results.resolve(j.name()), adoptsig.tlc.SpecBridge.MODULE,
                        checker.cfgText(j, inv), distributed, remoteWorkers, serverHost, port, limit);
                String verdict = r.distinct() < 0 ? "undecided (no final count: stopped at the time limit?)" : r.passed() ? "invariants hold" : "NOT passed";
                w.printf("  %s: %s, %,d distinct states, depth %d, %.1f s with %d local worker(s)%s (server log: %s)%n", j.name(), verdict, r.distinct(), r.depth(),
                        r.seconds(), distributed, remoteWorkers > 0 ? " and " + remoteWorkers + " remote" : "", r.log());
                Path log = r.log();
                String count = String.format("%,d distinct states", r.distinct());
                if (r.distinct() < 0) c.add(new Unfinished(j.name(), "invariants", "distributed TLC stopped at the time limit of " + fmt(timeoutMinutes) + " min"));
                else if (!r.passed()) c.add(new Difference(j.name(), "invariants", "hold", "no success reported (confirm on one machine)", "distributed TLC", log));
                else if (j.distinct() >= 0 && r.distinct() != j.distinct()) {
                    // the depth is printed, not compared: the server computes it from its workers' queues, not level by level
                    c.add(new Difference(j.name(), "state count", String.format("%,d distinct states", j.distinct()), count, "distributed TLC", log));
                } else if (j.distinct() < 0) c.add(new Difference(j.name(), "state count", null, count, "distributed TLC", log));
                w.flush();
            }
            return ComparisonPrinter.print(w, c.build());
        });
    }

    /** The invariants of a model that distributed TLC checks: each must be expected to hold (it does not report violations reliably). */
    private static List<String> invariants(adoptsig.catalog.Catalogue catalogue, Job j) {
        List<String> inv = new ArrayList<>();
        for (String p : j.properties()) {
            var prop = catalogue.property(p);
            if (!prop.kind().isStatePredicate() || p.startsWith("Debug")) continue;
            var e = j.expected().get(p);
            if (e == null || e.expected() != adoptsig.catalog.Expected.HOLDS) {
                throw new InputError("model " + j.name() + ": invariant " + p + " is not expected to hold; distributed TLC does not report violations"
                        + " reliably, so it runs only models whose invariants hold (check " + j.name() + " on one machine)");
            }
            inv.add(p);
        }
        return inv;
    }

    private Job cfgJob(Project project) {
        CfgFile c = CfgFile.read(cfg);
        Set<String> props = new LinkedHashSet<>();
        for (String op : c.properties()) {
            try {
                props.add(project.catalogue().ofOperator(op).id());
            } catch (InputError e) {
                throw new InputError(c.file() + ":" + c.lineOf(op) + ": " + e.getMessage());
            }
        }
        String name = cfg.getFileName().toString().replaceAll("\\.cfg$", "");
        return new Job(name, "the hand-written cfg " + cfg, c.bounds(), new ArrayList<>(props), Map.of(), -1, -1, false);
    }

    private static String fmt(double minutes) {
        return minutes == Math.rint(minutes) ? Long.toString((long) minutes) : Double.toString(minutes);
    }

    private int report(PrintWriter w, Project project, Path results, List<ModelOutcome> outcomes, boolean compared) {
        var catalogue = project.catalogue();
        String table = VerdictTable.text(outcomes);
        writeTables(results, project, outcomes);
        Map<String, ModelOutcome> byName = new LinkedHashMap<>();
        for (ModelOutcome o : outcomes) byName.put(o.job().name(), o);
        boolean gridCells = extraPids == 0 && compared && outcomes.stream().anyMatch(o -> project.models().models().stream()
                .anyMatch(m -> m.isGridCell() && m.name().equals(o.job().name())));
        String gridText = null;
        if (gridCells) {
            gridText = Tables.grid(project.models(), m -> byName.containsKey(m.name()) ? Tables.measured(byName.get(m.name()), catalogue) : null,
                    m -> byName.containsKey(m.name()) ? byName.get(m.name()).distinct() : -1L);
            RunOutput.write(results.resolve("grid.md"), "# The grid, as TLC found it\n\n" + Tables.bounds(project.models()) + "\n" + gridText);
        }
        boolean print = stories != null ? stories : !names.isEmpty() || cfg != null;
        if (print) RunOutput.printStories(w, outcomes);
        w.printf("%nEvery model and property (distinct states and depth of the deciding run; counterexample length):%n%n%s", table);
        if (gridText != null) w.printf("%nThe grid (\"-\": not checked in this run):%n%n%s", gridText);
        w.printf("%nResults: %s (verdicts.md; expected.tsv: the measured outcomes in the format of properties/expected.tsv%s);%n"
                + "stories and raw traces: %s/<model>/story-<property>.txt, trace-<property>.txt%n", results, gridText != null ? "; grid.md" : "", results);
        Comparison.Builder c = new Comparison.Builder("model(s)").compared(outcomes.size())
                .scope(extraPids > 0 ? " (verdicts only, at bigger bounds)" : "").advice("the results of the rest are in the results folder");
        if (!compared) c.uncompared("Every property decided (a hand-written cfg has no expected outcomes: nothing compared).");
        for (ModelOutcome o : outcomes) {
            if (compared) c.addAll(o.differences());
            c.addUnfinished(o.unfinished());
        }
        Comparison comparison = c.build();
        Path html = Reports.check(project, results, outcomes, gridText, comparison);
        w.printf("Report (the grid, every verdict, every counterexample as a picture): %s%n", html);
        return ComparisonPrinter.print(w, comparison);
    }
}
