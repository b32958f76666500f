package adoptsig;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages depend on each other one way only (no cycle), the kernel on nothing, and
 * nothing but the command line on the command line: read from the sources' references.
 */
class ArchitectureTest {
    static final Path MAIN = Fixtures.root().resolve("src/main/java/adoptsig");
    static final Pattern REF = Pattern.compile("\\badoptsig\\.([a-z]+)\\.[A-Z]");

    static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> g = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = MAIN.relativize(f);
                String pkg = rel.getNameCount() == 1 ? "(root)" : rel.getName(0).toString();
                Set<String> deps = g.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REF.matcher(Files.readString(f));
                while (m.find()) if (!m.group(1).equals(pkg)) deps.add(m.group(1));
            }
        }
        return g;
    }

    @Test
    void packagesFormNoCycleAndTheKernelAndCommandLineSitAtTheEnds() throws IOException {
        Map<String, Set<String>> g = graph();
        assertThat(g.get("kernel")).isEmpty();
        for (var e : g.entrySet()) if (!e.getKey().equals("cli")) assertThat(e.getValue()).as(e.getKey()).doesNotContain("cli");
        for (String start : g.keySet()) {
            Set<String> seen = new HashSet<>();
            Set<String> todo = new TreeSet<>(g.get(start));
            while (!todo.isEmpty()) {
                String p = todo.iterator().next();
                todo.remove(p);
                assertThat(p).as("a cycle through " + start + " in " + g).isNotEqualTo(start);
                if (seen.add(p)) todo.addAll(g.getOrDefault(p, Set.of()));
            }
        }
    }
}
