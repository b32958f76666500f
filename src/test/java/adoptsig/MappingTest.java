package adoptsig;

import adoptsig.kernel.StepKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/MAPPING.md is true of the spec and the Java: in the tables of its sections "Variables and
 * constants", "Actions", "Properties" and "Step names", every backquoted name in a spec column
 * (a column whose heading starts with "spec") is defined, declared as a constant or declared as a
 * variable in a module of spec/, and every backquoted name in a Java column (heading "Java") is a
 * class under src/main/java, or a class and a member that class declares (a method, field, record
 * component, enum constant or nested type); every definition, constant and variable of the
 * modules the Java twins stand for is in some spec column; and every step name of StepKind is in
 * the text. The check is a function of the text ({@link #check}), so a broken text can be fed to it.
 */
class MappingTest {
    static final Path ROOT = Fixtures.root();
    /** The sections whose tables map spec names to Java names. */
    static final List<String> SECTIONS = List.of("Variables and constants", "Actions", "Properties", "Step names");
    /** The modules whose every definition, constant and variable the mapping must name. */
    static final List<String> MAPPED = List.of("Kernel", "Daemons", "Supervisors", "Properties", "Synth");

    /** What the check found: how many spec and Java names it resolved or tried to, and what is wrong (empty if nothing). */
    record Findings(int specNames, int javaNames, List<String> problems) {}

    /** The spec's side: per module, the names it defines or declares. */
    record Spec(Map<String, Set<String>> modules) {
        Set<String> all() {
            Set<String> out = new TreeSet<>();
            modules.values().forEach(out::addAll);
            return out;
        }

        Set<String> of(Collection<String> names) {
            Set<String> out = new TreeSet<>();
            for (String m : names) out.addAll(modules.getOrDefault(m, Set.of()));
            return out;
        }
    }

    // ------------------------------------------------------------------ the spec

    private static final Pattern DEFINITION = Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_]*)[ \\t]*(?:\\(|==)");
    private static final Pattern DECLARATION = Pattern.compile("^(?:CONSTANTS?|VARIABLES?)\\b(.*)$");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static String withoutTlaComment(String line) {
        int i = line.indexOf("\\*");
        return (i < 0 ? line : line.substring(0, i)).strip();
    }

    /** The names a TLA+ module defines at the top level (Name(...) or Name ==) or declares in a CONSTANT(S) or VARIABLE(S) list. */
    static Set<String> tlaNames(String module) {
        Set<String> out = new TreeSet<>();
        Matcher d = DEFINITION.matcher(module);
        while (d.find()) out.add(d.group(1));
        String[] lines = module.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DECLARATION.matcher(withoutTlaComment(lines[i]));
            if (!m.matches()) continue;
            String rest = m.group(1).strip();
            boolean any = false;
            while (true) {
                for (String n : rest.split(",")) {
                    if (IDENT.matcher(n.strip()).matches()) { out.add(n.strip()); any = true; }
                }
                boolean more = rest.isEmpty() ? !any : rest.endsWith(",");
                if (!more || ++i >= lines.length) break;
                rest = withoutTlaComment(lines[i]);
            }
        }
        return out;
    }

    static Spec spec(Path dir) {
        Map<String, Set<String>> modules = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tla")).sorted().toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.tla$", "");
                modules.put(name, tlaNames(Files.readString(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Spec(modules);
    }

    // ------------------------------------------------------------------ the Java

    private static final Set<String> NOT_TYPES = Set.of("return", "new", "throw", "else", "case", "yield", "assert", "instanceof",
            "extends", "implements", "import", "package");

    /** Source text without block comments and whole-line comments (so that a name a comment mentions is not a declaration). */
    static String withoutJavaComments(String source) {
        String s = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL).matcher(source).replaceAll(" ");
        return Pattern.compile("(?m)^\\s*//.*$").matcher(s).replaceAll("");
    }

    /**
     * Whether the class's source declares the member: a method or a field, record component or
     * parameter (a type, then the name, then one of ( = ; , ) ), a further variable of a
     * declaration (", name =" or ", name;"), an enum constant at the start of a line, or a nested type.
     */
    static boolean declares(String source, String member) {
        String n = Pattern.quote(member);
        Matcher typed = Pattern.compile("(\\w+|>|\\])\\s+" + n + "\\s*[(=;,)]").matcher(source);
        while (typed.find()) if (!NOT_TYPES.contains(typed.group(1))) return true;
        return Pattern.compile(",\\s*" + n + "\\s*[=;]").matcher(source).find()
                || (member.matches("[A-Z][A-Z0-9_]*") && Pattern.compile("(?m)^\\s*" + n + "\\s*[(,;]").matcher(source).find())
                || Pattern.compile("\\b(?:class|record|enum|interface)\\s+" + n + "\\b").matcher(source).find();
    }

    /** Every top-level class under the folder, by simple name (the file's name), with its source text without comments. */
    static Map<String, String> java(Path dir) {
        Map<String, String> out = new HashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.java$", "");
                String prev = out.put(name, withoutJavaComments(Files.readString(f)));
                if (prev != null) throw new IllegalStateException("two classes named " + name + ": the mapping's names would be ambiguous");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    // ------------------------------------------------------------------ the mapping

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern SPEC_REF = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\(.*\\))?");
    private static final Pattern JAVA_REF = Pattern.compile("([A-Z][A-Za-z0-9_]*)(?:\\.([A-Za-z_][A-Za-z0-9_]*))?(?:\\(.*\\))?");

    private static List<String> cells(String row) {
        String r = row.strip();
        if (r.startsWith("|")) r = r.substring(1);
        if (r.endsWith("|") && !r.endsWith("\\|")) r = r.substring(0, r.length() - 1);
        return Arrays.stream(r.split("(?<!\\\\)\\|", -1)).map(String::strip).toList();
    }

    private static List<String> code(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) out.add(m.group(1).strip());
        return out;
    }

    /**
     * Checks a MAPPING.md text. Problems: first, in the text's order, "spec X" for a backquoted
     * name of a spec column that no module defines or declares, and "java X" for one of a Java
     * column that is not a class, or a class and a member it declares; then "section NAME" for a
     * checked section that is missing; "unmapped X" for a definition, constant or variable of a
     * mapped module that no spec column names; "step X" for a step name of the vocabulary that the
     * text never names in backquotes.
     *
     * @param mapped the names the spec columns must cover
     */
    static Findings check(String mapping, Set<String> specNames, Set<String> mapped, Map<String, String> javaSources,
                          Collection<String> steps) {
        Set<String> problems = new LinkedHashSet<>();
        Set<String> seenSections = new TreeSet<>();
        Set<String> named = new TreeSet<>();
        int specRefs = 0, javaRefs = 0;
        String section = null;
        List<String> header = null;
        boolean inTable = false;
        for (String line : mapping.split("\n", -1)) {
            if (line.startsWith("## ")) {
                section = line.substring(3).strip();
                if (SECTIONS.contains(section)) seenSections.add(section);
            }
            if (!line.strip().startsWith("|")) { inTable = false; continue; }
            if (!inTable) { inTable = true; header = cells(line); continue; }
            if (line.matches("\\s*\\|[\\s|:-]+\\|?\\s*") || section == null || !SECTIONS.contains(section)) continue;
            List<String> row = cells(line);
            for (int c = 0; c < Math.min(row.size(), header.size()); c++) {
                String h = header.get(c).toLowerCase(java.util.Locale.ROOT);
                if (h.startsWith("spec")) {
                    for (String ref : code(row.get(c))) {
                        specRefs++;
                        Matcher m = SPEC_REF.matcher(ref);
                        if (!m.matches() || !specNames.contains(m.group(1))) problems.add("spec " + ref);
                        else named.add(m.group(1));
                    }
                } else if (h.startsWith("java")) {
                    for (String ref : code(row.get(c))) {
                        javaRefs++;
                        Matcher m = JAVA_REF.matcher(ref);
                        String source = m.matches() ? javaSources.get(m.group(1)) : null;
                        if (source == null || (m.group(2) != null && !declares(source, m.group(2)))) problems.add("java " + ref);
                    }
                }
            }
        }
        for (String s : SECTIONS) if (!seenSections.contains(s)) problems.add("section " + s);
        for (String n : mapped) if (!named.contains(n)) problems.add("unmapped " + n);
        for (String id : steps) if (!Pattern.compile("`" + Pattern.quote(id) + "[`(]").matcher(mapping).find()) problems.add("step " + id);
        return new Findings(specRefs, javaRefs, List.copyOf(problems));
    }

    static String mapping() throws IOException { return Files.readString(ROOT.resolve("docs/MAPPING.md")); }

    static final Spec SPEC = spec(ROOT.resolve("spec"));
    static final Map<String, String> JAVA = java(ROOT.resolve("src/main/java"));
    static final List<String> STEPS = Arrays.stream(StepKind.values()).map(k -> k.id).toList();

    static Findings check(String mapping) { return check(mapping, SPEC.all(), SPEC.of(MAPPED), JAVA, STEPS); }

    // ------------------------------------------------------------------ tests

    @Test
    void everyNameInTheMappingExistsAndEverySpecNameAndStepIsInIt() throws IOException {
        Findings f = check(mapping());
        assertThat(f.problems()).as("docs/MAPPING.md against spec/ and src/main/java").isEmpty();
        assertThat(f.specNames()).as("spec names checked").isGreaterThan(250);
        assertThat(f.javaNames()).as("Java names checked").isGreaterThan(250);
    }

    @Test
    void madeUpNamesAreReportedAndNothingElse() throws IOException {
        String row = "\n| `Exit(p)` | `Kernel.exit` | EINVAL for init |";
        String text = mapping();
        assertThat(text.indexOf(row)).isNotNegative().isEqualTo(text.lastIndexOf(row));
        String broken = text.replace(row, "\n| `Frobnicate(p)` | `Kernel.frobnicate`, `Frobber`, `Kernel.exit` | |" + row);
        assertThat(check(broken).problems()).containsExactly("spec Frobnicate(p)", "java Kernel.frobnicate", "java Frobber");
    }

    @Test
    void aRenamedOperatorAForgottenStepAndALostSectionAreReported() throws IOException {
        String text = mapping();
        String broken = text.replace("`CheckPid`", "`CheckPidd`").replace("Sigqueue", "Sigq").replace("## Step names", "## Steps");
        assertThat(check(broken).problems()).containsExactly("spec CheckPidd", "section Step names", "unmapped CheckPid", "step Sigqueue");
    }

    @Test
    void theSpecSideReadsDefinitionsConstantsAndVariables() {
        String module = String.join("\n",
                "---- MODULE M ----",
                "EXTENDS Naturals",
                "CONSTANTS",
                "    A,     \\* a comment, with a comma",
                "    B",
                "CONSTANT C   \\* one",
                "VARIABLES x, y,",
                "    z",
                "VARIABLE w",
                "RECURSIVE F(_)",
                "F(n) == IF n = 0 THEN 0 ELSE F(n - 1)",
                "G == LET H == 1 IN H",
                "\\* K == 2",
                "====");
        assertThat(tlaNames(module)).containsExactlyInAnyOrder("A", "B", "C", "x", "y", "z", "w", "F", "G");
    }

    @Test
    void theJavaSideTellsADeclarationFromAUse() {
        String source = withoutJavaComments(String.join("\n",
                "public record R(int pid, List<Integer> line) {",
                "    /** {@link #ghost} int ghost = 1; */",
                "    public static final long EAGAIN = -1, ECHILD = -2;",
                "    enum E {",
                "        ONE(1),",
                "        TWO(2);",
                "    }",
                "    record Node(int id) {}",
                "    int[][] env, envBy;",
                "    World spawn(World w) { return other(w); }",
                "    void f() { x.called(1); g(used); new Made(); }",
                "}"));
        for (String m : List.of("pid", "line", "EAGAIN", "ECHILD", "ONE", "TWO", "Node", "env", "envBy", "spawn")) {
            assertThat(declares(source, m)).as(m).isTrue();
        }
        for (String m : List.of("ghost", "other", "called", "used", "Made")) assertThat(declares(source, m)).as(m).isFalse();
    }
}
