package adoptsig.catalog;

import adoptsig.InputError;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The property catalogue, as data: properties/catalogue.tsv, one row per property. Both the
 * TLC runner and the Java checks read it; nothing in code hard-codes a property's kind.
 */
public final class Catalogue {
    private final Map<String, Property> properties = new LinkedHashMap<>();
    /** A part (conjunct) of a property -> the property. */
    private final Map<String, String> partOf = new LinkedHashMap<>();

    private Catalogue() {}

    public static Catalogue load(Path root) {
        Catalogue c = new Catalogue();
        for (Tsv.Row r : Tsv.read(root.resolve("properties/catalogue.tsv"), "id", "kind", "parts", "source", "meaning")) {
            String id = r.get("id");
            if (!id.matches("[A-Za-z][A-Za-z0-9_]*")) throw new InputError(r.where() + ": property id '" + id + "' is not a TLA+ identifier");
            if (c.properties.containsKey(id) || c.partOf.containsKey(id)) throw new InputError(r.where() + ": property '" + id + "' listed twice");
            List<String> parts = r.get("parts").equals("-") ? List.of() : List.of(r.get("parts").split(","));
            for (String p : parts) {
                if (!p.matches("[A-Za-z][A-Za-z0-9_]*")) throw new InputError(r.where() + ": part '" + p + "' is not a TLA+ identifier");
                if (c.partOf.put(p, id) != null || c.properties.containsKey(p)) throw new InputError(r.where() + ": part '" + p + "' listed twice");
            }
            c.properties.put(id, new Property(id, Property.Kind.parse(r.get("kind"), r.where()), parts, r.get("source"), r.get("meaning")));
        }
        return c;
    }

    public Collection<Property> properties() { return properties.values(); }

    public Property property(String id) {
        Property p = properties.get(id);
        if (p == null) throw new InputError("unknown property '" + id + "' (known: " + String.join(", ", properties.keySet()) + ")");
        return p;
    }

    /** The property an operator named by TLC stands for: the property itself, or the property it is a part of. */
    public Property ofOperator(String operator) {
        String id = partOf.getOrDefault(operator, operator);
        return property(id);
    }

    /** The operators of some catalogued properties, each expanded into its parts, by kind, in their order. */
    public record Operators(List<String> invariants, List<String> actions, List<String> temporal) { }

    /** The operators of these catalogued properties (each expanded into its parts): state predicates, action properties, temporal properties. */
    public Operators operators(Collection<String> ids) {
        List<String> inv = new java.util.ArrayList<>(), act = new java.util.ArrayList<>(), temporal = new java.util.ArrayList<>();
        for (String id : ids) {
            Property x = property(id);
            (x.kind().isStatePredicate() ? inv : x.kind().isSafety() ? act : temporal).addAll(x.operators());
        }
        return new Operators(List.copyOf(inv), List.copyOf(act), List.copyOf(temporal));
    }
}
