package adoptsig.fidelity;

import adoptsig.InputError;
import adoptsig.catalog.Facts;
import adoptsig.kernel.Kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The real-kernel check: the fixed scenarios of properties/scenarios.tsv (run on Linux and on the
 * Java kernel side by side), the fact scripts of properties/fact-scripts.tsv (raw driver commands
 * with the replies Linux must give), then random scripts drawn from a seed over the whole
 * vocabulary, the shortest disagreeing one cut down to a script in which every operation
 * matters. Every script runs in a fresh driver (a fresh PID namespace where the kernel allows
 * it). What cannot be run here is named with the reason and counted, never claimed.
 */
public final class Fidelity {
    /** Bounds of the random scripts. */
    public static final int RANDOM_MAX_PID = 6;
    public static final int RANDOM_RT_LIMIT = 3;

    /** A scenario or fact script that was not run, and why. */
    public record Skipped(String name, String reason) {}

    /**
     * What a run found. disagreements: the scenarios', the fact scripts' and the shortest random
     * one (cut down), as stories; randomDisagreeing: how many random scripts disagreed in all;
     * unchecked: operations left out of scripts because they cannot be checked here.
     */
    public record Report(Driver.Hello hello, int scenariosRun, List<Skipped> scenariosSkipped, int factScriptsRun, int factCommands,
                         List<Skipped> factScriptsSkipped, int randomAsked, int randomRun, int randomDisagreeing, int shrinkRuns, long steps,
                         Set<String> operations, List<String> unchecked, List<Run.Outcome> disagreements, double seconds) {
        public boolean agrees() { return disagreements.isEmpty(); }
        /** Everything asked was run and checked. */
        public boolean complete() { return scenariosSkipped.isEmpty() && factScriptsSkipped.isEmpty() && unchecked.isEmpty() && randomRun == randomAsked; }
    }

    private Fidelity() {}

    public static Driver.Hello hello(Path exe, boolean namespaces) {
        try (Driver d = Driver.start(exe, namespaces)) {
            return d.hello();
        }
    }

    public static Report run(Path exe, Kernel kernel, Facts facts, int scripts, long seed, int steps, boolean namespaces,
                             Consumer<String> progress) {
        return run(exe, kernel, facts, scripts, seed, steps, namespaces, Integer.MAX_VALUE, progress);
    }

