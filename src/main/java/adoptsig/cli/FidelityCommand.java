package adoptsig.cli;

import adoptsig.InputError;
import adoptsig.fidelity.Driver;
import adoptsig.fidelity.Fidelity;
import adoptsig.fidelity.Run;
import adoptsig.fidelity.TraceReplay;
import adoptsig.fidelity.Unavailable;
import adoptsig.kernel.Kernel;
import adoptsig.project.Project;
import adoptsig.report.HtmlReport;
import adoptsig.report.Pictures;
import adoptsig.system.Bounds;
import adoptsig.tlc.TlcOutput;
import adoptsig.tlc.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** `fidelity`: the Java kernel's predictions against this machine's Linux kernel. */
@Command(name = "fidelity", mixinStandardHelpOptions = true,
        description = {"Run scripts of process operations on this machine's Linux kernel and compare every result and process table with "
                + "the Java kernel's prediction.",
                "The driver is a C program compiled at run time, run as PID 1 of a new PID namespace where allowed. The scripts are the fixed "
                + "scenarios of properties/scenarios.tsv, the fact scripts of properties/fact-scripts.tsv, then random scripts (drawn from a "
                + "seed, the shortest disagreeing one cut down). With --replay: the saved TLC counterexamples, each run on Linux."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:Linux and the model agree on everything asked", "1:a disagreement (told as a story)",
                ExitCodes.BAD_INPUT, "3:no disagreement, but something asked was not run or not checked here (the summary says what), "
                + "no Linux or no C compiler here, or the run could not be completed (the cause in one line)"})
public final class FidelityCommand implements Callable<Integer> {
    /** Exit code: nothing disagrees, but not everything asked could be run or checked here. */
    public static final int INCOMPLETE = Main.INCOMPLETE;

