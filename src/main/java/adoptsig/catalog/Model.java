package adoptsig.catalog;

import adoptsig.system.Bounds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finite model (a row of properties/models.tsv): a mechanism under an idiom, at the idiom's
 * bounds (plus the mechanism's extra PIDs) or with overrides; its suite (fast: run by the
 * tests; default: `check` without arguments; large: only when named), the distinct-state
 * count and depth TLC must reproduce (-1: not recorded), its measured time (-1: not measured),
 * and the properties it checks with their expected outcomes (properties/expected.tsv).
 */
public record Model(String name, Mechanism mechanism, Idiom idiom, Map<String, String> overrides, String suite,
                    long distinct, int depth, int seconds, String description, Map<String, Outcome> expected) {
    /** The keys an override may set. */
    public static final List<String> OVERRIDES = List.of("maxPid", "sigLimit", "services", "workers", "sync", "outside", "strangers", "without");

    public Model {
        overrides = Map.copyOf(overrides);
        expected = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expected));
    }

    /** A cell of the grid (docs/grid.md): no overrides, and the idiom is a grid column. */
    public boolean isGridCell() { return overrides.isEmpty() && idiom.grid(); }

    /** The properties this model checks, in expected.tsv's order. */
    public List<String> properties() { return List.copyOf(expected.keySet()); }

    /** The model's constants, with {@code extraPids} more PIDs. */
    public Bounds bounds(int extraPids) {
        int services = Integer.parseInt(overrides.getOrDefault("services", Integer.toString(idiom.services())));
        int pool = Integer.parseInt(overrides.getOrDefault("maxPid", Integer.toString(idiom.maxPid())));
        int rt = Integer.parseInt(overrides.getOrDefault("sigLimit", Integer.toString(idiom.sigLimit())));
        if (mechanism.sigLimit() > 0) rt = mechanism.sigLimit();
        boolean workers = Boolean.parseBoolean(overrides.getOrDefault("workers", Boolean.toString(idiom.workers())));
        boolean sync = Boolean.parseBoolean(overrides.getOrDefault("sync", Boolean.toString(idiom.sync())));
        boolean outside = Boolean.parseBoolean(overrides.getOrDefault("outside", "false"));
        int strangers = Integer.parseInt(overrides.getOrDefault("strangers", "0"));
        String without = overrides.getOrDefault("without", "none");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < services; i++) names.add(String.valueOf((char) ('a' + i)));
        int maxPid = pool + mechanism.extraPidsPerService() * services + extraPids;
        List<String> others = new ArrayList<>();
        for (int i = 0; i < strangers; i++) others.add(String.valueOf((char) ('x' + i)));
        return new Bounds(maxPid, names, rt, idiom.program(), sync, workers, mechanism.id(), outside, others, without);
    }

    public Bounds bounds() { return bounds(0); }

    /** One line for progress output. */
    public String summary() {
        return description.equals("-") ? mechanism.name() + " x " + idiom.name() : description;
    }
}
