package adoptsig.catalog;

import adoptsig.InputError;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of every supervisor at once, as data: properties/interfaces.tsv (the kernel
 * interfaces under test) and properties/answers.tsv (every check: a world, an idiom, an
 * interface, bounds and what is assumed of init, with what the two games found: the pairwise
 * game's verdict, and the belief game's exact one with the size of the supervisor it
 * synthesized). Loaded against the idioms of properties/idioms.tsv (errors say file:line).
 */
public final class Answers {
    /**
     * A kernel interface (a row of interfaces.tsv): the adoption mode init asks the kernel for (one
     * of spec/Kernel.tla's AdoptModes), whether init sees the previous parent and its line of
     * ancestors, and the prose of the README's and docs' tables.
     */
    public record InterfaceRow(String id, int number, String mode, boolean prev, boolean line, String name, String message, String channel,
                               String description) {}

    /** The verdicts of the pairwise game. */
    public static final List<String> PAIRWISE = List.of("no conflict", "escapable conflict", "forced conflict", "out of reach", "not run");
    /** The verdicts of the belief game: whether some supervisor on the interface is correct. */
    public static final List<String> VERDICTS = List.of("possible", "impossible", "out of reach", "not run");
    public static final List<String> REGIMES = List.of("eager", "settled");

    /**
     * One check: closed world (two services) or open (one service and a stranger), an idiom, an
     * interface, its bounds, whether processes outside the model move the PID cursor, whether
     * init may probe the cursor, the start regime; and the record: states of one copy (arena),
     * pairs and verdict of the pairwise game with its shortest conflict (-1: none), beliefs and
     * verdict of the belief game, states of the synthesized supervisor (-1: none), and the model
     * of a hand-written supervisor on the interface at the same bounds (null: none); search: how the
     * belief game's verdict was reached (full: the whole game; guided: the guided search, whose
     * beliefs are those it explored; "-": not run). A count of -1 is "not recorded".
     */
    public record Check(String world, Idiom idiom, InterfaceRow iface, int maxPid, int sigLimit, boolean outside, boolean probes,
                        String regime, String suite, long arena, long pairs, String pairwise, int steps, long beliefs, String verdict,
                        int machine, Model witness, String search) {
        public String name() {
            return world + "-" + idiom.id() + "-" + iface.id() + "-" + maxPid + (sigLimit != idiom.sigLimit() ? "-lim" + sigLimit : "")
                    + (outside ? "-outside" : "") + (probes ? "-probes" : "") + "-" + regime;
        }

        public List<String> services() { return world.equals("closed") ? List.of("a", "b") : List.of("a"); }

        public List<String> strangers() { return world.equals("closed") ? List.of() : List.of("x"); }
    }

    private final Map<String, InterfaceRow> interfaces = new LinkedHashMap<>();
    private final Map<String, Check> checks = new LinkedHashMap<>();

    private Answers() {}

    public static final String[] COLUMNS = {"world", "idiom", "interface", "maxPid", "sigLimit", "outside", "probes", "regime", "suite",
            "arena", "pairs", "pairwise", "steps", "beliefs", "verdict", "machine", "witness", "search"};
    /** How a belief-game verdict was reached. */
    public static final List<String> SEARCHES = List.of("full", "guided", "-");

