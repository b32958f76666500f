package adoptsig.cli;

import adoptsig.InputError;
import adoptsig.catalog.Answers;
import adoptsig.catalog.Expected;
import adoptsig.compare.Comparison;
import adoptsig.compare.Difference;
import adoptsig.compare.Unfinished;
import adoptsig.game.Arena;
import adoptsig.game.BeliefGame;
import adoptsig.game.PairGame;
import adoptsig.game.Setting;
import adoptsig.game.Strategies;
import adoptsig.game.StrategyCheck;
import adoptsig.project.Project;
import adoptsig.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `answer`: whether any supervisor on a kernel interface is correct, for each world, idiom,
 * interface, bounds and assumption about init of properties/answers.tsv: the belief game
 * decides it exactly (with a synthesized supervisor, checked against every behaviour, or the
 * environment's winning play); the pairwise game cross-checks it (a forced conflict there must
 * be an impossibility here); a hand-written supervisor that holds must agree with "possible".
 */
@Command(name = "answer", mixinStandardHelpOptions = true,
        description = "Decide, for every supervisor at once, whether a kernel interface tells init enough: the belief game "
                + "(exact) and the pairwise game (a cross-check) for each check of properties/answers.tsv.",
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:every verdict and count agrees with the record", "1:something differs",
                ExitCodes.BAD_INPUT, ExitCodes.INCOMPLETE})
