package adoptsig.check;

import adoptsig.catalog.Model;
import adoptsig.catalog.Outcome;
import adoptsig.system.Bounds;

import java.util.List;
import java.util.Map;

/**
 * What one model check is asked to decide: a name, the constants, the catalogued properties
 * to check, and what is expected of them (property -> outcome; empty for a model nobody
 * recorded, such as a hand-written cfg); the recorded distinct-state count and depth (-1:
 * none to compare, as at bigger bounds; {@link #UNRECORDED}: a catalogued model whose count is
 * not recorded yet, which is a difference to report).
 */
public record Job(String name, String description, Bounds bounds, List<String> properties, Map<String, Outcome> expected,
                  long distinct, int depth, boolean partial) {
    /** The count of a catalogued model that has none recorded yet. */
    public static final long UNRECORDED = -2;

    public Job {
        properties = List.copyOf(properties);
        expected = Map.copyOf(expected);
    }

    /** A catalogued model at its recorded bounds, or with extraPids more PIDs (then counts and lengths are not compared). */
    public static Job of(Model m, int extraPids) {
        if (extraPids == 0) {
            return new Job(m.name(), m.summary(), m.bounds(), m.properties(), m.expected(),
                    m.distinct() < 0 ? UNRECORDED : m.distinct(), m.depth(), false);
        }
        Map<String, Outcome> verdictsOnly = new java.util.LinkedHashMap<>();
        m.expected().forEach((p, o) -> verdictsOnly.put(p, new Outcome(o.expected(), -1)));
        return new Job(m.name() + "+" + extraPids, m.summary() + " (" + extraPids + " more PID" + (extraPids == 1 ? "" : "s") + ")",
                m.bounds(extraPids), m.properties(), verdictsOnly, -1, -1, false);
    }

    /** Only some of the properties (each must be one this job checks). */
    public Job only(List<String> some) {
        return new Job(name, description, bounds, some, expected, distinct, depth, true);
    }

    /** No property: one TLC run for the state count alone. */
    public Job countOnly() {
        return new Job(name, description, bounds, List.of(), Map.of(), distinct, depth, false);
    }
}
