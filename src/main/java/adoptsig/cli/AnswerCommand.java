package adoptsig.cli;

import adoptsig.InputError;
import adoptsig.catalog.Answers;
import adoptsig.product.ConflictStory;
import adoptsig.product.Game;
import adoptsig.product.Product;
import adoptsig.product.ProductTlc;
import adoptsig.product.Setting;
import adoptsig.report.HtmlReport;
import adoptsig.report.Pictures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `answer`: the indistinguishability checks: for each world, idiom, interface and bounds, the
 * game on the product of two copies decides whether a conflict is unreachable, escapable by
 * some supervisor, or forced against every one; compared with properties/answers.tsv.
 */
@Command(name = "answer", mixinStandardHelpOptions = true,
        description = {"Decide, for every supervisor at once, whether a kernel interface tells init enough: the indistinguishability "
                + "check and its game, for each world, idiom and interface of properties/answers.tsv.",
                "Exit code 0: every verdict, state count and conflict length agrees with the record; 1: something differs; 2: bad input."})
public final class AnswerCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "CHECK", description = "checks to run, named WORLD-IDIOM-INTERFACE-PIDS[-qN][-outside] (default: the suite's)")
    List<String> names = new ArrayList<>();

    @Option(names = "--suite", defaultValue = "default", description = "fast, default (includes fast), large or all (default: ${DEFAULT-VALUE})")
    String suite;

    @Option(names = "--world", paramLabel = "closed|open", description = "only these worlds (repeatable)")
    List<String> worlds = new ArrayList<>();

    @Option(names = "--idiom", paramLabel = "ID", description = "only these idioms (repeatable)")
    List<String> idioms = new ArrayList<>();

    @Option(names = "--interface", paramLabel = "ID", description = "only these interfaces (repeatable)")
    List<String> ifaces = new ArrayList<>();

    @Option(names = "--tlc", description = "also run TLC on each check's product (spec/Indistinguishability.tla) and compare its state count and shortest conflict with Java's")
    boolean tlc;

    @Option(names = "--out", description = "results folder (default: target/adoptsig-runs/answer-<time>)")
    Path out;

    @Option(names = "--list", description = "list the checks and exit")
    boolean list;

    @Option(names = "--max-states", defaultValue = "40000000", paramLabel = "N",
            description = "give up a check past N states (it is then undecided, and counts as a difference) (default: ${DEFAULT-VALUE})")
    long maxStates;

    @picocli.CommandLine.Mixin ProjectOption where;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        for (String x : worlds) if (!x.equals("closed") && !x.equals("open")) throw new InputError("--world must be closed or open, not '" + x + "'");
        if (maxStates < 1) throw new InputError("--max-states must be at least 1, not " + maxStates);
        try (Project project = where.open()) {
            Answers answers = project.answers();
            for (String i : idioms) project.models().idiom(i);
            List<Answers.Check> chosen = answers.select(names, worlds, idioms, ifaces, suite);
            if (list) {
                for (Answers.Check c : chosen) w.printf("%-40s %-8s %s%n", c.name(), c.suite(), c.verdict());
                w.flush();
                return Main.OK;
            }
            Path results = project.resultsFolder(out, "answer-");
            w.printf("adoptsig answer: %d check(s); %s%nresults in %s%n", chosen.size(), project.source(), results);
            w.flush();
            List<String> differences = new ArrayList<>();
            StringBuilder measured = new StringBuilder("# measured by `adoptsig answer`; properties/answers.tsv is a reviewed copy of such rows\n"
                    + "world\tidiom\tinterface\tmaxPid\tsigLimit\toutside\tsuite\tverdict\tstates\tsteps\twitness\n");
            List<String[]> rows = new ArrayList<>();
            HtmlReport report = new HtmlReport("adoptsig answer: " + chosen.size() + " indistinguishability check(s)");
            Map<String, String> links = new LinkedHashMap<>();
            for (Answers.Check c : chosen) {
                Setting s = project.setting(c);
                Product product = new Product(s);
                w.printf("%s: %d PIDs, services %s%s, queue %d%s%n", c.name(), c.maxPid(), c.services(),
                        c.strangers().isEmpty() ? "" : ", strangers " + c.strangers(), c.sigLimit(), c.outside() ? ", outside activity" : "");
                w.flush();
                Game.Result r;
                try {
                    r = new Game(product).solve(line -> { w.println(line); w.flush(); }, maxStates);
                } catch (Game.TooLarge e) {
                    differences.add(c.name() + ": undecided, " + e.getMessage() + " (--max-states)");
                    w.printf("  %s: undecided: %s%n", c.name(), e.getMessage());
                    rows.add(new String[] {c.name(), c.verdict(), "undecided  <-- DIFFERS", "> " + maxStates, "-", "-"});
                    continue;
                }
                int steps = r.shortest().isEmpty() ? -1 : r.shortest().size() - 1;
                String note = "";
                if (r.conflicts() > 0) {
                    Path dir = results.resolve(c.name());
                    try {
                        java.nio.file.Files.createDirectories(dir);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    String story = ConflictStory.tell(c.name(), product, r);
                    String svg = Pictures.conflict(c.name(), r, product.conflict(r.shortest().get(r.shortest().size() - 1).state()));
                    RunOutput.write(dir.resolve("story.txt"), story);
                    RunOutput.write(dir.resolve("picture.svg"), svg);
                    String a = HtmlReport.anchor("cx", c.name());
                    report.counterexample(new HtmlReport.Counterexample(a, c.name() + ": " + r.verdict(), story, svg));
                    links.put(c.name(), a);
                    note = "; story: " + dir.resolve("story.txt");
                }
                if (!r.verdict().equals(c.verdict())) differences.add(c.name() + ": recorded " + c.verdict() + ", found " + r.verdict());
                if (c.states() >= 0 && c.states() != r.states()) differences.add(String.format("%s: recorded %,d states, found %,d", c.name(), c.states(), r.states()));
                if (c.steps() != steps && r.verdict().equals(c.verdict())) differences.add(c.name() + ": recorded a " + c.steps() + "-step conflict, found " + steps + " steps");
                if (tlc) {
                    ProductTlc.Outcome t = ProductTlc.run(s, project.specDir(), results.resolve(c.name()).resolve("tlc"), Duration.ofHours(2));
                    int tsteps = t.conflict().map(x -> x.steps()).orElse(-1);
                    boolean same = (r.conflicts() > 0) == t.conflict().isPresent() && tsteps == steps && (r.conflicts() > 0 || t.distinct() == r.states());
                    if (!same) differences.add(String.format("%s: TLC found %,d states and %s, Java %,d and %s", c.name(), t.distinct(),
                            tsteps < 0 ? "no conflict" : "a " + tsteps + "-step conflict", r.states(), steps < 0 ? "no conflict" : "a " + steps + "-step conflict"));
                    note += String.format("; TLC: %,d states%s, %.0f s", t.distinct(), tsteps < 0 ? "" : ", a " + tsteps + "-step conflict (" + t.violated() + ")", t.seconds());
                }
                w.printf("  %s: %s, %,d states, %.1f s%s%n", c.name(), r.verdict(), r.states(), r.seconds(), note);
                if (r.escape() != null) w.printf("    escape: %s%n", r.escape());
                w.flush();
                rows.add(new String[] {c.name(), c.verdict(), r.verdict() + (r.verdict().equals(c.verdict()) ? "" : "  <-- DIFFERS"),
                        String.format("%,d", r.states()), steps < 0 ? "-" : Integer.toString(steps), String.format("%.1f s", r.seconds())});
                measured.append(String.join("\t", c.world(), c.idiom().id(), c.iface().id(), Integer.toString(c.maxPid()), Integer.toString(c.sigLimit()),
                        c.outside() ? "TRUE" : "FALSE", c.suite(), r.verdict(), Long.toString(r.states()), steps < 0 ? "-" : Integer.toString(steps),
                        c.witness() == null ? "-" : c.witness().name())).append('\n');
            }
            RunOutput.write(results.resolve("answers.tsv"), measured.toString());
            report.paragraph("Spec and data: " + project.source() + ". A forced conflict: no supervisor on the interface is correct at these bounds; "
                    + "escapable: some supervisors run into it, a careful one escapes; no conflict: the interface tells init enough to tell these behaviours apart.");
            List<List<String>> table = new ArrayList<>();
            table.add(List.of("check", "recorded", "found", "states", "conflict (steps)", "time"));
            for (String[] row : rows) {
                String name = row[0];
                table.add(List.of(links.containsKey(name) ? HtmlReport.link(name, links.get(name)) : HtmlReport.esc(name),
                        HtmlReport.esc(row[1]), row[2].contains("DIFFERS") ? "<b class=\"bad\">" + HtmlReport.esc(row[2]) + "</b>"
                                : HtmlReport.esc(row[2]), row[3], row[4], row[5]));
            }
            report.table("answers", table);
            if (!differences.isEmpty()) {
                List<List<String>> d = new ArrayList<>();
                d.add(List.of("difference from the record"));
                for (String x : differences) d.add(List.of("<span class=\"bad\">" + HtmlReport.esc(x) + "</span>"));
                report.table("differences", d);
            }
            RunOutput.write(results.resolve("report.html"), report.html());
            w.printf("%n%-40s  %-18s  %-30s  %12s  %8s  %s%n", "check", "recorded", "found", "states", "conflict", "time");
            for (String[] r : rows) w.printf("%-40s  %-18s  %-30s  %12s  %8s  %s%n", (Object[]) r);
            w.printf("%nResults: %s (report.html: every check and conflict, pictures included; answers.tsv: the measured outcomes in the format of properties/answers.tsv;%n"
                    + "<check>/story.txt and picture.svg: each conflict)%n", results);
            if (differences.isEmpty()) {
                w.printf("All %d check(s) agree with the record.%n", chosen.size());
            } else {
                w.printf("%d difference(s) from the record:%n", differences.size());
                for (String d : differences) w.printf("  %s%n", d);
            }
            w.flush();
            return differences.isEmpty() ? Main.OK : Main.DIFFERS;
        }
    }
}
