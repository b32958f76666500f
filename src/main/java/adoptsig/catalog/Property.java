package adoptsig.catalog;

import adoptsig.InputError;

import java.util.List;

/**
 * One catalogued property. The id is the operator of spec/Properties.tla and the Java check's
 * name. Kinds: type, invariant (state predicates), action ([][A]_v), temporal (liveness).
 * parts: the conjuncts a model checks one by one so that TLC names the one that broke (empty:
 * the property itself). A "Debug" id is a reachability check: it is expected to be violated
 * wherever a model claims the situation can happen.
 */
public record Property(String id, Kind kind, List<String> parts, String source, String meaning) {
    public Property { parts = List.copyOf(parts); }

    public enum Kind {
        TYPE, INVARIANT, ACTION, TEMPORAL;

        static Kind parse(String s, String where) {
            return switch (s) {
                case "type" -> TYPE;
                case "invariant" -> INVARIANT;
                case "action" -> ACTION;
                case "temporal" -> TEMPORAL;
                default -> throw new InputError(where + ": unknown property kind '" + s + "' (type, invariant, action, temporal)");
            };
        }

        /** Checked during TLC's breadth-first search and reported by name. */
        public boolean isSafety() { return this != TEMPORAL; }

        /** Goes under INVARIANTS in a cfg (the others under PROPERTIES). */
        public boolean isStatePredicate() { return this == TYPE || this == INVARIANT; }
    }

    public boolean isDebug() { return id.startsWith("Debug"); }

    /** The operators a cfg names for this property: its parts, or the property itself. */
    public List<String> operators() { return parts.isEmpty() ? List.of(id) : parts; }
}
