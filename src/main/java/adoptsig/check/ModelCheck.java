package adoptsig.check;

import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Catalogue.Expected;
import adoptsig.catalog.InputError;
import adoptsig.catalog.Model;
import adoptsig.catalog.Property;
import adoptsig.story.Story;
import adoptsig.tlc.CfgFile;
import adoptsig.tlc.TlcOutput;
import adoptsig.tlc.TlcRunner;
import adoptsig.tlc.Trace;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides every catalogued property of one model with TLC. TLC stops at the first violation
 * and names only safety properties, so: all safety properties (invariants and action
 * properties) are checked together; a violated one gets its verdict and shortest
 * counterexample (breadth-first, one worker) and is dropped, and TLC runs again until a run
 * passes, whose distinct-state count and depth are the model's. Each temporal property is
 * then checked in a run of its own, so that a violation is attributed to it.
 */
public final class ModelCheck {
    private final Catalogue catalogue;
    private final TlcRunner runner = new TlcRunner();
    private final int workers;
    private final PrintStream log;

    public ModelCheck(Catalogue catalogue, int workers, PrintStream log) {
        this.catalogue = catalogue;
        this.workers = workers;
        this.log = log;
    }

    /** Checks that the model's cfg names exactly the properties it has expected verdicts for. */
    public CfgFile validatedCfg(Model model) {
        CfgFile cfg = CfgFile.read(catalogue.specDir().resolve(model.cfgFile()));
        Map<String, Expected> expected = catalogue.expected(model.name());
        for (String p : cfg.properties()) {
            catalogue.property(p);
            if (!expected.containsKey(p)) {
                throw new InputError(cfg.file() + ":" + cfg.lineOf(p) + ": property '" + p
                        + "' has no expected verdict for " + model.name() + " in properties/verdicts.tsv");
            }
        }
        for (String p : expected.keySet()) {
            if (!cfg.properties().contains(p)) {
                throw new InputError("properties/verdicts.tsv expects a verdict on '" + p + "' for " + model.name()
                        + " but " + cfg.file() + " does not name it");
            }
        }
        return cfg;
    }

    /**
     * Decides the model's properties: all of them, or only those in {@code only} (each must be
     * one the model's cfg names). The state count always comes from a complete safety run.
     */
    public ModelOutcome check(Model model, Path runRoot, Set<String> only) {
        CfgFile cfg = validatedCfg(model);
        return check(model, cfg, catalogue.expected(model.name()), runRoot, only);
    }

    /**
     * Decides the properties the given cfg names (or those in {@code only}) for a model whose
     * cfg and expected verdicts come from elsewhere (the matrix's generated cells). An
     * expected verdict may be missing (null): the verdict then counts as differing.
     */
    public ModelOutcome check(Model model, CfgFile cfg, Map<String, Expected> expected, Path runRoot, Set<String> only) {
        for (String p : cfg.properties()) catalogue.property(p);
        for (String p : only) {
            catalogue.property(p);
            if (!cfg.properties().contains(p)) throw new InputError("model " + model.name() + " does not check property '" + p
                    + "' (it checks: " + String.join(", ", cfg.properties()) + ")");
        }
        Path modelDir = runRoot.resolve(model.name());
        List<Verdict> verdicts = new ArrayList<>();
        List<String> safety = new ArrayList<>(), temporal = new ArrayList<>();
        for (String p : cfg.properties()) {
            if (!only.isEmpty() && !only.contains(p)) continue;
            (catalogue.property(p).kind().isSafety() ? safety : temporal).add(p);
        }

        long distinct = -1;
        int depth = -1, runs = 0;
        double total = 0;
        while (true) {
            if (safety.isEmpty() && !only.isEmpty()) break;   // --property: no run for the state count alone
            runs++;
            TlcRunner.Result r = run(model, cfg, modelDir, runs, safety);
            total += r.elapsed().toMillis() / 1000.0;
            Optional<TlcOutput.Message> v = r.output().violation();
            if (r.exitCode() == 0 && v.isEmpty()) {
                distinct = r.output().distinct();
                depth = r.output().depth();
                for (String p : safety) {
                    verdicts.add(new Verdict(model.name(), p, expected.get(p), Expected.HOLDS, distinct, depth, 0,
                            r.elapsed().toMillis() / 1000.0, null, null));
                }
                break;
            }
            String name = v.flatMap(TlcOutput::violatedName).orElse(null);
            if (name == null || !safety.contains(name)) throw failure(model, r);
            verdicts.add(violated(model, name, expected.get(name), r, modelDir));
            safety.remove(name);
        }
        for (String p : temporal) {
            runs++;
            TlcRunner.Result r = run(model, cfg, modelDir, runs, List.of(p));
            total += r.elapsed().toMillis() / 1000.0;
            Optional<TlcOutput.Message> v = r.output().violation();
            if (r.exitCode() == 0 && v.isEmpty()) {
                verdicts.add(new Verdict(model.name(), p, expected.get(p), Expected.HOLDS, r.output().distinct(),
                        r.output().depth(), 0, r.elapsed().toMillis() / 1000.0, null, null));
            } else if (v.isPresent() && v.get().code() == TlcOutput.MSG_TEMPORAL_VIOLATED) {
                verdicts.add(violated(model, p, expected.get(p), r, modelDir));
            } else {
                throw failure(model, r);
            }
        }
        // report in the cfg's order
        List<Verdict> ordered = new ArrayList<>();
        for (String p : cfg.properties()) verdicts.stream().filter(x -> x.property().equals(p)).forEach(ordered::add);
        return new ModelOutcome(model, ordered, distinct, depth, total, runs);
    }

