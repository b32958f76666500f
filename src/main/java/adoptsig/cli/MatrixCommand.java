package adoptsig.cli;

import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Catalogue.Expected;
import adoptsig.catalog.InputError;
import adoptsig.catalog.Matrix;
import adoptsig.catalog.Matrix.Outcome;
import adoptsig.check.MatrixTable;
import adoptsig.check.ModelCheck;
import adoptsig.check.ModelOutcome;
import adoptsig.check.Verdict;
import adoptsig.check.VerdictTable;
import adoptsig.tlc.CfgFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * `matrix`: model-checks every cell (mechanism x idiom) of issue 4's race-condition matrix
 * with TLC, prints the grid, and compares every verdict, state count and counterexample
 * length with properties/matrix.tsv. Writes matrix.md, matrix.tsv (same format as
 * properties/matrix.tsv), each cell's cfg, raw traces and stories into the results folder.
 */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = "Model-check every supervision mechanism against every daemon idiom (issue 4) and compare with properties/matrix.tsv.")
public final class MatrixCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--mechanism", paramLabel = "ID", description = "only these mechanisms (repeatable; default: all)")
    List<String> mechanisms = new ArrayList<>();

    @Option(names = "--idiom", paramLabel = "ID", description = "only these idioms (repeatable; default: all)")
    List<String> idioms = new ArrayList<>();

    @Option(names = "--extra-pids", defaultValue = "0", paramLabel = "N",
            description = "bigger bounds: N more PIDs in every cell; verdicts are compared, recorded counts are not (default: ${DEFAULT-VALUE})")
    int extraPids;

    @Option(names = "--jobs", defaultValue = "2", description = "cells checked at once, each by its own TLC process (default: ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--root", defaultValue = ".", description = "project folder holding spec/ and properties/ (default: ${DEFAULT-VALUE})")
    Path root;

    @Option(names = "--out", description = "results folder (default: target/adoptsig-runs/matrix-<time>)")
    Path out;

    @Option(names = "--stories", description = "also print every counterexample's story (they are always saved)")
    boolean stories;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        PrintStream log = RunOutput.log(w);
        if (jobs < 1) throw new InputError("--jobs must be at least 1");
        if (extraPids < 0) throw new InputError("--extra-pids must not be negative");
        Catalogue catalogue = Catalogue.load(root.toAbsolutePath().normalize());
        Matrix matrix = Matrix.load(catalogue.root(), catalogue);
        if (matrix.properties().isEmpty()) throw new InputError("properties/matrix.tsv names no property to check");
        for (String m : mechanisms) matrix.mechanism(m);
        for (String i : idioms) matrix.idiom(i);
        List<Matrix.Cell> cells = new ArrayList<>();
        for (Matrix.Cell c : matrix.cells(extraPids)) {
            if ((mechanisms.isEmpty() || mechanisms.contains(c.mechanism().id())) && (idioms.isEmpty() || idioms.contains(c.idiom().id()))) {
                cells.add(c);
            }
        }
        Path results = RunOutput.resultsFolder(catalogue.root(), out, "matrix-");
        List<String> invariants = new ArrayList<>(), others = new ArrayList<>();
        for (String p : matrix.properties()) (catalogue.property(p).kind().isStatePredicate() ? invariants : others).add(p);
        w.printf("adoptsig matrix: %d cell(s), %d properties each%s, %d at once; results in %s%n", cells.size(),
                matrix.properties().size(), extraPids > 0 ? ", " + extraPids + " extra PID(s) per cell (recorded counts not compared)" : "",
                jobs, results);
        w.flush();

        ModelCheck checker = new ModelCheck(catalogue, 1, log);
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        Map<String, Future<ModelOutcome>> futures = new LinkedHashMap<>();
        for (Matrix.Cell c : cells) {
            futures.put(c.name(), pool.submit(() -> {
                Path dir = results.resolve(c.name());
                Files.createDirectories(dir);
                Path cfgPath = dir.resolve(c.name() + ".cfg");
                Files.writeString(cfgPath, c.cfgText(invariants, others), StandardCharsets.UTF_8);
                Map<String, Expected> expected = new LinkedHashMap<>();
                matrix.expected(c.name()).forEach((p, o) -> expected.put(p, o.expected()));
                Outcome count = extraPids > 0 ? null : matrix.expected(c.name()).values().stream()
                        .filter(o -> o.expected() == Expected.HOLDS && o.states() >= 0).findFirst().orElse(null);
                return checker.check(count == null ? c.model(-1, -1) : c.model(count.states(), count.steps()), CfgFile.read(cfgPath),
                        expected, results, Set.of());
            }));
        }
        pool.shutdown();
        Map<String, Map<String, Outcome>> measured = new LinkedHashMap<>();
        List<ModelOutcome> outcomes = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        try {
            for (Matrix.Cell c : cells) {
                ModelOutcome o = futures.get(c.name()).get();
                outcomes.add(o);
                Map<String, Outcome> got = new LinkedHashMap<>();
                for (Verdict v : o.verdicts()) {
                    // a temporal counterexample is TLC's lasso: neither shortest nor the same from run to run,
                    // so its length is not recorded
                    boolean temporal = !catalogue.property(v.property()).kind().isSafety();
                    got.put(v.property(), v.actual() == Expected.HOLDS ? new Outcome(Expected.HOLDS, v.distinct(), v.depth())
                            : new Outcome(Expected.VIOLATED, -1, temporal ? -1 : v.traceSteps()));
                }
                measured.put(c.name(), got);
                differences.addAll(compare(c.name(), matrix.expected(c.name()), got, extraPids == 0));
            }
        } catch (ExecutionException e) {
            pool.shutdownNow();
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }

        String grid = MatrixTable.grid(matrix, extraPids, measured);
        StringBuilder tsv = new StringBuilder("# measured by `adoptsig matrix`" + (extraPids > 0 ? " --extra-pids " + extraPids : "")
                + "; properties/matrix.tsv is a reviewed copy of such a file\nmechanism\tidiom\tproperty\texpected\tstates\tsteps\n");
        for (Matrix.Cell c : cells) {
            for (var e : measured.get(c.name()).entrySet()) {
                Outcome o = e.getValue();
                tsv.append(c.mechanism().id()).append('\t').append(c.idiom().id()).append('\t').append(e.getKey()).append('\t')
                        .append(o.expected().word()).append('\t').append(o.states() < 0 ? "-" : Long.toString(o.states())).append('\t')
                        .append(o.steps() < 0 ? "-" : Integer.toString(o.steps())).append('\n');
            }
        }
        try {
            Files.createDirectories(results);
            Files.writeString(results.resolve("matrix.md"), "# Race-condition matrix\n\n" + MatrixTable.bounds(matrix) + "\n" + grid
                    + "\n## Every verdict\n\n" + VerdictTable.markdown(outcomes), StandardCharsets.UTF_8);
            Files.writeString(results.resolve("matrix.tsv"), tsv.toString(), StandardCharsets.UTF_8);
            Files.writeString(results.resolve("verdicts.txt"), VerdictTable.text(outcomes), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (stories) RunOutput.printStories(w, outcomes);
        w.printf("%nEvery cell and property (distinct states and depth of the deciding run; counterexample length):%n%n%s",
                VerdictTable.text(outcomes));
        w.printf("%nBounds of the cells%s:%n%n%s%n%s%n", extraPids > 0 ? " (plus " + extraPids + " PID(s) each)" : "",
                MatrixTable.bounds(matrix), grid);
        w.printf("Stories and raw traces of the counterexamples: %s/<cell>/story-<property>.txt, trace-<property>.txt%n", results);
        w.printf("Grid, bounds and every verdict: %s; measured outcomes: %s%n", results.resolve("matrix.md"), results.resolve("matrix.tsv"));
        if (differences.isEmpty()) {
            w.printf("All %d cells agree with properties/matrix.tsv%s.%n", cells.size(), extraPids > 0 ? " (verdicts only)" : "");
        } else {
            w.printf("%d difference(s) from properties/matrix.tsv:%n", differences.size());
            for (String d : differences) w.printf("  %s%n", d);
        }
        w.flush();
        return differences.isEmpty() ? Main.OK : Main.DIFFERS;
    }

    /** What differs between the recorded and the measured outcomes of one cell. */
    static List<String> compare(String cell, Map<String, Outcome> expected, Map<String, Outcome> got, boolean counts) {
        List<String> out = new ArrayList<>();
        if (expected.isEmpty()) {
            out.add(cell + ": no expected outcomes in properties/matrix.tsv");
            return out;
        }
        for (var e : got.entrySet()) {
            Outcome x = expected.get(e.getKey()), g = e.getValue();
            if (x == null) out.add(cell + " / " + e.getKey() + ": not in properties/matrix.tsv");
            else if (x.expected() != g.expected()) out.add(cell + " / " + e.getKey() + ": expected " + x.expected().word() + ", TLC: " + g.expected().word());
            else if (counts && (x.states() != g.states() || x.steps() != g.steps())) {
                out.add(cell + " / " + e.getKey() + ": recorded " + show(x) + ", TLC: " + show(g));
            }
        }
        return out;
    }

    private static String show(Outcome o) {
        return o.expected() == Expected.HOLDS ? String.format("%,d states, depth %d", o.states(), o.steps()) : o.steps() + "-step counterexample";
    }
}
