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
 *   Once_P == P \/ TLCGet(k) \/ ~TLCSet(k, TRUE)                                    (an invariant)
 *   Once_Q == [][A \/ UNCHANGED v \/ TLCGet(k) \/ ~TLCSet(k, TRUE)]_v                (Q == [][A]_v)
 * </pre>
 * TLC's register k (set FALSE by an ASSUME before the search) turns TRUE in the evaluation that
 * finds the operator false, and that evaluation is false: TLC evaluates a disjunction left to
 * right and stops at its first true disjunct, so the register is set exactly when P (or
 * {@code [A]_v}) is false and has not been reported, and the wrapper is then false too, and TLC
 * reports it. P (or A) is evaluated first, at every state (step) as without the wrapper, so an
 * error in evaluating it stops the run as it would. The search does not depend on what is checked,
 * so the states, their order, the count and the depth are those of the run without wrappers; what
 * is gone are the later reports. TLC evaluates the invariants of a state in the cfg's order and
 * stops at the first that fails (the same for action properties on one step), so a wrapper that
 * is not evaluated sets nothing; a wrapper that has reported no longer masks the properties listed
 * after it, so such a property may be reported earlier than without wrappers, but the rule of
 * {@code ContinuedRun} (a report counts only if nothing listed before it was reported earlier)
 * accepts exactly the same reports, at the same states, either way: before the first violation of
 * anything listed before a property, both runs evaluate it at the same states.
 *
 * <p>TLC's registers belong to a worker (and the initial states' to the main thread, which shares
 * them out): with one worker, one report per operator; with several, at most one per worker.
 * TLC's distributed mode has no registers, so this module is not for it. Only an action property
 * whose whole definition is one line {@code Q == [][A]_v}, at the start of a line and followed by
 * one that starts a new unit (a definition, a keyword, a separator), with A an operator of no arguments defined in the spec and v
 * a name (see the spec's Properties module), is wrapped; any other is checked as it is, and may be
 * reported again and again.
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

    private static final Pattern BOX_ACTION = Pattern.compile("(\\w+)\\s*==\\s*\\[\\]\\[\\s*(\\w+)\\s*\\]_(\\w+)\\s*");
    private static final Pattern DEFINITION = Pattern.compile("(?m)^(\\w+)\\s*==");
    /** A line that starts a new unit of a module: a definition (with or without arguments), a keyword, a separator or the end. */
    private static final Pattern STARTS_UNIT = Pattern.compile(
            "(\\w+\\s*(\\(.*\\)|\\[.*\\])?\\s*==.*|(LOCAL|ASSUME|ASSUMPTION|AXIOM|THEOREM|LEMMA|VARIABLES?|CONSTANTS?|INSTANCE|RECURSIVE|EXTENDS)\\b.*|-{4,}.*|={4,}.*)");
    private static final Pattern CLASH = Pattern.compile("(?m)^\\s*(?:LOCAL\\s+)?(" + PREFIX + "\\w*)");

    /** The wrapped cfg lists and the module that defines them. */
    public record Wrapped(List<String> invariants, List<String> actions, String moduleText) {}

    private ReportOnce() {}

    /** The operator a wrapper stands for (the name itself when it is not a wrapper's). */
    public static String original(String operator) {
        return operator != null && operator.startsWith(PREFIX) ? operator.substring(PREFIX.length()) : operator;
    }

    /**
     * The action properties of the spec's modules whose whole definition is Q == [][A]_v on one
     * line (comments removed), at the start of the line, the next line that is not blank starting
     * a new unit (a definition, a keyword such as VARIABLE or ASSUME, a ---- or ==== line, or the
     * module's end), with A defined in the spec without arguments (v is
     * a name: a variable or a tuple of them): Q to {A, v}. An InputError if the spec defines a name that a wrapper's
     * could clash with, or a module of the generated module's name.
     */
    public static Map<String, String[]> boxActions(Path specDir) {
        Map<String, String[]> found = new LinkedHashMap<>();
        java.util.Set<String> defined = new java.util.HashSet<>(), twice = new java.util.HashSet<>();
        try (Stream<Path> files = Files.list(specDir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".tla")).sorted().toList()) {
                String text = withoutComments(Files.readString(f, StandardCharsets.UTF_8));
                if (f.getFileName().toString().equals(MODULE + ".tla")) {
                    throw new adoptsig.InputError(f + ": the spec may not have a module named " + MODULE + " (check generates one for each run)");
                }
                Matcher c = CLASH.matcher(text);
                if (c.find()) throw new adoptsig.InputError(f + " defines " + c.group(1) + ", a name of the wrappers " + MODULE + " generates");
                Matcher d = DEFINITION.matcher(text);
                while (d.find()) if (!defined.add(d.group(1))) twice.add(d.group(1));
                String[] lines = text.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    Matcher m = BOX_ACTION.matcher(lines[i]);
                    if (!m.matches()) continue;
                    int j = i + 1;
                    while (j < lines.length && lines[j].isBlank()) j++;
                    boolean ends = j == lines.length || STARTS_UNIT.matcher(lines[j]).matches();
                    if (ends) found.put(m.group(1), new String[] {m.group(2), m.group(3)});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spec's modules in " + specDir, e);
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        for (var e : found.entrySet()) {
            String[] av = e.getValue();
            if (!twice.contains(e.getKey()) && defined.contains(av[0])) out.put(e.getKey(), av);
        }
        return out;
    }

    /** A module's text with its comments blanked out (line breaks kept): (* ... *) blocks, nested, and \* to the end of a line. */
    static String withoutComments(String t) {
        StringBuilder b = new StringBuilder(t.length());
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '(' && i + 1 < t.length() && t.charAt(i + 1) == '*') { depth++; b.append("  "); i++; continue; }
            if (depth > 0 && c == '*' && i + 1 < t.length() && t.charAt(i + 1) == ')') { depth--; b.append("  "); i++; continue; }
            if (depth == 0 && c == '\\' && i + 1 < t.length() && t.charAt(i + 1) == '*') {
                while (i < t.length() && t.charAt(i) != '\n') { b.append(' '); i++; }
                if (i < t.length()) b.append('\n');
                continue;
            }
            b.append(depth > 0 && c != '\n' ? ' ' : c);
        }
        return b.toString();
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
            defs.append(PREFIX).append(p).append(" == ").append(p).append(" \\/ TLCGet(").append(k).append(") \\/ ")
                    .append(String.format(set, k)).append('\n');
            register(init, k);
            inv.add(PREFIX + p);
        }
        for (String q : actions) {
            String[] av = boxActions.get(q);
            if (av == null) { act.add(q); continue; }
            k++;
            defs.append(PREFIX).append(q).append(" == [][").append(av[0]).append(" \\/ UNCHANGED ").append(av[1])
                    .append(" \\/ TLCGet(").append(k).append(") \\/ ").append(String.format(set, k)).append("]_").append(av[1]).append('\n');
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
