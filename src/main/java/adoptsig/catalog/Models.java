package adoptsig.catalog;

import adoptsig.InputError;
import adoptsig.system.Bounds;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one table of models, as data: properties/mechanisms.tsv (the supervision mechanisms),
 * properties/idioms.tsv (the daemon idioms and their bounds), properties/models.tsv (every
 * model: a mechanism under an idiom, with optional overrides, a suite and its recorded state
 * count) and properties/expected.tsv (every property each model checks, with its expected
 * outcome). Every file is checked against the others on loading (errors say file:line).
 */
public final class Models {
    public static final List<String> SUITES = List.of("fast", "default", "large", "all");

    private final Map<String, Mechanism> mechanisms = new LinkedHashMap<>();
    private final Map<String, Idiom> idioms = new LinkedHashMap<>();
    private final Map<String, Model> models = new LinkedHashMap<>();

    private Models() {}

    public static Models load(Path root, Catalogue catalogue) {
        Models m = new Models();
        for (Tsv.Row r : Tsv.read(root.resolve("properties/mechanisms.tsv"), "mechanism", "name", "extraPidsPerService", "sigLimit",
                "description")) {
            String id = r.get("mechanism");
            if (!id.matches("[a-z][A-Za-z0-9]*")) throw new InputError(r.where() + ": mechanism id '" + id + "' must be a lower-case letter then letters and digits");
            if (m.mechanisms.put(id, new Mechanism(id, m.mechanisms.size() + 1, r.get("name"), natural(r, "extraPidsPerService"),
                    natural(r, "sigLimit"), r.get("description"))) != null) throw new InputError(r.where() + ": mechanism '" + id + "' listed twice");
        }
        for (Tsv.Row r : Tsv.read(root.resolve("properties/idioms.tsv"), "idiom", "name", "grid", "program", "sync", "workers",
                "services", "maxPid", "sigLimit", "description")) {
            String id = r.get("idiom");
            if (!id.matches("[a-z][A-Za-z0-9]*")) throw new InputError(r.where() + ": idiom id '" + id + "' must be a lower-case letter then letters and digits");
            String program = r.get("program");
            if (!Bounds.PROGRAMS.contains(program)) {
                throw new InputError(r.where() + ": unknown program '" + program + "' (the spec's Idiom values: " + Bounds.PROGRAMS + ")");
            }
            boolean grid = switch (r.get("grid")) {
                case "yes" -> true;
                case "no" -> false;
                default -> throw new InputError(r.where() + ": grid must be yes or no, not '" + r.get("grid") + "'");
            };
            if (m.idioms.put(id, new Idiom(id, m.idioms.size() + 1, r.get("name"), grid, program, bool(r, "sync"), bool(r, "workers"),
                    positive(r, "services"), positive(r, "maxPid"), natural(r, "sigLimit"), r.get("description"))) != null) {
                throw new InputError(r.where() + ": idiom '" + id + "' listed twice");
            }
        }
        Map<String, Map<String, Outcome>> expected = new LinkedHashMap<>();
        Map<String, String> firstRow = new LinkedHashMap<>();
        for (Tsv.Row r : Tsv.read(root.resolve("properties/expected.tsv"), "model", "property", "expected", "steps")) {
            String model = r.get("model");
            String prop = r.get("property");
            catalogueProperty(catalogue, prop, r);
            Expected e = switch (r.get("expected")) {
                case "holds" -> Expected.HOLDS;
                case "violated" -> Expected.VIOLATED;
                default -> throw new InputError(r.where() + ": expected must be 'holds' or 'violated', not '" + r.get("expected") + "'");
            };
            int steps = r.get("steps").equals("-") ? -1 : positive(r, "steps");
            if (steps >= 0 && (e == Expected.HOLDS || !catalogue.property(prop).kind().isSafety())) {
                throw new InputError(r.where() + ": steps are recorded only for a violated safety property; write '-'");
            }
            if (expected.computeIfAbsent(model, k -> new LinkedHashMap<>()).put(prop, new Outcome(e, steps)) != null) {
                throw new InputError(r.where() + ": " + model + " / " + prop + " given twice");
            }
            firstRow.putIfAbsent(model, r.where());
        }
        Map<String, String> modelRow = new LinkedHashMap<>();
        for (Tsv.Row r : Tsv.read(root.resolve("properties/models.tsv"), "model", "mechanism", "idiom", "overrides", "suite", "distinct",
                "depth", "seconds", "description")) {
            String name = r.get("model");
            String first = modelRow.putIfAbsent(name, r.where());
            if (first != null) throw new InputError(r.where() + ": model '" + name + "' listed twice (first at " + first + ")");
            Mechanism mech = m.mechanisms.get(r.get("mechanism"));
            if (mech == null) throw new InputError(r.where() + ": unknown mechanism '" + r.get("mechanism") + "' (not in properties/mechanisms.tsv)");
            Idiom idiom = m.idioms.get(r.get("idiom"));
            if (idiom == null) throw new InputError(r.where() + ": unknown idiom '" + r.get("idiom") + "' (not in properties/idioms.tsv)");
            Map<String, String> overrides = overrides(r);
            String base = mech.id() + "-" + idiom.id();
            if (overrides.isEmpty() ? !name.equals(base) : !name.matches(java.util.regex.Pattern.quote(base) + "(-[a-z0-9]+)+")) {
                throw new InputError(r.where() + ": model '" + name + "' must be named " + (overrides.isEmpty() ? base : base + "-TAG (it has overrides)"));
            }
            String suite = r.get("suite");
            if (!List.of("fast", "default", "large").contains(suite)) throw new InputError(r.where() + ": suite must be fast, default or large, not '" + suite + "'");
            Map<String, Outcome> exp = expected.remove(name);
            if (exp == null) throw new InputError(r.where() + ": model '" + name + "' has no expected outcomes in properties/expected.tsv");
            Model model = new Model(name, mech, idiom, overrides, suite, countOrDash(r, "distinct"), (int) countOrDash(r, "depth"),
                    (int) countOrDash(r, "seconds"), r.get("description"), exp);
            try {
                model.bounds();
            } catch (InputError e) {
                throw new InputError(r.where() + ": " + e.getMessage());
            }
            if (m.models.put(name, model) != null) throw new InputError(r.where() + ": model '" + name + "' listed twice");
        }
        for (var e : expected.keySet()) throw new InputError(firstRow.get(e) + ": unknown model '" + e + "' (not in properties/models.tsv)");
        for (Idiom i : m.idioms.values()) {
            if (!i.grid()) continue;
            for (Mechanism x : m.mechanisms.values()) {
                if (!m.models.containsKey(x.id() + "-" + i.id())) {
                    throw new InputError("properties/models.tsv: no model " + x.id() + "-" + i.id() + ", although idiom " + i.id() + " is a grid column");
                }
            }
        }
        return m;
    }