    private TlcRunner.Result run(Model model, CfgFile cfg, Path modelDir, int n, List<String> props) {
        Path work = modelDir.resolve(String.format("run-%02d", n));
        List<String> inv = props.stream().filter(p -> catalogue.property(p).kind().isStatePredicate()).toList();
        List<String> other = props.stream().filter(p -> !catalogue.property(p).kind().isStatePredicate()).toList();
        try {
            Files.createDirectories(work);
            adoptsig.tlc.SpecBridge.copyModules(catalogue.specDir(), work);
            Files.writeString(work.resolve(model.cfgFile()), cfg.render(inv, other), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + work, e);
        }
        log.printf("  %s run %d: checking %s%n", model.name(), n, props.isEmpty() ? "(state count only)" : String.join(", ", props));
        TlcRunner.Result r = runner.run(new TlcRunner.Request(work, model.module(), model.cfgFile(), workers),
                p -> log.printf("    %s: depth %d, %,d distinct states, %,d states/s%n", model.name(), p.depth(), p.distinct(), p.perSecond()));
        long d = r.output().distinct();
        log.printf("    %s run %d: %s after %,d distinct states, %.1f s%n", model.name(), n,
                r.output().violation().map(m -> "violation").orElse(r.exitCode() == 0 ? "passed" : "error"),
                d, r.elapsed().toMillis() / 1000.0);
        return r;
    }

    private Verdict violated(Model model, String property, Expected expected, TlcRunner.Result r, Path modelDir) {
        Trace trace = r.output().trace().orElseThrow(() -> failure(model, r));
        Property p = catalogue.property(property);
        Path raw = modelDir.resolve("trace-" + property + ".txt");
        Path story = modelDir.resolve("story-" + property + ".txt");
        try {
            Files.writeString(raw, trace.raw(), StandardCharsets.UTF_8);
            Files.writeString(story, Story.tell(model.name(), p, trace), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the trace of " + property, e);
        }
        return new Verdict(model.name(), property, expected, Expected.VIOLATED, r.output().distinct(),
                r.output().depth(), trace.steps(), r.elapsed().toMillis() / 1000.0, raw, story);
    }

    private static final Pattern LOCATION = Pattern.compile("line (\\d+), col(?:umn)? (\\d+)(?: to line \\d+, col \\d+ of module (\\w+))?");
    private static final Pattern MODULE = Pattern.compile("(?:In module|Could not parse module) (\\w+)");
    private static final Pattern PARSING = Pattern.compile("Parsing file .*?(\\w+)\\.tla");
    private static final Set<String> NOISE = Set.of("", "Fatal errors while parsing TLA+ spec in file", "Semantic errors:");

    /** A TLC run that neither passed nor reported a violation: an InputError saying where, in one line. */
    private InputError failure(Model model, TlcRunner.Result r) {
        StringBuilder text = new StringBuilder(r.output().outside());
        for (TlcOutput.Message m : r.output().errors()) text.append(m.body()).append('\n');
        String all = text.toString();
        Matcher loc = LOCATION.matcher(all);
        String where = "";
        if (loc.find()) {
            String module = loc.group(3);
            if (module == null) {
                Matcher m = MODULE.matcher(all);
                if (m.find()) module = m.group(1);
                else {
                    Matcher p = PARSING.matcher(all.substring(0, loc.start()));
                    while (p.find()) module = p.group(1);
                }
            }
            if (module != null) where = catalogue.specDir().resolve(module + ".tla") + ":" + loc.group(1) + ":" + loc.group(2) + ": ";
        }
        String reason = all.lines().map(String::strip)
                .filter(l -> !NOISE.contains(l) && !l.startsWith("Parsing file") && !l.startsWith("Starting")
                        && !l.startsWith("***") && !l.startsWith("Processing") && !l.startsWith("Semantic processing")
                        && !l.startsWith("Linting") && !l.startsWith("SANY") && !l.startsWith("TLC2") && !l.startsWith("Running")
                        && !l.startsWith("Residual stack trace") && !l.matches(".*line \\d+, col.*"))
                .findFirst().orElse("TLC exited with code " + r.exitCode());
        return new InputError(where + model.name() + ": TLC could not check the model (exit " + r.exitCode() + "): "
                + reason + " [full output: " + r.log() + "]");
    }
}