    /** The same, the random scripts stopped once stopAfter of them disagree (the report counts the scripts run). */
    public static Report run(Path exe, Kernel kernel, Facts facts, int scripts, long seed, int steps, boolean namespaces, int stopAfter,
                             Consumer<String> progress) {
        long t0 = System.nanoTime();
        List<Run.Outcome> bad = new ArrayList<>();
        Set<String> ops = new TreeSet<>();
        List<String> unchecked = new ArrayList<>();
        long count = 0;
        Driver.Hello hello = hello(exe, namespaces);
        progress.accept(String.format("Linux %s; init is %s", hello.kernel(),
                hello.namespace() ? "PID 1 of a new PID namespace" : "a child subreaper " + hello.note()));
        int scenariosRun = 0;
        List<Skipped> scenariosSkipped = new ArrayList<>();
        for (Facts.Scenario sc : facts.scenarios().values()) {
            List<Op> script = parse(sc);
            String need = hello.namespace() ? null : needsNamespace(script);
            if (need != null) {
                scenariosSkipped.add(new Skipped(sc.name(), need));
                progress.accept(String.format("  scenario %-22s NOT RUN: %s", sc.name(), need));
                continue;
            }
            Run.Outcome o;
            try (Driver d = Driver.start(exe, namespaces)) {
                o = Run.explicit(d, kernel, sc.maxPid(), sc.sigLimit(), script);
            }
            scenariosRun++;
            count += o.script().size();
            ops.addAll(o.operations());
            o.unchecked().forEach(u -> unchecked.add("scenario " + sc.name() + ", " + u));
            progress.accept(String.format("  scenario %-22s %2d steps  %s", sc.name(), o.script().size(), o.agrees() ? "agrees" : "DISAGREES: " + o.disagreement()));
            if (!o.agrees()) bad.add(withTitle(o, "scenario " + sc.name()));
        }
        int factsRun = 0, factCommands = 0;
        List<Skipped> factsSkipped = new ArrayList<>();
        for (Facts.FactScript f : facts.factScripts().values()) {
            if (!hello.namespace()) {
                factsSkipped.add(new Skipped(f.name(), "its PIDs and signal counts are a PID namespace's of its own"));
                progress.accept(String.format("  fact script %-26s NOT RUN: no PID namespace", f.name()));
                continue;
            }
            Run.Outcome o;
            try (Driver d = Driver.start(exe, namespaces)) {
                o = factScript(d, f);
            }
            factsRun++;
            factCommands += o.replies().size();
            progress.accept(String.format("  fact script %-26s %2d commands  %s", f.name() + " (" + f.fact() + ")", o.replies().size(),
                    o.agrees() ? "as the fact says" : "DISAGREES: " + o.disagreement()));
            if (!o.agrees()) bad.add(o);
        }
        int run = 0, disagreeing = 0;
        int[] shrink = {0};
        Run.Outcome shortest = null;
        SplittableRandom master = new SplittableRandom(seed);
        for (int i = 0; i < scripts && disagreeing < stopAfter; i++) {
            SplittableRandom rnd = master.split();
            int length = 1 + rnd.nextInt(steps);
            Run.Outcome o;
            try (Driver d = Driver.start(exe, namespaces)) {
                o = Run.random(d, kernel, RANDOM_MAX_PID, RANDOM_RT_LIMIT, rnd, length);
            }
            run++;
            count += o.script().size();
            ops.addAll(o.operations());
            if (!o.agrees()) {
                disagreeing++;
                if (shortest == null || o.script().size() < shortest.script().size()) shortest = o;
            }
            if (run % 50 == 0) progress.accept(String.format("  %d random scripts, %,d operations%s", run, count, disagreeing > 0 ? ", " + disagreeing + " disagreeing" : ""));
        }
        if (shortest != null) {
            Run.Outcome m = minimise(exe, kernel, namespaces, shortest, shrink);
            bad.add(withTitle(m, "random script (seed " + seed + "; " + disagreeing + " of " + run + " run disagree; the shortest cut down over " + shrink[0] + " runs)"));
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return new Report(hello, scenariosRun, scenariosSkipped, factsRun, factCommands, factsSkipped, scripts, run, disagreeing, shrink[0], count,
                ops, unchecked, bad, s);
    }

    private static List<Op> parse(Facts.Scenario sc) {
        List<Op> script = new ArrayList<>();
        for (int i = 0; i < sc.script().size(); i++) script.add(Op.parse(sc.script().get(i), sc.where() + ", operation " + (i + 1)));
        return script;
    }

    /**
     * Why a script needs a PID namespace of its own (null when it does not): it moves the PID cursor or
     * counts on the user's pending signals. (A call about a PID not in use is left out step by step.)
     */
    static String needsNamespace(List<Op> script) {
        for (Op o : script) {
            switch (o.name()) {
                case "Sigqueue" -> { return "it queues realtime signals (" + o + "), counted against the user's RLIMIT_SIGPENDING, which only a namespace of its own isolates"; }
                case "OutsideFork" -> { return "it moves the PID cursor (" + o + "), which needs a namespace"; }
                default -> { }
            }
        }
        return null;
    }

    /** Runs a fact script: each command's reply must match the fact's pattern. */
    static Run.Outcome factScript(Driver d, Facts.FactScript f) {
        List<String> story = new ArrayList<>();
        List<Run.Reply> replies = new ArrayList<>();
        story.add("fact script " + f.name() + " (fact " + f.fact() + ", " + f.where() + "): Linux " + d.hello().kernel());
        String disagreement = null;
        int n = 0;
        for (Facts.FactStep st : f.steps()) {
            n++;
            String a = d.ask(st.command());
            replies.add(new Run.Reply(null, a, st.expect().pattern(), st.note()));
            boolean ok = a != null && st.expect().matcher(a).matches();
            story.add(String.format("%2d. %-16s Linux: %-30s fact: %s%s", n, st.command(), a, st.expect().pattern(), st.note().isEmpty() ? "" : "   # " + st.note()));
            if (!ok) {
                disagreement = "fact script " + f.name() + " (fact " + f.fact() + "), command " + n + " '" + st.command() + "': Linux answered "
                        + (a == null ? "nothing" : a) + ", the fact says " + st.expect().pattern() + (st.note().isEmpty() ? "" : " (" + st.note() + ")");
                break;
            }
        }
        return new Run.Outcome(List.of(), story, disagreement, Set.of(), List.of(), List.of(), replies);
    }

    /**
     * Cuts a disagreeing script down: drops chunks of operations (halves, quarters, ... single
     * ones) while the script still disagrees, until no single operation can go; an operation
     * that no process can make any more after a cut makes that cut invalid.
     */
    static Run.Outcome minimise(Path exe, Kernel kernel, boolean namespaces, Run.Outcome failing, int[] runs) {
        Run.Outcome best = failing;
        int chunk = Math.max(1, best.script().size() / 2);
        while (true) {
            boolean smaller = false;
            for (int from = 0; from < best.script().size() && best.script().size() > 1; ) {
                List<Op> less = new ArrayList<>(best.script());
                less.subList(from, Math.min(less.size(), from + chunk)).clear();
                Run.Outcome o = null;
                try (Driver d = Driver.start(exe, namespaces)) {
                    runs[0]++;
                    o = Run.explicit(d, kernel, RANDOM_MAX_PID, RANDOM_RT_LIMIT, less);
                } catch (InputError e) {
                    // a cut that leaves an operation no process can make
                }
                if (o != null && !o.agrees()) {
                    best = o;
                    smaller = true;
                } else {
                    from += chunk;
                }
            }
            if (chunk == 1 && !smaller) return best;
            if (!smaller) chunk = Math.max(1, chunk / 2);
        }
    }

    static Run.Outcome withTitle(Run.Outcome o, String title) {
        List<String> story = new ArrayList<>();
        story.add(title + ": " + o.script().size() + " operations: " + o.script().stream().map(Op::toString).reduce((a, b) -> a + " " + b).orElse(""));
        story.addAll(o.story());
        return new Run.Outcome(o.script(), story, o.disagreement(), o.operations(), o.states(), o.unchecked(), o.replies());
    }
}
