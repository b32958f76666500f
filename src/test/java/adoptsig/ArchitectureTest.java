package adoptsig;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The packages depend on each other one way only, read from the main sources: each file's
 * package line and every reference to a class of another package (its import lines, and names
 * written in full). The data flows up these layers, and a package may use only those below it:
 * <ol start="0">
 * <li>{@code adoptsig} (InputError, RunFailure), {@code kernel} (the Java kernel, knowing nothing
 * of TLC), {@code compare} (a run compared with the record, whichever engine ran);</li>
 * <li>{@code system} (bounds and worlds);</li>
 * <li>{@code catalog} (the data files), {@code daemon} (the idioms' programs), {@code tlc} (TLC,
 * TLA+ values and the abstraction of a world to a spec state);</li>
 * <li>{@code supervisor} (the mechanisms), {@code story} (a trace told), {@code fidelity} (the
 * model against Linux);</li>
 * <li>{@code engine} (the Java model checker: explorer, safety and liveness checks);</li>
 * <li>{@code check} (a model decided, by TLC and the engine), {@code conform} (Java against the
 * spec), {@code game} (the belief and pairwise games);</li>
 * <li>{@code report} (pictures, report.html, the generated tables);</li>
 * <li>{@code project} (the project a command works on);</li>
 * <li>{@code cli} (the command line, which nothing else knows).</li>
 * </ol>
 * Whatever the layers say, a cycle among packages fails the test with the cycle named.
 */
class ArchitectureTest {
    static final Path MAIN = Fixtures.root().resolve("src/main/java/adoptsig");
    static final Pattern PACKAGE = Pattern.compile("(?m)^package adoptsig(?:\\.([a-z]+))?;");
    /** A class of another package: adoptsig.PKG.Class, or a class of the root package, adoptsig.Class. */
    static final Pattern REF = Pattern.compile("\\badoptsig\\.(?:([a-z]+)\\.)?[A-Z]");
    static final String ROOT = "adoptsig";

    static final List<List<String>> LAYERS = List.of(
            List.of(ROOT, "kernel", "compare"),
            List.of("system"),
            List.of("catalog", "daemon", "tlc"),
            List.of("supervisor", "story", "fidelity"),
            List.of("engine"),
            List.of("check", "conform", "game"),
            List.of("report"),
            List.of("project"),
            List.of("cli"));

    /** Package -> the packages its sources refer to. */
    static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> g = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(f);
                Matcher p = PACKAGE.matcher(text);
                assertThat(p.find()).as(f + ": a package line").isTrue();
                String pkg = p.group(1) == null ? ROOT : p.group(1);
                Set<String> deps = g.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REF.matcher(text.substring(p.end()));
                while (m.find()) {
                    String to = m.group(1) == null ? ROOT : m.group(1);
                    if (!to.equals(pkg)) deps.add(to);
                }
            }
        }
        return g;
    }

    /** A cycle of the graph, as "a -> b -> a"; null when there is none. */
    static String cycle(Map<String, Set<String>> g) {
        Map<String, Integer> state = new TreeMap<>();   // 1 on the path, 2 done
        for (String start : g.keySet()) {
            List<String> path = new ArrayList<>();
            String c = visit(g, start, state, path);
            if (c != null) return c;
        }
        return null;
    }

    private static String visit(Map<String, Set<String>> g, String p, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(p);
        if (s != null && s == 2) return null;
        if (s != null && s == 1) {
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(p), path.size()));
            loop.add(p);
            return String.join(" -> ", loop);
        }
        state.put(p, 1);
        path.add(p);
        for (String q : g.getOrDefault(p, Set.of())) {
            String c = visit(g, q, state, path);
            if (c != null) return c;
        }
        path.remove(path.size() - 1);
        state.put(p, 2);
        return null;
    }

    /** Fails, naming the cycle, when the packages depend on each other in a circle. */
    static void requireNoCycle(Map<String, Set<String>> g) {
        String c = cycle(g);
        if (c != null) throw new AssertionError("a package cycle: " + c);
    }

    /** Every dependency goes to a lower layer; every package has a layer. */
    static List<String> againstTheLayers(Map<String, Set<String>> g) {
        Map<String, Integer> layer = new TreeMap<>();
        for (int i = 0; i < LAYERS.size(); i++) for (String p : LAYERS.get(i)) layer.put(p, i);
        List<String> out = new ArrayList<>();
        for (var e : g.entrySet()) {
            Integer from = layer.get(e.getKey());
            if (from == null) { out.add(e.getKey() + " has no layer (add it to LAYERS and to this class's comment)"); continue; }
            for (String to : e.getValue()) {
                Integer t = layer.get(to);
                if (t == null || t >= from) out.add(e.getKey() + " (layer " + from + ") uses " + to + " (layer " + t + ")");
            }
        }
        return out;
    }

    @Test
    void thePackagesFormNoCycle() throws IOException {
        requireNoCycle(graph());
    }

    @Test
    void eachPackageUsesOnlyTheLayersBelowIt() throws IOException {
        Map<String, Set<String>> g = graph();
        assertThat(g.get("kernel")).as("the kernel knows nothing else").isEmpty();
        assertThat(againstTheLayers(g)).as(g.toString()).isEmpty();
    }

    @Test
    void aCycleIsFoundAndNamed() {
        Map<String, Set<String>> g = new TreeMap<>(Map.of(
                "kernel", Set.of(),
                "engine", Set.of("kernel", "check"),
                "check", Set.of("report"),
                "report", Set.of("engine", "kernel"),
                "cli", Set.of("report")));
        assertThatThrownBy(() -> requireNoCycle(g)).isInstanceOf(AssertionError.class)
                .hasMessage("a package cycle: check -> report -> engine -> check");
        g.put("report", Set.of("kernel"));
        requireNoCycle(g);
        assertThat(againstTheLayers(g)).containsExactly("check (layer 5) uses report (layer 6)", "engine (layer 4) uses check (layer 5)");
    }

    @Test
    void theRealSourcesWithACycleAddedFail() throws IOException {
        Map<String, Set<String>> g = graph();
        g.get("kernel").add("cli");   // as if the kernel imported the command line
        assertThatThrownBy(() -> requireNoCycle(g)).isInstanceOf(AssertionError.class).hasMessageContaining("cli -> ").hasMessageContaining("kernel -> cli");
    }
}
