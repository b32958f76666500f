package adoptsig.check;

import adoptsig.InputError;
import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Expected;
import adoptsig.catalog.Property;
import adoptsig.story.Story;
import adoptsig.tlc.CfgFile;
import adoptsig.tlc.SpecBridge;
import adoptsig.tlc.TlcOutput;
import adoptsig.tlc.TlcRunner;
import adoptsig.tlc.Trace;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides every property of one model with TLC. TLC stops at the first violation and names
 * only safety properties, so: all safety properties (invariants and action properties; a
 * property with parts as its parts) are checked together; a violated one gets its verdict and
 * shortest counterexample (breadth-first, one worker) and is dropped, and TLC runs again until
 * a run passes, whose distinct-state count and depth are the model's. Each temporal property is
 * then checked in a run of its own, so that a violation is attributed to it. Every run has its
 * own folder (a copy of the spec, the cfg, TLC's metadir and output); a run that exceeds the
 * time limit is stopped and its properties are left undecided.
 */
public final class ModelCheck {
    private final Catalogue catalogue;
    private final Path specDir;
    private final TlcRunner runner = new TlcRunner();
    private final int workers;
    private final Duration limit;
    private final PrintStream log;

    /** limit: the longest one TLC run may take (null: no limit). */
    public ModelCheck(Catalogue catalogue, Path specDir, int workers, Duration limit, PrintStream log) {
        this.catalogue = catalogue;
        this.specDir = specDir;
        this.workers = workers;
        this.limit = limit;
        this.log = log;
    }

    /** The cfg of a run that checks these catalogued properties (each expanded into its parts). */
    public String cfgText(Job job, List<String> props) {
        List<String> inv = new ArrayList<>(), other = new ArrayList<>();
        for (String p : props) {
            Property x = catalogue.property(p);
            (x.kind().isStatePredicate() ? inv : other).addAll(x.operators());
        }
        return CfgFile.text("adoptsig model " + job.name() + ": " + job.description(), job.bounds(), inv, other);
    }

    /** Decides the job's properties; the results go under runRoot/&lt;model&gt;/. */
    public ModelOutcome check(Job job, Path runRoot) {
        for (String p : job.properties()) catalogue.property(p);
        Path modelDir = runRoot.resolve(job.name());
        List<Verdict> verdicts = new ArrayList<>();
        List<String> safety = new ArrayList<>(), temporal = new ArrayList<>();
        for (String p : job.properties()) (catalogue.property(p).kind().isSafety() ? safety : temporal).add(p);
        boolean onlyTemporal = safety.isEmpty() && !temporal.isEmpty();

        long distinct = -1;
        int depth = -1, runs = 0;
        double total = 0, search = 0;
        while (!onlyTemporal && !(safety.isEmpty() && job.partial())) {
            runs++;
            TlcRunner.Result r = run(job, modelDir, runs, safety);
            total += seconds(r);
            search += r.search().toMillis() / 1000.0;
            if (r.timedOut()) {
                for (String p : safety) verdicts.add(undecided(job, p, r));
                break;
            }
            Optional<TlcOutput.Message> v = r.output().violation();
            if (r.exitCode() == 0 && v.isEmpty()) {
                distinct = r.output().distinct();
                depth = r.output().depth();
                for (String p : safety) verdicts.add(holds(job, p, r));
                break;
            }
            String operator = v.flatMap(TlcOutput::violatedName).orElse(null);
            if (operator == null) throw failure(job, r);
            Property p = catalogue.ofOperator(operator);
            if (!safety.contains(p.id())) throw failure(job, r);
            verdicts.add(violated(job, p, operator, r, modelDir));
            safety.remove(p.id());
        }
        for (String p : temporal) {
            runs++;
            TlcRunner.Result r = run(job, modelDir, runs, List.of(p));
            total += seconds(r);
            search += r.search().toMillis() / 1000.0;
            Optional<TlcOutput.Message> v = r.output().violation();
            if (r.timedOut()) {
                verdicts.add(undecided(job, p, r));
            } else if (r.exitCode() == 0 && v.isEmpty()) {
                verdicts.add(holds(job, p, r));
            } else if (v.isPresent() && v.get().code() == TlcOutput.MSG_TEMPORAL_VIOLATED) {
                verdicts.add(violated(job, catalogue.property(p), p, r, modelDir));
            } else {
                throw failure(job, r);
            }
        }
        List<Verdict> ordered = new ArrayList<>();
        for (String p : job.properties()) verdicts.stream().filter(x -> x.property().equals(p)).forEach(ordered::add);
        return new ModelOutcome(job, ordered, distinct, depth, total, search, runs);
    }

    private static double seconds(TlcRunner.Result r) { return r.elapsed().toMillis() / 1000.0; }

    private boolean compareSteps() { return workers == 1; }

    private Verdict holds(Job job, String p, TlcRunner.Result r) {
        return new Verdict(job.name(), p, job.expected().get(p), Expected.HOLDS, r.output().distinct(), r.output().depth(), 0,
                seconds(r), null, null, null, compareSteps());
    }

    private Verdict undecided(Job job, String p, TlcRunner.Result r) {
        return new Verdict(job.name(), p, job.expected().get(p), null, r.output().distinct(), r.output().depth(), 0,
                seconds(r), null, null, "TLC stopped at the time limit of " + limit.toSeconds() + " s", compareSteps());
    }

    private TlcRunner.Result run(Job job, Path modelDir, int n, List<String> props) {
        Path work = modelDir.resolve(String.format("run-%02d", n));
        log.printf("  %s run %d: checking %s%n", job.name(), n, props.isEmpty() ? "(state count only)" : String.join(", ", props));
        TlcRunner.Result r = runner.runModel(specDir, work, SpecBridge.MODULE, job.name() + ".cfg", cfgText(job, props), workers, limit,
                p -> log.printf("    %s: depth %d, %,d distinct states, %,d states/s%n", job.name(), p.depth(), p.distinct(), p.perSecond()));
        String what = r.timedOut() ? "STOPPED at the time limit (" + limit.toSeconds() + " s; see --timeout)"
                : r.output().violation().map(m -> "violation").orElse(r.exitCode() == 0 ? "passed" : "error");
        log.printf("    %s run %d: %s after %,d distinct states, %.1f s%n", job.name(), n, what, Math.max(0, r.output().distinct()), seconds(r));
        return r;
    }

    private Verdict violated(Job job, Property p, String operator, TlcRunner.Result r, Path modelDir) {
        Trace trace = r.output().trace().orElseThrow(() -> failure(job, r));
        Path raw = modelDir.resolve("trace-" + p.id() + ".txt");
        Path story = modelDir.resolve("story-" + p.id() + ".txt");
        try {
            Files.writeString(raw, trace.raw(), StandardCharsets.UTF_8);
            Files.writeString(story, Story.tell(job.name(), p, trace), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the trace of " + p.id(), e);
        }
        String note = operator.equals(p.id()) ? null : "conjunct " + operator + " broke";
        return new Verdict(job.name(), p.id(), job.expected().get(p.id()), Expected.VIOLATED, r.output().distinct(),
                r.output().depth(), trace.steps(), seconds(r), raw, story, note, compareSteps());
    }

    private static final Pattern LOCATION = Pattern.compile("line (\\d+), col(?:umn)? (\\d+)(?: to line \\d+, col \\d+ of module (\\w+))?");
    private static final Pattern MODULE_NAME = Pattern.compile("(?:In module|Could not parse module) (\\w+)");
    private static final Pattern PARSING = Pattern.compile("Parsing file .*?(\\w+)\\.tla");
    private static final Set<String> NOISE = Set.of("", "Fatal errors while parsing TLA+ spec in file", "Semantic errors:");

    /** A TLC run that neither passed nor reported a violation: an InputError saying where, in one line. */
    private InputError failure(Job job, TlcRunner.Result r) {
        StringBuilder text = new StringBuilder(r.output().outside());
        for (TlcOutput.Message m : r.output().errors()) text.append(m.body()).append('\n');
        String all = text.toString();
        Matcher loc = LOCATION.matcher(all);
        String where = "";
        if (loc.find()) {
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
        String reason = all.lines().map(String::strip)
                .filter(l -> !NOISE.contains(l) && !l.startsWith("Parsing file") && !l.startsWith("Starting")
                        && !l.startsWith("***") && !l.startsWith("Processing") && !l.startsWith("Semantic processing")
                        && !l.startsWith("Linting") && !l.startsWith("SANY") && !l.startsWith("TLC2") && !l.startsWith("Running")
                        && !l.startsWith("Residual stack trace") && !l.matches(".*line \\d+, col.*"))
                .findFirst().orElse("TLC exited with code " + r.exitCode());
        return new InputError(where + job.name() + ": TLC could not check the model (exit " + r.exitCode() + "): "
                + reason + " [full output: " + r.log() + "]");
    }
}