public final class AnswerCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "CHECK", description = "checks to run, named WORLD-IDIOM-INTERFACE-PIDS[-limN][-outside][-probes]-REGIME (default: the suite's)")
    List<String> names = new ArrayList<>();

    @Option(names = "--suite", defaultValue = "default", description = "fast, default (includes fast), large or all (default: ${DEFAULT-VALUE})")
    String suite;

    @Option(names = "--world", paramLabel = "closed|open", description = "only these worlds (repeatable)")
    List<String> worlds = new ArrayList<>();

    @Option(names = "--idiom", paramLabel = "ID", description = "only these idioms (repeatable)")
    List<String> idioms = new ArrayList<>();

    @Option(names = "--interface", paramLabel = "ID", description = "only these interfaces (repeatable)")
    List<String> ifaces = new ArrayList<>();

    @Option(names = "--regime", paramLabel = "eager|settled", description = "only these start regimes (repeatable)")
    List<String> regimes = new ArrayList<>();

    @Option(names = "--out", description = "results folder (default: target/adoptsig-runs/answer-<time>)")
    Path out;

    @Option(names = "--list", description = "list the checks and exit")
    boolean list;

    @Option(names = "--no-pairs", description = "skip the pairwise game (its recorded verdict is not compared)")
    boolean noPairs;

    @Option(names = "--tlc", description = "also check each synthesized supervisor with TLC (spec/Synth.tla and a generated table module), with every catalogued property")
    boolean tlc;

    @Option(names = "--search", paramLabel = "full|guided|auto", defaultValue = "auto",
            description = "full: the whole belief game; guided: init's calls in order of preference, widened where it loses (the same verdict where it ends, usually far fewer beliefs when a supervisor exists); auto: full, and guided when the full game is out of reach (default: ${DEFAULT-VALUE})")
    String search;

    @Option(names = "--supervisor", paramLabel = "FILE",
            description = "play the supervisor table FILE (a CHECK/supervisor.tsv written by answer) against every behaviour of the one CHECK named, instead of the games: exit 0 if it holds every property and its start regime, 1 if not")
    Path supervisor;

    private Project project;
    private Path results;

    @Option(names = "--max-beliefs", paramLabel = "N", description = "give up the belief game past N beliefs, and the arena past N states (default: what the heap holds, about 2 KB a belief and 512 bytes an arena state)")
    Long maxBeliefs;

    @Option(names = "--max-pairs", paramLabel = "N", description = "give up the pairwise game past N pairs (default: what the heap holds, about 200 bytes each)")
    Long maxPairs;

    @picocli.CommandLine.Mixin ProjectOption where;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        for (String x : worlds) if (!x.equals("closed") && !x.equals("open")) throw new InputError("--world must be closed or open, not '" + x + "'");
        long heap = Runtime.getRuntime().maxMemory();
        long beliefLimit = maxBeliefs != null ? maxBeliefs : Math.max(10_000, heap / BELIEF_BYTES);
        long pairLimit = maxPairs != null ? maxPairs : Math.max(10_000, heap / PAIR_BYTES);
        if (beliefLimit < 1 || pairLimit < 1) throw new InputError("--max-beliefs and --max-pairs must be at least 1");
        if (!List.of("full", "guided", "auto").contains(search)) throw new InputError("--search must be full, guided or auto, not '" + search + "'");
        try (Project project = where.open()) {
            this.project = project;
            Answers answers = project.answers();
            for (String i : idioms) project.models().idiom(i);
            List<Answers.Check> chosen = answers.select(names, worlds, idioms, ifaces, regimes, suite);
            if (list) {
                for (Answers.Check c : chosen) w.printf("%-48s %-8s %s%n", c.name(), c.suite(), c.verdict());
                w.flush();
                return Main.OK;
            }
            if (supervisor != null) return playSupervisor(w, project, chosen);
            Path results = project.resultsFolder(out, "answer-");
            this.results = results;
            return RunMark.around(results, RunOutput.commandLine(spec), () -> answer(w, chosen, beliefLimit, pairLimit, heap));
        }
    }

    private int answer(PrintWriter w, List<Answers.Check> chosen, long beliefLimit, long pairLimit, long heap) {
        w.printf("adoptsig answer: %d check(s); %s%nresults in %s%n", chosen.size(), project.source(), results);
        if (maxBeliefs != null && maxBeliefs > heap / BELIEF_BYTES) {
            w.printf("Note: --max-beliefs %,d is more than the heap (%,d MB) holds at about %,d bytes a belief (%,d): a game may run out of memory first%n",
                    maxBeliefs, heap >> 20, BELIEF_BYTES, heap / BELIEF_BYTES);
        }
        if (maxPairs != null && maxPairs > heap / PAIR_BYTES) {
            w.printf("Note: --max-pairs %,d is more than the heap (%,d MB) holds at about %,d bytes a pair (%,d): the pairwise game may run out of memory first%n",
                    maxPairs, heap >> 20, PAIR_BYTES, heap / PAIR_BYTES);
        }
        w.flush();
        Comparison.Builder comparison = new Comparison.Builder("check(s)").compared(chosen.size())
                .advice("give Java more heap (-Xmx) or a higher --max-beliefs / --max-pairs");
        StringBuilder measured = new StringBuilder("# measured by `adoptsig answer`; properties/answers.tsv is a reviewed copy of such rows\n"
                + String.join("\t", Answers.COLUMNS) + "\n");
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("check", "recorded", "found", "beliefs", "supervisor", "pairwise", "time"));
        int done = 0;
        for (Answers.Check c : chosen) {
            Setting s = project.setting(c);
            w.printf("%s: %d PIDs, services %s%s, RLIMIT_SIGPENDING %d%s%s, regime %s%n", c.name(), c.maxPid(), c.services(),
                    c.strangers().isEmpty() ? "" : ", strangers " + c.strangers(), c.sigLimit(), c.outside() ? ", outside activity" : "",
                    c.probes() ? ", probes" : "", c.regime());
            w.flush();
            Outcome o = run(c, s, beliefLimit, pairLimit, line -> { w.println(line); w.flush(); });
            Path dir = results.resolve(c.name());
            compare(c, o, dir.resolve("story.txt"), comparison);
            RunOutput.write(dir.resolve("story.txt"), o.story);
            if (o.machine != null) RunOutput.write(dir.resolve("supervisor.tsv"), o.machine);
            if (o.conflict != null) RunOutput.write(dir.resolve("conflict.svg"), o.conflict);
            String found = o.verdict + (o.verdict.equals(c.verdict()) ? "" : "  <-- DIFFERS");
            w.printf("  %s: %s (%s beliefs%s%s), pairwise: %s, %.1f s%n", c.name(), o.verdict, count(o.beliefs), o.guided ? " explored by the guided search" : "",
                    o.machineStates >= 0 ? ", a supervisor of " + o.machineStates + " states" : "", o.pairwise, o.seconds);
            w.flush();
            table.add(List.of(HtmlReport.esc(c.name()), HtmlReport.esc(c.verdict()), HtmlReport.esc(found), count(o.beliefs),
                    o.machineStates < 0 ? "-" : Integer.toString(o.machineStates), HtmlReport.esc(o.pairwise), String.format("%.1f s", o.seconds)));
            measured.append(String.join("\t", c.world(), c.idiom().id(), c.iface().id(), Integer.toString(c.maxPid()), Integer.toString(c.sigLimit()),
                    tf(c.outside()), tf(c.probes()), c.regime(), c.suite(), dash(o.arena), dash(o.pairs), o.pairwise, dash(o.steps), dash(o.beliefs),
                    o.verdict, dash(o.machineStates), c.witness() == null ? "-" : c.witness().name(),
                    o.verdict.equals("not run") ? "-" : o.guided ? "guided" : "full")).append('\n');
            // everything so far, rewritten after each check: a run stopped halfway keeps the checks it finished
            done++;
            RunOutput.write(results.resolve("answers.tsv"), measured.toString());
            RunOutput.write(results.resolve("report.html"), report(done, chosen.size(), table, comparison.build()));
        }
        w.printf("%nResults: %s (answers.tsv: the measured rows; CHECK/story.txt: each verdict told; CHECK/supervisor.tsv: each synthesized supervisor; CHECK/conflict.svg: each forced conflict drawn)%n", results);
        return ComparisonPrinter.print(w, comparison.build());
    }

    /** Bytes a belief of the belief game takes, about (as measured on the default suite); a pair of the pairwise game. */
    static final long BELIEF_BYTES = 2048, PAIR_BYTES = 200;

    /** Bytes an arena state takes, about: 359 measured on closed-workers-rfc-4 (the table of states, the moves, the summaries), rounded up. */
    static final long ARENA_BYTES = 512;

    private String report(int done, int asked, List<List<String>> table, Comparison comparison) {
        HtmlReport report = new HtmlReport("adoptsig answer: " + asked + " check(s) of every supervisor" + (done < asked ? " (" + done + " done so far)" : ""));
        report.paragraph("Spec and data: " + project.source() + ". possible: a supervisor on the interface holds every property "
                + "(synthesized from the belief game and checked against every behaviour); impossible: the environment wins against every supervisor.");
        report.table("answers", table);
        if (!comparison.lines().isEmpty()) {
            List<List<String>> d = new ArrayList<>();
            d.add(List.of("difference from the record"));
            for (String x : comparison.lines()) d.add(List.of("<span class=\"bad\">" + HtmlReport.esc(x) + "</span>"));
            report.table("differences", d);
        }
        return report.html();
    }

    /** The supervisor table of --supervisor against every behaviour of the one check named. */
    private int playSupervisor(PrintWriter w, Project project, List<Answers.Check> chosen) {
        if (names == null || names.size() != 1 || chosen.size() != 1) throw new InputError("--supervisor needs exactly one CHECK named");
        if (!java.nio.file.Files.isRegularFile(supervisor)) throw new InputError("--supervisor: no such file: " + supervisor);
        Answers.Check c = chosen.get(0);
        Arena a = new Arena(project.setting(c)).build(line -> { w.println(line); w.flush(); }, Long.MAX_VALUE);
        adoptsig.game.Strategy st;
        try {
            st = adoptsig.game.Strategies.read(a, supervisor);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + supervisor, e);
        }
        StrategyCheck.Result r = StrategyCheck.run(a, st);
        w.printf("%s: the supervisor of %s (%d states) against every behaviour (%,d states of the product): %s%n", c.name(), supervisor,
                st.size(), r.states(), r.violation() == null ? "it holds every property and the " + c.regime() + " start regime" : r.violation());
        w.flush();
        return r.violation() == null ? Main.OK : 1;
    }

    /** What one check found. */
    static final class Outcome {
        long arena = -1, pairs = -1, beliefs = -1;
        int steps = -1, machineStates = -1;
        String pairwise = "out of reach", verdict = "out of reach", story = "", machine;
        /** The verdict is the guided search's (its belief count is of the beliefs it explored). */
        boolean guided;
        /** The shortest forced conflict of the pairwise game drawn (null: none forced). */
        String conflict;
        /** Why the belief game, or the pairwise game, stopped before a verdict (null: it did not). */
        String stopped, pairStopped;
        double seconds;
        /** What the run found inconsistent in itself (the two games, the synthesized supervisor, TLC on it): a difference whatever the record says. */
        final List<Finding> internal = new ArrayList<>();
    }

    /** An inconsistency the run found: which item, what the record says of it, what was found, by whom. */
    record Finding(String item, String recorded, String found, String by) {}

    private Outcome run(Answers.Check c, Setting s, long beliefLimit, long pairLimit, java.util.function.Consumer<String> progress) {
        Outcome o = new Outcome();
        long t0 = System.nanoTime();
        StringBuilder story = new StringBuilder(c.name() + "\n");
        try {
            // the arena's own limit: what the heap holds at ARENA_BYTES a state, unless --max-beliefs bounds everything
            long arenaLimit = maxBeliefs != null ? beliefLimit : Math.max(10_000, Runtime.getRuntime().maxMemory() / ARENA_BYTES);
            Arena a = new Arena(s).build(progress, arenaLimit);
            o.arena = a.size();
            progress.accept(String.format("  arena: %,d states, %,d MB held (%.0f bytes a state)", a.size(), a.bytes() >> 20, (double) a.bytes() / a.size()));
            if (noPairs) o.pairwise = "not run";
            else {
                try {
                    PairGame pg = new PairGame(a);
                    PairGame.Result p = pg.solve(progress, pairLimit);
                    o.pairs = p.pairs();
                    o.pairwise = p.verdict();
                    o.steps = p.conflicts() == 0 ? -1 : p.shortest().length - 1;
                    if (pg.forcedByRounds() != p.forced()) o.internal.add(new Finding("pairwise verdict", c.pairwise(), "its two decisions disagree", "pairwise game"));
                    if (p.forced()) o.conflict = adoptsig.report.Pictures.conflict(c.name() + ": two behaviours init cannot tell apart, a forced conflict", a, pg, p);
                    story.append("pairwise game: ").append(p.verdict()).append(String.format(" (%,d pairs)", p.pairs()))
                            .append(p.why() == null ? "" : "; the first conflict: " + p.why()).append('\n');
                } catch (BeliefGame.TooLarge e) {
                    o.pairStopped = e.getMessage() + " (--max-pairs " + String.format("%,d", pairLimit) + ")";
                    story.append("pairwise game: out of reach (").append(e.getMessage()).append(")\n");
                } catch (OutOfMemoryError e) {
                    o.pairStopped = Failures.outOfMemory(e);
                    story.append("pairwise game: out of reach (the heap is full)\n");
                }
            }
            BeliefGame.Result r = null;
            String method = "belief game";
            boolean guidedFirst = search.equals("guided") || (search.equals("auto") && c.search().equals("guided"));
            if (!guidedFirst) {
                try {
                    r = new BeliefGame(a).solve(progress, beliefLimit, beliefLimit * 2);
                } catch (BeliefGame.TooLarge | OutOfMemoryError e) {
                    if (search.equals("full")) throw e;
                    if (e instanceof OutOfMemoryError) System.gc();
                    story.append("belief game: out of reach (").append(e instanceof OutOfMemoryError ? "the heap is full" : e.getMessage())
                            .append("); the guided search follows\n");
                    progress.accept("  the whole game is out of reach (" + (e instanceof OutOfMemoryError ? "the heap is full" : e.getMessage()) + "): the guided search");
                }
            }
            if (r == null) {
                o.guided = true;
                r = new BeliefGame(a).solveGuided(progress, beliefLimit, beliefLimit * 2);
                method = "guided search";
            }
            o.beliefs = r.beliefs();
            o.verdict = r.verdict();
            progress.accept(String.format("  %s: %,d beliefs, %,d positions, %,d MB held (%.0f bytes a belief)", method, r.beliefs(), r.positions(),
                    r.heldBytes() >> 20, (double) r.heldBytes() / Math.max(1, r.beliefs())));
            story.append(String.format("%s: %s (%,d states of one copy, %,d beliefs, %,d positions, %.1f s)%n", method, r.verdict(), a.size(),
                    r.beliefs(), r.positions(), r.seconds()));
            if (r.possible()) {
                StrategyCheck.Result sc = StrategyCheck.run(a, r.strategy());
                if (sc.violation() != null) o.internal.add(new Finding("synthesized supervisor", "holds every property", "fails: " + sc.violation(), "check against every behaviour"));
                o.machineStates = r.strategy().size();
                o.machine = Strategies.tsv(a, r.strategy());
                story.append(String.format("a supervisor of %d states, checked against every behaviour (%,d states of the product): %s%n",
                        o.machineStates, sc.states(), sc.violation() == null ? "it holds every property" : sc.violation()));
                story.append(Strategies.tell(a, r.strategy(), 12));
                if (tlc) story.append(tlcCheck(c, a, r.strategy(), o));
                if (o.pairwise.equals("forced conflict")) o.internal.add(new Finding("pairwise verdict", c.pairwise(), "forced conflict, yet the belief game found a supervisor", "pairwise game"));
            } else {
                story.append(Strategies.tellLoss(a, r.loss()));
            }
        } catch (Arena.TooLarge e) {
            o.stopped = e.getMessage() + (maxBeliefs != null ? " (--max-beliefs " + String.format("%,d", beliefLimit) + ")"
                    : String.format(" (what the heap holds at %,d bytes a state)", ARENA_BYTES));
            story.append("out of reach: ").append(e.getMessage()).append('\n');
        } catch (BeliefGame.TooLarge e) {
            o.stopped = e.getMessage() + " (--max-beliefs " + String.format("%,d", beliefLimit) + ")";
            story.append("out of reach: ").append(e.getMessage()).append('\n');
        } catch (OutOfMemoryError e) {
            o.stopped = Failures.outOfMemory(e);
            story.append("out of reach: the heap is full\n");
        }
        o.seconds = (System.nanoTime() - t0) / 1e9;
        o.story = story.toString();
        return o;
    }

    /** TLC on the synthesized supervisor: every catalogued property must hold. */
    private String tlcCheck(Answers.Check c, Arena a, adoptsig.game.Strategy st, Outcome o) {
        Path dir = results.resolve(c.name()).resolve("tlc");
        Path spec = dir.resolve("spec");
        try {
            java.nio.file.Files.createDirectories(spec);
            adoptsig.tlc.SpecBridge.copyModules(project.specDir(), spec);
            java.nio.file.Files.writeString(spec.resolve(adoptsig.game.TlaTable.MODULE + ".tla"), adoptsig.game.TlaTable.module(a, st));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the table module into " + spec, e);
        }
        List<String> inv = new ArrayList<>(), props = new ArrayList<>();
        for (adoptsig.catalog.Property p : project.catalogue().properties()) {
            if (p.id().startsWith("Debug")) continue;
            (p.kind().isStatePredicate() ? inv : props).addAll(p.operators());
        }
        adoptsig.tlc.TlcRunner.Result r = new adoptsig.tlc.TlcRunner().runModel(spec, dir.resolve("run"), adoptsig.game.TlaTable.MODULE,
                "MCSynth.cfg", adoptsig.game.TlaTable.cfg(a, inv, props), 1, java.time.Duration.ofHours(2), x -> { });
        String verdict;
        if (r.exitCode() == 0 && r.output().violation().isEmpty()) verdict = String.format("TLC: every catalogued property holds (%,d states)", r.output().distinct());
        else {
            verdict = "TLC: " + r.output().violation().map(m -> m.body().lines().findFirst().orElse("a violation")).orElse("exit " + r.exitCode())
                    + " [" + r.log() + "]";
            o.internal.add(new Finding("synthesized supervisor", "holds every property", "rejected: " + verdict.replaceFirst("^TLC: ", ""), "TLC"));
        }
        return verdict + "\n";
    }

    /**
     * What differs from the record, and what was not completed: a game stopped at its limit (or
     * by a full heap) before the verdict the record has is not a different answer but a run that
     * could not be completed; recorded out of reach and stopped again agrees.
     */
    private void compare(Answers.Check c, Outcome o, Path story, Comparison.Builder out) {
        String n = c.name();
        for (Finding x : o.internal) out.add(new Difference(n, x.item(), x.recorded(), x.found(), x.by(), story));
        if (o.stopped != null && !c.verdict().equals(o.verdict)) {
            out.add(new Unfinished(n, "belief game", "stopped: " + o.stopped + "; recorded " + c.verdict()));
            return;
        }
        if (o.pairStopped != null && !noPairs && !c.pairwise().equals(o.pairwise)) {
            out.add(new Unfinished(n, "pairwise game", "stopped at " + o.pairStopped + "; recorded " + c.pairwise()));
        }
        String by = o.guided ? "guided search" : "belief game";
        if (!o.verdict.equals(c.verdict())) out.add(new Difference(n, "verdict", c.verdict(), o.verdict, by, story));
        same(out, n, "states of one copy", c.arena(), o.arena, "arena", story);
        if (o.guided == c.search().equals("guided")) {             // counts of the same search
            same(out, n, "beliefs", c.beliefs(), o.beliefs, by, story);
            same(out, n, "supervisor states", c.machine(), o.machineStates, by, story);
        }
        if (!noPairs && (o.pairStopped == null || c.pairwise().equals(o.pairwise))) {
            if (!o.pairwise.equals(c.pairwise())) out.add(new Difference(n, "pairwise verdict", c.pairwise(), o.pairwise, "pairwise game", story));
            same(out, n, "pairs", c.pairs(), o.pairs, "pairwise game", story);
            same(out, n, "steps of the shortest conflict", c.steps(), o.steps, "pairwise game", story);
        }
        if (c.witness() != null && holdsAll(c.witness()) && o.verdict.equals("impossible")) {
            out.add(new Difference(n, "verdict", "possible (the hand-written supervisor " + c.witness().name() + " holds every property)", "impossible",
                    "belief game", story));
        }
    }

    static boolean holdsAll(adoptsig.catalog.Model m) {
        return m.expected().values().stream().allMatch(x -> x.expected() == Expected.HOLDS) || m.expected().entrySet().stream()
                .allMatch(e -> e.getKey().startsWith("Debug") || e.getValue().expected() == Expected.HOLDS);
    }

    private static void same(Comparison.Builder out, String name, String what, long recorded, long found, String by, Path story) {
        if (recorded >= 0 && recorded != found) out.add(new Difference(name, what, String.format("%,d", recorded), found < 0 ? "none" : String.format("%,d", found), by, story));
    }

    private static String tf(boolean b) { return b ? "TRUE" : "FALSE"; }
    private static String dash(long v) { return v < 0 ? "-" : Long.toString(v); }
    private static String count(long v) { return v < 0 ? "-" : String.format("%,d", v); }
}
