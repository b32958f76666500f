package adoptsig.tlc;

import adoptsig.InputError;
import adoptsig.system.Bounds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TLC model configs. Every catalogued model's cfg is generated ({@link #text}); a cfg written
 * by hand (a user's own bounds) is read with {@link #read}: its constants become Bounds, its
 * INVARIANT(S)/PROPERTY(IES) the properties to check. Errors say file:line.
 */
public final class CfgFile {
    private static final Set<String> KEYWORDS = Set.of("CONSTANT", "CONSTANTS", "SPECIFICATION", "INIT", "NEXT",
            "INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES", "CONSTRAINT", "CONSTRAINTS", "ACTION_CONSTRAINT",
            "ACTION_CONSTRAINTS", "SYMMETRY", "VIEW", "CHECK_DEADLOCK");
    private static final List<String> CONSTANTS = List.of("MaxPid", "Services", "SigLimit", "Idiom", "DanceSync", "Workers", "Supervisor",
            "Outside", "Strangers", "Without");

    private final Path file;
    /** operator -> line where the cfg names it. */
    private final Map<String, Integer> properties = new LinkedHashMap<>();
    private final Map<String, String> constants = new LinkedHashMap<>();
    private String specification;

    private CfgFile(Path file) { this.file = file; }

    /** The cfg TLC checks: the constants, the mechanism's specification, and the operators to check. */
    public static String text(String comment, Bounds b, List<String> invariants, List<String> properties) {
        StringBuilder s = new StringBuilder();
        for (String line : comment.split("\n")) s.append("\\* ").append(line).append('\n');
        s.append(b.cfgText());
        if (!invariants.isEmpty()) s.append("INVARIANTS\n");
        for (String i : invariants) s.append("    ").append(i).append('\n');
        if (!properties.isEmpty()) s.append("PROPERTIES\n");
        for (String p : properties) s.append("    ").append(p).append('\n');
        return s.toString();
    }

    public static CfgFile read(Path file) {
        if (!Files.isRegularFile(file)) throw new InputError("missing model config " + file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputError("cannot read " + file + ": " + e.getMessage());
        }
        CfgFile cfg = new CfgFile(file);
        String section = null;
        for (int n = 0; n < lines.size(); n++) {
            String raw = lines.get(n);
            int comment = raw.indexOf("\\*");
            String line = (comment >= 0 ? raw.substring(0, comment) : raw).trim();
            if (line.isEmpty()) continue;
            String[] words = line.split("\\s+");
            String first = words[0];
            int from = 0;
            if (KEYWORDS.contains(first)) {
                section = first;
                from = 1;
            } else if (first.matches("[A-Z][A-Z_]+") && !line.contains("=") && !line.contains("<-")) {
                throw new InputError(file + ":" + (n + 1) + ": unknown config keyword '" + first + "'");
            }
            if (section == null) throw new InputError(file + ":" + (n + 1) + ": text before any config keyword: '" + line + "'");
            if (section.equals("SPECIFICATION") && from < words.length) cfg.specification = words[from];
            if (section.startsWith("CONSTANT") && from < words.length) {
                String def = String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
                int eq = def.indexOf('=');
                if (eq <= 0) throw new InputError(file + ":" + (n + 1) + ": a constant is assigned as NAME = VALUE, not '" + def + "'");
                String name = def.substring(0, eq).trim();
                if (cfg.constants.put(name, def.substring(eq + 1).trim()) != null) throw new InputError(file + ":" + (n + 1) + ": constant " + name + " assigned twice");
            }
            if (!(section.startsWith("INVARIANT") || section.startsWith("PROPERT"))) continue;
            for (int k = from; k < words.length; k++) {
                String id = words[k];
                if (!id.matches("[A-Za-z][A-Za-z0-9_]*")) throw new InputError(file + ":" + (n + 1) + ": '" + id + "' is not a property name");
                if (cfg.properties.putIfAbsent(id, n + 1) != null) throw new InputError(file + ":" + (n + 1) + ": property '" + id + "' named twice");
            }
        }
        if (cfg.specification == null) throw new InputError(file + ": no SPECIFICATION line");
        return cfg;
    }

    public Path file() { return file; }

    /** The operators named under INVARIANT(S) and PROPERTY(IES), in order. */
    public List<String> properties() { return new ArrayList<>(properties.keySet()); }

    public int lineOf(String property) { return properties.getOrDefault(property, 0); }

    /** The model's constants; the SPECIFICATION must be the one of the Supervisor constant's mechanism. */
    public Bounds bounds() {
        for (String c : constants.keySet()) {
            if (!CONSTANTS.contains(c)) throw new InputError(file + ": unknown constant " + c + " (the spec's constants: " + CONSTANTS + ")");
        }
        Bounds b;
        try {
            List<String> services = new ArrayList<>(), strangers = new ArrayList<>();
            for (TlaValue v : value("Services").elements()) services.add(v.asStr());
            for (TlaValue v : value("Strangers").elements()) strangers.add(v.asStr());
            b = new Bounds(intValue("MaxPid"), services, intValue("SigLimit"), value("Idiom").asStr(),
                    value("DanceSync").asBool(), value("Workers").asBool(), value("Supervisor").asStr(), value("Outside").asBool(), strangers, value("Without").asStr());
        } catch (InputError e) {
            throw new InputError(file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new InputError(file + ": bad constant value: " + e.getMessage());
        }
        if (!specification.equals(b.specName())) {
            throw new InputError(file + ": SPECIFICATION must be " + b.specName() + " (the specification of mechanism " + b.supervisor() + "), not " + specification);
        }
        return b;
    }

    /** An integer constant, which must fit an int: a larger one would otherwise be cut to its low 32 bits (4294967299 to 3). */
    private int intValue(String name) {
        long v = value(name).asInt();
        if (v != (int) v) throw new InputError(name + " = " + v + " is out of range (the constants are small numbers: MaxPid 2..62)");
        return (int) v;
    }

    private TlaValue value(String name) {
        String v = constants.get(name);
        if (v == null) throw new InputError("constant " + name + " is not assigned");
        return TlaValueParser.parse(v);
    }
}
