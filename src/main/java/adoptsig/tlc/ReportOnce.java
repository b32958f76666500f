package adoptsig.tlc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A root module that makes a {@code -continue} run of TLC report each safety property once.
 *
 * <p>With {@code -continue}, TLC reports every violating state of an invariant (every violating
 * step of an action property), each report with a trace it rebuilds from its search tree; a
 * property broken at one state is usually broken in most states below it, so a run spends itself
 * printing counterexamples nobody reads. Only the first report of a property is used (in a
 * breadth-first run with one worker, a shortest counterexample). This module wraps every operator
 * the cfg checks in one that holds once the operator has been reported:
 * <pre>
 *   Once_P == TLCGet(k) \/ P \/ ~TLCSet(k, TRUE)                                    (an invariant)
 *   Once_Q == [][TLCGet(k) \/ A \/ UNCHANGED v \/ ~TLCSet(k, TRUE)]_v                (Q == [][A]_v)
 * </pre>
 * TLC's register k (set FALSE by an ASSUME before the search) turns TRUE in the evaluation that
 * finds the operator false, and that evaluation is false: the disjunction is evaluated left to
 * right, so the register is set exactly when P (or {@code [A]_v}) is false, and the wrapper is
 * then false too, and TLC reports it. From then on the wrapper holds. The search does not depend
 * on what is checked, so the states, their order and the first report of each operator are those
 * of the run without wrappers; what is gone are the later reports. TLC evaluates the invariants
 * of a state in the cfg's order and stops at the first that fails (the same for action properties
 * on a step), so a wrapper that is not evaluated sets nothing; what masking remains (at the state
 * of a property's first report, the properties listed after it are not evaluated) is the one
 * {@code ContinuedRun} already accounts for.
 *
 * <p>TLC's registers belong to a worker (and the initial states' to the main thread, which shares
 * them out): with one worker, one report per operator; with several, at most one per worker.
 * TLC's distributed mode has no registers, so this module is not for it. An action property that
 * is not written {@code Q == [][A]_v} with A and v names (see the spec's Properties module) is
 * checked as it is, unwrapped, and may be reported again and again.
 */
public final class ReportOnce {
    /** The root module's name. */
    public static final String MODULE = "MCReportOnce";
    /** A wrapper's name: this prefix and the operator's. */
    public static final String PREFIX = "Once_";

    /**
     * Mutants of the wrapper, each of which must be caught by the check (a checker shown to fail):
     * SILENT sets the register and holds, so the first violation is not reported (and no later one).
     */
    public enum Mutant { NONE, SILENT }

    private static final Pattern BOX_ACTION = Pattern.compile("(?m)^(\\w+)\\s*==\\s*\\[\\]\\[\\s*(\\w+)\\s*\\]_(\\w+)\\s*(?:\\\\\\*.*)?$");

    /** The wrapped cfg lists and the module that defines them. */
    public record Wrapped(List<String> invariants, List<String> actions, String moduleText) {}

    private ReportOnce() {}

    /** The operator a wrapper stands for (the name itself when it is not a wrapper's). */
    public static String original(String operator) {
        return operator != null && operator.startsWith(PREFIX) ? operator.substring(PREFIX.length()) : operator;
    }

    /** The action properties of the spec's modules written Q == [][A]_v: Q to {A, v}. */
    public static Map<String, String[]> boxActions(Path specDir) {
        Map<String, String[]> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(specDir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".tla")).sorted().toList()) {
                Matcher m = BOX_ACTION.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) out.putIfAbsent(m.group(1), new String[] {m.group(2), m.group(3)});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spec's modules in " + specDir, e);
        }
        return out;
    }

    /**
     * The wrappers of the given invariants and action properties (operators of module base), in
     * the same order; an action property not in boxActions stays as it is.
     */
    public static Wrapped wrap(String base, List<String> invariants, List<String> actions, Map<String, String[]> boxActions, Mutant mutant) {
        StringBuilder defs = new StringBuilder(), init = new StringBuilder();
        List<String> inv = new ArrayList<>(), act = new ArrayList<>();
        int k = 0;
        String set = mutant == Mutant.SILENT ? "TLCSet(%d, TRUE)" : "~TLCSet(%d, TRUE)";
        for (String p : invariants) {
            k++;
            defs.append(PREFIX).append(p).append(" == TLCGet(").append(k).append(") \\/ ").append(p)
                    .append(" \\/ ").append(String.format(set, k)).append('\n');
            register(init, k);
            inv.add(PREFIX + p);
        }
        for (String q : actions) {
            String[] av = boxActions.get(q);
            if (av == null) { act.add(q); continue; }
            k++;
            defs.append(PREFIX).append(q).append(" == [][TLCGet(").append(k).append(") \\/ ").append(av[0])
                    .append(" \\/ UNCHANGED ").append(av[1]).append(" \\/ ").append(String.format(set, k)).append("]_").append(av[1]).append('\n');
            register(init, k);
            act.add(PREFIX + q);
        }
        String text = "---- MODULE " + MODULE + " ----\n"
                + "\\* Generated for one TLC run: each checked operator wrapped so that TLC reports it once (adoptsig.tlc.ReportOnce).\n"
                + "EXTENDS " + base + ", TLC\n"
                + (k > 0 ? "ASSUME " + init + "\n" : "")
                + defs
                + "====\n";
        return new Wrapped(inv, act, text);
    }

    private static void register(StringBuilder init, int k) {
        if (init.length() > 0) init.append(" /\\ ");
        init.append("TLCSet(").append(k).append(", FALSE)");
    }
}
