package adoptsig.catalog;

import adoptsig.catalog.Catalogue.Expected;
import adoptsig.daemon.Bounds;
import adoptsig.daemon.BoundsReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue 4's race-condition matrix, as data: properties/mechanisms.tsv (the supervision
 * mechanisms, each a value of the spec's Supervisor constant), properties/idioms.tsv (the
 * daemon idioms, each a daemon program and its bounds) and properties/matrix.tsv (for every
 * cell mechanism x idiom and every property checked there: the expected verdict, and the
 * distinct-state count and depth of the deciding run when it holds, or the length of the
 * shortest counterexample when it is violated). Each cell's cfg is generated from the two
 * rows; nothing is written into spec/.
 */
public final class Matrix {
    public record Mechanism(String id, int issue, String name, int extraPidsPerService, int rtLimit, String description) {}

    public record Idiom(String id, int issue, String name, String program, boolean workers, int services, int maxPid,
                        int rtLimit, String description) {}

    /** One expected outcome: states and steps are -1 when not recorded. */
    public record Outcome(Expected expected, long states, int steps) {}

    /** A cell: a mechanism under an idiom, at the idiom's bounds plus {@code extraPids}. */
    public record Cell(Mechanism mechanism, Idiom idiom, int extraPids) {
        public String name() { return mechanism.id() + "-" + idiom.id(); }

        public Bounds bounds() {
            List<String> services = new ArrayList<>();
            for (int i = 0; i < idiom.services(); i++) services.add(String.valueOf((char) ('a' + i)));
            int maxPid = idiom.maxPid() + mechanism.extraPidsPerService() * idiom.services() + extraPids;
            int rt = mechanism.rtLimit() > 0 ? mechanism.rtLimit() : idiom.rtLimit();
            return new Bounds(maxPid, services, rt, idiom.program(), false, idiom.workers(), mechanism.id());
        }

        /** The cfg TLC checks for this cell: its constants, the specification and the properties. */
        public String cfgText(List<String> invariants, List<String> others) {
            StringBuilder b = new StringBuilder("\\* adoptsig matrix cell " + name() + ": mechanism " + mechanism.issue() + " ("
                    + mechanism.name() + ") x idiom " + idiom.issue() + " (" + idiom.name() + ")\n");
            b.append(BoundsReader.cfgText(bounds()));
            if (!invariants.isEmpty()) b.append("INVARIANTS\n");
            for (String i : invariants) b.append("    ").append(i).append('\n');
            if (!others.isEmpty()) b.append("PROPERTIES\n");
            for (String p : others) b.append("    ").append(p).append('\n');
            return b.toString();
        }

        /** A Model record for the shared TLC machinery (module MCAdoption, suite "matrix"). */
        public Model model(long distinct, int depth) {
            return new Model(name(), "MCAdoption", "matrix", distinct, depth, 0,
                    mechanism.name() + " x " + idiom.name());
        }
    }

    private final Map<String, Mechanism> mechanisms = new LinkedHashMap<>();
    private final Map<String, Idiom> idioms = new LinkedHashMap<>();
    /** cell name -> property -> expected outcome, in file order. */
    private final Map<String, Map<String, Outcome>> expected = new LinkedHashMap<>();
    private final Set<String> properties = new LinkedHashSet<>();

    private Matrix() {}