    private static void catalogueProperty(Catalogue c, String id, Tsv.Row r) {
        try {
            c.property(id);
        } catch (InputError e) {
            throw new InputError(r.where() + ": " + e.getMessage());
        }
    }

    private static Map<String, String> overrides(Tsv.Row r) {
        Map<String, String> out = new LinkedHashMap<>();
        if (r.get("overrides").equals("-")) return out;
        for (String kv : r.get("overrides").split(",")) {
            String[] p = kv.split("=", 2);
            if (p.length != 2 || !Model.OVERRIDES.contains(p[0].trim())) {
                throw new InputError(r.where() + ": override '" + kv + "' must be KEY=VALUE with KEY one of " + Model.OVERRIDES);
            }
            String k = p[0].trim(), v = p[1].trim();
            boolean flag = k.equals("workers") || k.equals("sync") || k.equals("outside");
            boolean ok = k.equals("without") ? v.matches("W[1-7]") : flag ? v.equals("TRUE") || v.equals("FALSE") : v.matches("\\d+");
            if (!ok) throw new InputError(r.where() + ": override " + k + " must be " + (k.equals("without") ? "a rule W1..W6"
                    : flag ? "TRUE or FALSE" : "a number") + ", not '" + v + "'");
            if (!flag && !k.equals("without") && v.length() > 9) {
                throw new InputError(r.where() + ": override " + k + " must be a number of at most 9 digits, not '" + v + "'");
            }
            if (out.put(k, v) != null) throw new InputError(r.where() + ": override " + k + " given twice");
        }
        return out;
    }