    public static Answers load(Path root, Models models) {
        Answers a = new Answers();
        List<String> modes = adoptModes(root.resolve("spec/Kernel.tla"));
        for (Tsv.Row r : Tsv.read(root.resolve("properties/interfaces.tsv"), "interface", "mode", "prev", "line", "name", "message", "channel", "description")) {
            String id = r.get("interface"), mode = r.get("mode");
            if (!modes.contains(mode)) throw new InputError(r.where() + ": mode '" + mode + "' is not one of spec/Kernel.tla's AdoptModes " + modes);
            boolean prev = bool(r, "prev"), line = bool(r, "line");
            if (mode.equals("none") && (prev || line)) throw new InputError(r.where() + ": an interface of mode none tells init nothing: prev and line must be FALSE");
            if (a.interfaces.put(id, new InterfaceRow(id, a.interfaces.size() + 1, mode, prev, line, r.get("name"), r.get("message"), r.get("channel"),
                    r.get("description"))) != null) throw new InputError(r.where() + ": interface '" + id + "' listed twice");
        }
        for (Tsv.Row r : Tsv.read(root.resolve("properties/answers.tsv"), COLUMNS)) {
            String world = r.get("world");
            if (!world.equals("closed") && !world.equals("open")) throw new InputError(r.where() + ": world must be closed or open, not '" + world + "'");
            Idiom idiom;
            try {
                idiom = models.idiom(r.get("idiom"));
            } catch (InputError e) {
                throw new InputError(r.where() + ": " + e.getMessage());
            }
            InterfaceRow iface = a.interfaces.get(r.get("interface"));
            if (iface == null) throw new InputError(r.where() + ": unknown interface '" + r.get("interface") + "' (not in properties/interfaces.tsv)");
            String pairwise = r.get("pairwise"), verdict = r.get("verdict"), regime = r.get("regime");
            if (!PAIRWISE.contains(pairwise)) throw new InputError(r.where() + ": pairwise must be one of " + PAIRWISE + ", not '" + pairwise + "'");
            if (!VERDICTS.contains(verdict)) throw new InputError(r.where() + ": verdict must be one of " + VERDICTS + ", not '" + verdict + "'");
            if (!REGIMES.contains(regime)) throw new InputError(r.where() + ": regime must be one of " + REGIMES + ", not '" + regime + "'");
            String search = r.get("search");
            if (!SEARCHES.contains(search)) throw new InputError(r.where() + ": search must be full, guided or -, not '" + search + "'");
            if (search.equals("-") != verdict.equals("not run")) throw new InputError(r.where() + ": search is '-' exactly when the check was not run");
            String suite = r.get("suite");
            if (!List.of("fast", "default", "large").contains(suite)) throw new InputError(r.where() + ": suite must be fast, default or large, not '" + suite + "'");
            Model witness = null;
            if (!r.get("witness").equals("-")) {
                try {
                    witness = models.model(r.get("witness"));
                } catch (InputError e) {
                    throw new InputError(r.where() + ": " + e.getMessage());
                }
            }
            Check c = new Check(world, idiom, iface, number(r, "maxPid"), number(r, "sigLimit"), bool(r, "outside"), bool(r, "probes"), regime,
                    suite, Models.countOrDash(r, "arena"), Models.countOrDash(r, "pairs"), pairwise, (int) Models.countOrDash(r, "steps"), Models.countOrDash(r, "beliefs"),
                    verdict, (int) Models.countOrDash(r, "machine"), witness, search);
            if (witness != null) {
                var b = witness.bounds();
                boolean same = witness.idiom().program().equals(idiom.program()) && b.danceSync() == idiom.sync()
                        && b.workers() == idiom.workers() && b.maxPid() == c.maxPid() && b.sigLimit() == c.sigLimit() && b.outside() == c.outside()
                        && b.services().size() == c.services().size() && b.strangers().size() == c.strangers().size();
                if (!same) throw new InputError(r.where() + ": witness " + witness.name() + " is not at this check's bounds (idiom, sync, workers, PIDs, signal limit, outside activity, services and strangers)");
                // a hand-written supervisor that uses only what the interface gives init: the RFC's supervisor reads si_status, waitLine the kept line
                String mech = witness.mechanism().id();
                boolean fits = switch (iface.id()) {
                    case "classic" -> mech.equals("classic");
                    case "rfc" -> mech.equals("rfcWitness") || mech.equals("rfc") || mech.equals("classic");
                    case "waitLine" -> mech.equals("waitLine") || mech.equals("classic");
                    default -> mech.equals("classic");
                };
                if (!fits) throw new InputError(r.where() + ": witness " + witness.name() + " (" + mech + ") uses more than interface " + iface.id() + " gives init");
            }
            if (pairwise.endsWith("conflict") && pairwise.startsWith("no") != (c.steps() < 0)) {
                throw new InputError(r.where() + ": steps are the shortest conflict's length: '-' exactly when there is no conflict");
            }
            if (verdict.equals("possible") != (c.machine() >= 0)) throw new InputError(r.where() + ": machine is the synthesized supervisor's size: a number exactly when possible");
            if (a.checks.put(c.name(), c) != null) throw new InputError(r.where() + ": check " + c.name() + " listed twice");
        }
        return a;
    }

