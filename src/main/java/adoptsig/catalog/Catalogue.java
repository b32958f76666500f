package adoptsig.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The property catalogue and the models, as data: properties/catalogue.tsv (one row per
 * property), properties/verdicts.tsv (expected verdict per model and property) and
 * spec/manifest.tsv (models, their suites and recorded state counts). Both the TLC runner
 * and the Java tests read these files; nothing in code hard-codes a verdict.
 */
public final class Catalogue {
    public enum Expected { HOLDS, VIOLATED;
        public String word() { return name().toLowerCase(); }
    }

    private final Path root;
    private final Map<String, Property> properties = new LinkedHashMap<>();
    private final Map<String, Model> models = new LinkedHashMap<>();
    /** model -> property -> expected, in file order. */
    private final Map<String, Map<String, Expected>> expected = new LinkedHashMap<>();

    private Catalogue(Path root) { this.root = root; }

    public static Catalogue load(Path root) {
        Catalogue c = new Catalogue(root);
        for (Tsv.Row r : Tsv.read(root.resolve("properties/catalogue.tsv"), "id", "kind", "source", "meaning")) {
            String id = r.get("id");
            if (!id.matches("[A-Za-z][A-Za-z0-9_]*")) throw new InputError(r.where() + ": property id '" + id + "' is not a TLA+ identifier");
            if (c.properties.containsKey(id)) throw new InputError(r.where() + ": property '" + id + "' listed twice");
            c.properties.put(id, new Property(id, Property.Kind.parse(r.get("kind"), r.where()), r.get("source"), r.get("meaning")));
        }
        for (Tsv.Row r : Tsv.read(root.resolve("spec/manifest.tsv"),
                "model", "module", "suite", "distinct", "depth", "seconds", "description")) {
            Model m = Model.of(r);
            if (c.models.containsKey(m.name())) throw new InputError(r.where() + ": model '" + m.name() + "' listed twice");
            c.models.put(m.name(), m);
        }
        for (Tsv.Row r : Tsv.read(root.resolve("properties/verdicts.tsv"), "model", "property", "expected")) {
            String model = r.get("model"), prop = r.get("property");
            if (!c.models.containsKey(model)) throw new InputError(r.where() + ": unknown model '" + model + "' (not in spec/manifest.tsv)");
            if (!c.properties.containsKey(prop)) throw new InputError(r.where() + ": unknown property '" + prop + "' (not in properties/catalogue.tsv)");
            Expected e = switch (r.get("expected")) {
                case "holds" -> Expected.HOLDS;
                case "violated" -> Expected.VIOLATED;
                default -> throw new InputError(r.where() + ": expected verdict must be 'holds' or 'violated', not '" + r.get("expected") + "'");
            };
            if (c.expected.computeIfAbsent(model, k -> new LinkedHashMap<>()).put(prop, e) != null) {
                throw new InputError(r.where() + ": verdict for " + model + "/" + prop + " given twice");
            }
        }
        for (Model m : c.models.values()) {
            if (!c.expected.containsKey(m.name())) throw new InputError("model '" + m.name() + "' has no expected verdicts in properties/verdicts.tsv");
        }
        return c;
    }

    public Path root() { return root; }
    public Path specDir() { return root.resolve("spec"); }
    public Collection<Property> properties() { return properties.values(); }
    public Collection<Model> models() { return models.values(); }

    public Property property(String id) {
        Property p = properties.get(id);
        if (p == null) throw new InputError("unknown property '" + id + "' (known: " + String.join(", ", properties.keySet()) + ")");
        return p;
    }

    public Model model(String name) {
        Model m = models.get(name);
        if (m == null) throw new InputError("unknown model '" + name + "' (known: " + String.join(", ", models.keySet()) + ")");
        return m;
    }

    /** Expected verdicts of a model, property id -> verdict, in catalogue order. */
    public Map<String, Expected> expected(String model) {
        model(model);
        return expected.get(model);
    }

    /** The models of a suite ("fast", "default", "large"); "default" includes "fast". */
    public List<Model> suite(String suite) {
        List<Model> out = new ArrayList<>();
        for (Model m : models.values()) {
            boolean in = switch (suite) {
                case "fast" -> m.suite().equals("fast");
                case "default" -> m.suite().equals("fast") || m.suite().equals("default");
                case "all" -> true;
                default -> throw new InputError("unknown suite '" + suite + "' (fast, default, all)");
            };
            if (in) out.add(m);
        }
        return out;
    }
}