    private static boolean bool(Tsv.Row r, String col) {
        return switch (r.get(col)) {
            case "TRUE" -> true;
            case "FALSE" -> false;
            default -> throw new InputError(r.where() + ": " + col + " must be TRUE or FALSE, not '" + r.get(col) + "'");
        };
    }

    private static int natural(Tsv.Row r, String col) {
        try {
            int n = Integer.parseInt(r.get(col));
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new InputError(r.where() + ": " + col + " must be a number (0 or more), not '" + r.get(col) + "'");
        }
    }

    private static int positive(Tsv.Row r, String col) {
        int n = natural(r, col);
        if (n == 0) throw new InputError(r.where() + ": " + col + " must be at least 1, not 0");
        return n;
    }

    /** A count column: a natural number (thousands separators allowed) or "-" (-1). */
    static long countOrDash(Tsv.Row r, String col) {
        String v = r.get(col).replace(",", "");
        if (v.equals("-")) return -1;
        try {
            long n = Long.parseLong(v);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new InputError(r.where() + ": " + col + " must be a number or '-', not '" + r.get(col) + "'");
        }
    }

    public Collection<Mechanism> mechanisms() { return mechanisms.values(); }
    public Collection<Idiom> idioms() { return idioms.values(); }
    public Collection<Model> models() { return models.values(); }

    /** The idioms that are columns of the grid, in file order. */
    public List<Idiom> gridIdioms() { return idioms.values().stream().filter(Idiom::grid).toList(); }

    public Mechanism mechanism(String id) {
        Mechanism m = mechanisms.get(id);
        if (m == null) throw new InputError("unknown mechanism '" + id + "' (known: " + String.join(", ", mechanisms.keySet()) + ")");
        return m;
    }

    public Idiom idiom(String id) {
        Idiom i = idioms.get(id);
        if (i == null) throw new InputError("unknown idiom '" + id + "' (known: " + String.join(", ", idioms.keySet()) + ")");
        return i;
    }

    public Model model(String name) {
        Model m = models.get(name);
        if (m == null) {
            throw new InputError("unknown model '" + name + "' (models are named MECHANISM-IDIOM[-TAG]; `java -jar target/adoptsig.jar models` lists them)");
        }
        return m;
    }

    /** The grid cell of a mechanism and an idiom. */
    public Model cell(Mechanism m, Idiom i) { return model(m.id() + "-" + i.id()); }

    /** Whether a model is in a suite: fast < default < all; large only in all. */
    public static boolean inSuite(Model m, String suite) {
        return switch (suite) {
            case "fast" -> m.suite().equals("fast");
            case "default" -> !m.suite().equals("large");
            case "large" -> m.suite().equals("large");
            case "all" -> true;
            default -> throw new InputError("unknown suite '" + suite + "' (" + String.join(", ", SUITES) + ")");
        };
    }

    /**
     * The models a command works on: those named, or else those of the suite whose mechanism
     * and idiom are among the given ones (an empty list selects every one). Unknown names are
     * bad input.
     */
    public List<Model> select(List<String> names, List<String> mechanismIds, List<String> idiomIds, String suite) {
        Set<String> mech = new LinkedHashSet<>(), idi = new LinkedHashSet<>();
        for (String x : mechanismIds) mech.add(mechanism(x).id());
        for (String x : idiomIds) idi.add(idiom(x).id());
        if (!SUITES.contains(suite)) throw new InputError("unknown suite '" + suite + "' (" + String.join(", ", SUITES) + ")");
        List<Model> out = new ArrayList<>();
        if (!names.isEmpty()) {
            for (String n : names) out.add(model(n));
            return out;
        }
        for (Model m : models.values()) {
            if (inSuite(m, suite) && (mech.isEmpty() || mech.contains(m.mechanism().id())) && (idi.isEmpty() || idi.contains(m.idiom().id()))) {
                out.add(m);
            }
        }
        if (out.isEmpty()) throw new InputError("no model of suite " + suite + " matches" + (mech.isEmpty() ? "" : " mechanism " + mech)
                + (idi.isEmpty() ? "" : " idiom " + idi));
        return out;
    }
}