    /** The adoption modes the spec's kernel knows: the strings of {@code AdoptModes == {...}} in spec/Kernel.tla. */
    public static List<String> adoptModes(Path kernelTla) {
        String text;
        try {
            text = java.nio.file.Files.readString(kernelTla);
        } catch (java.io.IOException e) {
            throw new InputError("cannot read " + kernelTla + ": " + e.getMessage());
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^AdoptModes\\s*==\\s*\\{([^}]*)}").matcher(text);
        if (!m.find()) throw new InputError(kernelTla + ": no definition AdoptModes == {...}");
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher q = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(m.group(1));
        while (q.find()) out.add(q.group(1));
        return out;
    }

    private static boolean bool(Tsv.Row r, String col) {
        return switch (r.get(col)) {
            case "TRUE" -> true;
            case "FALSE" -> false;
            default -> throw new InputError(r.where() + ": " + col + " must be TRUE or FALSE, not '" + r.get(col) + "'");
        };
    }

    private static int number(Tsv.Row r, String col) {
        try {
            int n = Integer.parseInt(r.get(col));
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new InputError(r.where() + ": " + col + " must be a number, not '" + r.get(col) + "'");
        }
    }


    public Collection<InterfaceRow> interfaces() { return interfaces.values(); }
    public Collection<Check> checks() { return checks.values(); }

    public InterfaceRow iface(String id) {
        InterfaceRow i = interfaces.get(id);
        if (i == null) throw new InputError("unknown interface '" + id + "' (known: " + String.join(", ", interfaces.keySet()) + ")");
        return i;
    }

    public Check check(String name) {
        Check c = checks.get(name);
        if (c == null) throw new InputError("unknown check '" + name + "' (named WORLD-IDIOM-INTERFACE-PIDS[-limN][-outside][-probes]-REGIME; `answer --list` lists them)");
        return c;
    }

    /** The checks of a suite (fast < default < all; large only in all) matching the filters (empty: any). */
    public List<Check> select(List<String> names, List<String> worlds, List<String> idioms, List<String> ifaces, List<String> regimes, String suite) {
        List<Check> out = new ArrayList<>();
        if (!names.isEmpty()) {
            for (String n : names) out.add(check(n));
            return out;
        }
        for (String i : ifaces) iface(i);
        for (String r : regimes) if (!REGIMES.contains(r)) throw new InputError("--regime must be one of " + REGIMES + ", not '" + r + "'");
        for (Check c : checks.values()) {
            boolean inSuite = switch (suite) {
                case "fast" -> c.suite().equals("fast");
                case "default" -> !c.suite().equals("large");
                case "large" -> c.suite().equals("large");
                case "all" -> true;
                default -> throw new InputError("unknown suite '" + suite + "' (fast, default, large, all)");
            };
            if (inSuite && (worlds.isEmpty() || worlds.contains(c.world())) && (idioms.isEmpty() || idioms.contains(c.idiom().id()))
                    && (ifaces.isEmpty() || ifaces.contains(c.iface().id())) && (regimes.isEmpty() || regimes.contains(c.regime()))) out.add(c);
        }
        if (out.isEmpty()) throw new InputError("no check of suite " + suite + " matches the selection");
        return out;
    }
}