    public static Matrix load(Path root, Catalogue catalogue) {
        Matrix m = new Matrix();
        for (Tsv.Row r : Tsv.read(root.resolve("properties/mechanisms.tsv"), "mechanism", "issue", "name", "extraPidsPerService",
                "rtLimit", "description")) {
            String id = r.get("mechanism");
            if (!Bounds.SUPERVISORS.contains(id)) {
                throw new InputError(r.where() + ": unknown mechanism '" + id + "' (the spec's Supervisor values: " + Bounds.SUPERVISORS + ")");
            }
            if (m.mechanisms.put(id, new Mechanism(id, num(r, "issue"), r.get("name"), num(r, "extraPidsPerService"),
                    num(r, "rtLimit"), r.get("description"))) != null) throw new InputError(r.where() + ": mechanism '" + id + "' listed twice");
        }
        for (Tsv.Row r : Tsv.read(root.resolve("properties/idioms.tsv"), "idiom", "issue", "name", "program", "workers", "services",
                "maxPid", "rtLimit", "description")) {
            String id = r.get("idiom");
            if (!id.matches("[A-Za-z][A-Za-z0-9]*")) throw new InputError(r.where() + ": idiom id '" + id + "' must be letters and digits");
            String program = r.get("program");
            if (!Bounds.IDIOMS.contains(program)) {
                throw new InputError(r.where() + ": unknown program '" + program + "' (the spec's Idiom values: " + Bounds.IDIOMS + ")");
            }
            String workers = r.get("workers");
            if (!workers.equals("TRUE") && !workers.equals("FALSE")) throw new InputError(r.where() + ": workers must be TRUE or FALSE");
            if (m.idioms.put(id, new Idiom(id, num(r, "issue"), r.get("name"), program, workers.equals("TRUE"), num(r, "services"),
                    num(r, "maxPid"), num(r, "rtLimit"), r.get("description"))) != null) {
                throw new InputError(r.where() + ": idiom '" + id + "' listed twice");
            }
        }
        for (Tsv.Row r : Tsv.read(root.resolve("properties/matrix.tsv"), "mechanism", "idiom", "property", "expected", "states", "steps")) {
            m.mechanism(r.get("mechanism"));
            m.idiom(r.get("idiom"));
            String prop = r.get("property");
            catalogue.property(prop);
            Expected e = switch (r.get("expected")) {
                case "holds" -> Expected.HOLDS;
                case "violated" -> Expected.VIOLATED;
                default -> throw new InputError(r.where() + ": expected must be 'holds' or 'violated', not '" + r.get("expected") + "'");
            };
            long states = dashOrNum(r, "states");
            int steps = (int) dashOrNum(r, "steps");
            String cell = r.get("mechanism") + "-" + r.get("idiom");
            if (m.expected.computeIfAbsent(cell, k -> new LinkedHashMap<>()).put(prop, new Outcome(e, states, steps)) != null) {
                throw new InputError(r.where() + ": " + cell + "/" + prop + " given twice");
            }
            m.properties.add(prop);
        }
        for (var e : m.expected.entrySet()) {
            if (!e.getValue().keySet().equals(m.properties)) {
                throw new InputError("properties/matrix.tsv: cell " + e.getKey() + " checks " + e.getValue().keySet()
                        + ", not the matrix's properties " + m.properties);
            }
        }
        return m;
    }

    private static int num(Tsv.Row r, String col) {
        try {
            return Integer.parseInt(r.get(col));
        } catch (NumberFormatException e) {
            throw new InputError(r.where() + ": " + col + " must be an integer, not '" + r.get(col) + "'");
        }
    }

    private static long dashOrNum(Tsv.Row r, String col) {
        String v = r.get(col).replace(",", "");
        if (v.equals("-")) return -1;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InputError(r.where() + ": " + col + " must be an integer or '-', not '" + r.get(col) + "'");
        }
    }

    public Collection<Mechanism> mechanisms() { return mechanisms.values(); }
    public Collection<Idiom> idioms() { return idioms.values(); }
    /** The properties every cell checks (properties/matrix.tsv), in file order. */
    public List<String> properties() { return List.copyOf(properties); }

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

    /** Every cell, mechanisms in file order, then idioms in file order. */
    public List<Cell> cells(int extraPids) {
        List<Cell> out = new ArrayList<>();
        for (Mechanism m : mechanisms.values()) for (Idiom i : idioms.values()) out.add(new Cell(m, i, extraPids));
        return out;
    }

    /** The cell of this name (mechanism-idiom), at the recorded bounds. */
    public Cell cell(String name) {
        int dash = name.indexOf('-');
        if (dash < 0) throw new InputError("a matrix cell is named MECHANISM-IDIOM, not '" + name + "'");
        return new Cell(mechanism(name.substring(0, dash)), idiom(name.substring(dash + 1)), 0);
    }

    /** The expected outcomes of a cell (property -> outcome); empty when none are recorded. */
    public Map<String, Outcome> expected(String cell) { return expected.getOrDefault(cell, Map.of()); }
}