    @Option(names = "--scripts", defaultValue = "300", description = "random scripts (default: ${DEFAULT-VALUE}; 0: the fixed scenarios and fact scripts only)") int scripts;
    @Option(names = "--seed", defaultValue = "20081216", description = "seed of the random scripts (default: ${DEFAULT-VALUE})") long seed;
    @Option(names = "--steps", defaultValue = "30", description = "operations per random script, at most (default: ${DEFAULT-VALUE})") int steps;
    @Option(names = "--no-namespace", description = "init as a child subreaper even where a PID namespace is allowed (PID values then not compared)") boolean noNamespace;
    @Option(names = "--replay", arity = "0..*", paramLabel = "MODEL",
            description = "replay the saved counterexamples on Linux instead (of these models; default: every model with saved traces)") List<String> replay;
    @Option(names = "--traces", paramLabel = "DIR",
            description = "with --replay: the folder of saved traces, DIR/MODEL/trace-PROPERTY.txt (default: src/test/resources/traces of the project;"
                    + " the results folder of `check` has the same layout)") Path traces;
    @Option(names = "--out", description = "results folder (default: target/adoptsig-runs/fidelity-<time>)") Path out;
    @picocli.CommandLine.Mixin ProjectOption where;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (scripts < 0) throw new InputError("--scripts must be 0 or more, not " + scripts);
        if (steps < 1 || steps > 40) throw new InputError("--steps must be 1..40, not " + steps);
        if (traces != null && replay == null) throw new InputError("--traces goes with --replay");
        try (Project p = where.open()) {
            var facts = p.facts();
            Path exe;
            try {
                exe = Driver.build(p.buildFolder());
            } catch (Unavailable e) {
                err.println("adoptsig fidelity: not run: " + e.getMessage());
                err.flush();
                return INCOMPLETE;
            }
            Path results = p.resultsFolder(out, "fidelity-");
            if (replay != null) return replay(w, err, p, exe, results);
            w.printf("fidelity: %d scenarios, %d fact scripts and %d random scripts of up to %d operations, seed %d (%s)%n",
                    facts.scenarios().size(), facts.factScripts().size(), scripts, steps, seed, p.source());
            w.flush();
            Fidelity.Report r;
            try {
                r = Fidelity.run(exe, new Kernel(), facts, scripts, seed, steps, !noNamespace, line -> { w.println(line); w.flush(); });
            } catch (Unavailable e) {
                err.println("adoptsig fidelity: not run: " + e.getMessage());
                err.flush();
                return INCOMPLETE;
            }
            StringBuilder summary = new StringBuilder();
            summary.append(String.format("Linux %s, init %s%n", r.hello().kernel(), r.hello().namespace() ? "PID 1 of a new PID namespace" : "a child subreaper " + r.hello().note()));
            summary.append(String.format("%d of %d scenarios, %d of %d fact scripts (%d commands), %d of %d random scripts (seed %d); %,d operations in %.1f s%n",
                    r.scenariosRun(), r.scenariosRun() + r.scenariosSkipped().size(), r.factScriptsRun(), r.factScriptsRun() + r.factScriptsSkipped().size(),
                    r.factCommands(), r.randomRun(), r.randomAsked(), seed, r.steps(), r.seconds()));
            summary.append("operations covered: ").append(String.join(", ", r.operations())).append('\n');
            for (Fidelity.Skipped s : r.scenariosSkipped()) summary.append("NOT RUN: scenario ").append(s.name()).append(": ").append(s.reason()).append('\n');
            for (Fidelity.Skipped s : r.factScriptsSkipped()) summary.append("NOT RUN: fact script ").append(s.name()).append(": ").append(s.reason()).append('\n');
            if (!r.unchecked().isEmpty()) {
                summary.append(String.format("NOT CHECKED: %d operations left out of their scripts (not run on either side):%n", r.unchecked().size()));
                r.unchecked().stream().limit(10).forEach(u -> summary.append("  ").append(u).append('\n'));
                if (r.unchecked().size() > 10) summary.append("  ... and ").append(r.unchecked().size() - 10).append(" more\n");
            }
            if (!r.hello().namespace()) {
                summary.append("Without a PID namespace these are not checked: PID values, the pool's exhaustion (a fork's EAGAIN) and its wrap, ")
                        .append("the PID cursor (OutsideFork), realtime signals and the user's pending-signal count (Sigqueue, RLIMIT_SIGPENDING), ")
                        .append("calls about PIDs not in use (KillZero, WaitPid, Reap), and the fact scripts.\n");
            }
            summary.append(r.agrees() ? (r.complete() ? "Linux and the model agree on every step.\n"
                            : "Linux and the model agree on every step that was run; what was not run or checked is listed above.\n")
                    : r.disagreements().size() + " disagreement(s):\n");
            HtmlReport report = new HtmlReport("adoptsig fidelity: the model against Linux " + r.hello().kernel());
            report.paragraph(summary.toString());
            write(results, summary, report, r.disagreements());
            w.print(summary);
            w.printf("Results: %s%n", results);
            w.flush();
            return !r.agrees() ? Main.DIFFERS : r.complete() ? Main.OK : INCOMPLETE;
        }
    }

    private static void write(Path results, StringBuilder summary, HtmlReport report, List<Run.Outcome> disagreements) {
        int n = 0;
        try {
            for (Run.Outcome o : disagreements) {
                n++;
                Path f = results.resolve("disagreement-" + n + ".txt");
                Files.writeString(f, o.told());
                String svg = "";
                if (!o.states().isEmpty()) {
                    svg = Pictures.script(o.story().get(0), o.states(), o.script().stream().map(Object::toString).toList(), "disagreement");
                    Files.writeString(results.resolve("disagreement-" + n + ".svg"), svg);
                }
                report.counterexample(new HtmlReport.Counterexample("disagreement-" + n, "disagreement " + n + ": " + o.disagreement(), o.told(), svg));
                summary.append('\n').append(o.told()).append("(saved in ").append(f).append(svg.isEmpty() ? "" : ", with a picture of the model's side").append(")\n");
            }
            Files.writeString(results.resolve("summary.txt"), summary);
            Files.writeString(results.resolve("report.html"), report.html());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** --replay: every saved trace of the models asked, run on Linux. */
    private int replay(PrintWriter w, PrintWriter err, Project p, Path exe, Path results) {
        Path dir = traces != null ? traces : p.root().resolve("src/test/resources/traces");
        if (!Files.isDirectory(dir)) throw new InputError("no folder of saved traces at " + dir + " (give --traces DIR)");
        List<String> models = new ArrayList<>(replay);
        if (models.isEmpty()) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(Files::isDirectory).map(x -> x.getFileName().toString()).sorted().forEach(models::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        w.printf("fidelity --replay: the saved counterexamples of %d model(s) in %s, run on Linux (%s)%n", models.size(), dir, p.source());
        w.flush();
        List<TraceReplay.Result> all = new ArrayList<>();
        long t0 = System.nanoTime();
        Driver.Hello hello;
        try {
            hello = Fidelity.hello(exe, !noNamespace);
        } catch (Unavailable e) {
            err.println("adoptsig fidelity: not run: " + e.getMessage());
            err.flush();
            return INCOMPLETE;
        }
        w.printf("Linux %s; init is %s%n", hello.kernel(), hello.namespace() ? "PID 1 of a new PID namespace" : "a child subreaper " + hello.note());
        for (String m : models) {
            Bounds b = p.bounds(m);
            List<Path> files;
            try (Stream<Path> s = Files.list(dir.resolve(m))) {
                files = s.filter(f -> f.getFileName().toString().matches("trace-.*\\.txt")).sorted().toList();
            } catch (IOException e) {
                throw new InputError("no saved traces of " + m + " in " + dir + ": " + e.getMessage());
            }
            for (Path f : files) {
                Trace t;
                try {
                    t = TlcOutput.parseSavedTrace(Files.readString(f));
                } catch (IOException | RuntimeException e) {
                    throw new InputError(f + ": not a trace saved by check: " + e.getMessage());
                }
                TraceReplay.Result r = TraceReplay.replay(exe, new Kernel(), m, b.supervisor(), b.sigLimit(), f, t, !noNamespace);
                all.add(r);
                w.printf("  %-28s %-34s %s%n", m, f.getFileName(), switch (r.verdict()) {
                    case REPRODUCED -> "reproduced on Linux";
                    case NOT_REPRODUCIBLE -> "NOT REPRODUCIBLE: " + r.explanation();
                    case NOT_REPLAYED -> "not replayed: " + r.explanation();
                });
                w.flush();
            }
        }
        TraceReplay.Report rr = new TraceReplay.Report(hello, all, (System.nanoTime() - t0) / 1e9);
        StringBuilder summary = new StringBuilder();
        summary.append(String.format("%d traces replayed on Linux %s in %.1f s; by mechanism (reproduced / not reproducible / not replayed):%n",
                all.size(), hello.kernel(), rr.seconds()));
        for (Map.Entry<String, int[]> e : rr.byMechanism().entrySet()) {
            summary.append(String.format("  %-12s %3d / %3d / %3d%n", e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]));
        }
        List<Run.Outcome> bad = all.stream().filter(r -> r.verdict() == TraceReplay.Verdict.NOT_REPRODUCIBLE && r.run() != null)
                .map(TraceReplay.Result::run).toList();
        boolean complete = all.stream().allMatch(r -> r.verdict() == TraceReplay.Verdict.REPRODUCED);
        summary.append(rr.agrees() ? (complete ? "Every trace was reproduced on Linux.\n" : "No trace disagrees with Linux; those not replayed are listed above with the reason.\n")
                : bad.size() + " trace(s) not reproducible on Linux: a modelling error until explained.\n");
        HtmlReport report = new HtmlReport("adoptsig fidelity --replay: saved counterexamples on Linux " + hello.kernel());
        report.paragraph(summary.toString());
        write(results, summary, report, bad);
        w.print(summary);
        w.printf("Results: %s%n", results);
        w.flush();
        return !rr.agrees() ? Main.DIFFERS : complete ? Main.OK : INCOMPLETE;
    }
}
