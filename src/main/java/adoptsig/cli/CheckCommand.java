package adoptsig.cli;

import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Model;
import adoptsig.check.ModelCheck;
import adoptsig.check.ModelOutcome;
import adoptsig.check.VerdictTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** `check [MODEL...]`: run models with TLC and compare every verdict and state count with the catalogue. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Model-check the models of spec/manifest.tsv (or those named) with TLC and compare with properties/verdicts.tsv.")
public final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "MODEL", description = "models to check (default: the suite)")
    List<String> models = new ArrayList<>();

    @Option(names = "--suite", defaultValue = "default", description = "fast, default or all, when no MODEL is named (default: ${DEFAULT-VALUE})")
    String suite;

    @Option(names = "--root", defaultValue = ".", description = "project folder holding spec/ and properties/ (default: ${DEFAULT-VALUE})")
    Path root;

    @Option(names = "--out", description = "results folder (default: target/adoptsig-runs/<time>)")
    Path out;

    @Option(names = "--workers", defaultValue = "1", description = "TLC workers; 1 gives shortest, reproducible counterexamples (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--property", paramLabel = "ID", description = "check only this property (repeatable); every model named must check it")
    List<String> properties = new ArrayList<>();

    @Option(names = "--no-stories", description = "do not print the counterexample stories (they are still saved)")
    boolean noStories;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        PrintStream log = RunOutput.log(w);
        if (workers < 1) throw new adoptsig.catalog.InputError("--workers must be at least 1");
        Catalogue catalogue = Catalogue.load(root.toAbsolutePath().normalize());
        List<Model> chosen = new ArrayList<>();
        if (models.isEmpty()) chosen.addAll(catalogue.suite(suite));
        else for (String m : models) chosen.add(catalogue.model(m));
        ModelCheck checker = new ModelCheck(catalogue, workers, log);
        for (String p : properties) catalogue.property(p);
        for (Model m : chosen) {                          // fail fast on bad input, before any TLC run
            checker.validatedCfg(m);
            for (String p : properties) {
                if (!catalogue.expected(m.name()).containsKey(p)) {
                    throw new adoptsig.catalog.InputError("model " + m.name() + " does not check property '" + p + "'");
                }
            }
        }
        Path results = RunOutput.resultsFolder(catalogue.root(), out, "");
        w.printf("adoptsig check: %d model(s), results in %s%n", chosen.size(), results);
        w.flush();
        List<ModelOutcome> outcomes = new ArrayList<>();
        for (Model m : chosen) {
            w.printf("%s (%s, manifest: %,d distinct states, about %d s): %s%n", m.name(), m.suite(), m.distinct(), m.seconds(), m.description());
            w.flush();
            outcomes.add(checker.check(m, results, new java.util.LinkedHashSet<>(properties)));
        }
        String table = VerdictTable.text(outcomes);
        try {
            Files.createDirectories(results);
            Files.writeString(results.resolve("verdicts.md"), VerdictTable.markdown(outcomes), StandardCharsets.UTF_8);
            Files.writeString(results.resolve("verdicts.txt"), table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!noStories) RunOutput.printStories(w, outcomes);
        w.printf("%n%s", table);
        boolean agree = outcomes.stream().allMatch(ModelOutcome::agrees);
        long differing = outcomes.stream().flatMap(o -> o.verdicts().stream()).filter(v -> !v.agrees()).count()
                + outcomes.stream().filter(o -> !o.countsAgree()).count();
        w.printf("%nResults, traces and stories: %s%n", results);
        w.println(agree ? "All verdicts and state counts agree with the catalogue."
                : differing + " verdict(s) or state count(s) differ from the catalogue.");
        w.flush();
        return agree ? Main.OK : Main.DIFFERS;
    }
}
