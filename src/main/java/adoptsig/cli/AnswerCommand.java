package adoptsig.cli;

import adoptsig.InputError;
import adoptsig.catalog.Answers;
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
            List<String> differences = new ArrayList<>();
            w.flush();
            return differences.isEmpty() ? Main.OK : Main.DIFFERS;
        }
    }
}
