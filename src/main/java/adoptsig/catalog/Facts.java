package adoptsig.catalog;

import adoptsig.InputError;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The kernel facts (properties/facts.tsv), each checked against Linux by the fidelity scenarios
 * and fact scripts it names, or assumed for a stated reason; the scenarios
 * (properties/scenarios.tsv: fixed scripts of process operations, run on Linux and on the Java
 * kernel side by side); and the fact scripts (properties/fact-scripts.tsv: raw driver commands
 * with the reply Linux must give, for the behaviours the model does not represent).
 */
public record Facts(List<Fact> facts, Map<String, Scenario> scenarios, Map<String, FactScript> factScripts) {
    /** A fact: scenarios names the scenarios and fact scripts that check it (empty when it is assumed). */
    public record Fact(String id, String behaviour, List<String> scenarios, String assumedBecause) {
        public boolean checked() { return !scenarios.isEmpty(); }
    }

    public record Scenario(String name, int maxPid, int sigLimit, List<String> script, String where) {}

    /** One command of a fact script: what Linux must answer (a regular expression the whole reply matches), and why. */
    public record FactStep(String command, Pattern expect, String note, String where) {}

    /** A fact script: the fact of facts.tsv it checks, and its commands in order. */
    public record FactScript(String name, String fact, List<FactStep> steps, String where) {}

    /** The same catalogue without scenarios or fact scripts (tests that run only random scripts). */
    public Facts withoutScripts() { return new Facts(facts, Map.of(), Map.of()); }

    public static Facts load(Path root) {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        for (Tsv.Row r : Tsv.read(root.resolve("properties/scenarios.tsv"), "scenario", "maxPid", "sigLimit", "script")) {
            String name = r.get("scenario");
            int maxPid = number(r, "maxPid", 3, 62);
            int rt = number(r, "sigLimit", 1, 1000);
            List<String> script = Arrays.stream(r.get("script").split("\\s+")).filter(x -> !x.isEmpty()).toList();
            if (scenarios.put(name, new Scenario(name, maxPid, rt, script, r.where())) != null) {
                throw new InputError(r.where() + ": scenario '" + name + "' appears twice");
            }
        }
        Map<String, FactScript> scripts = new LinkedHashMap<>();
        Map<String, List<FactStep>> steps = new LinkedHashMap<>();
        String current = null;
        for (Tsv.Row r : Tsv.read(root.resolve("properties/fact-scripts.tsv"), "script", "fact", "command", "expect", "note")) {
            String name = r.get("script");
            String fact = r.get("fact");
            if (!name.equals(current)) {
                if (scripts.containsKey(name)) throw new InputError(r.where() + ": the rows of fact script '" + name + "' must be consecutive");
                if (scenarios.containsKey(name)) throw new InputError(r.where() + ": '" + name + "' is a scenario's name too");
                current = name;
                steps.put(name, new ArrayList<>());
                scripts.put(name, new FactScript(name, fact, steps.get(name), r.where()));
            } else if (!scripts.get(name).fact().equals(fact)) {
                throw new InputError(r.where() + ": fact script '" + name + "' checks fact '" + scripts.get(name).fact() + "', not '" + fact + "'");
            }
            Pattern p;
            try {
                p = Pattern.compile(r.get("expect"));
            } catch (PatternSyntaxException e) {
                throw new InputError(r.where() + ": expect is not a regular expression: " + e.getDescription());
            }
            String note = r.get("note");
            steps.get(name).add(new FactStep(r.get("command"), p, note.equals("-") ? "" : note, r.where()));
        }
        Map<String, FactScript> factScripts = new LinkedHashMap<>();
        scripts.forEach((n, f) -> factScripts.put(n, new FactScript(n, f.fact(), List.copyOf(steps.get(n)), f.where())));
        List<Fact> facts = new ArrayList<>();
        for (Tsv.Row r : Tsv.read(root.resolve("properties/facts.tsv"), "fact", "behaviour", "checked by", "assumed because")) {
            String s = r.get("checked by");
            String why = r.get("assumed because");
            List<String> names = s.equals("-") ? List.of() : Arrays.stream(s.split(",")).map(String::trim).toList();
            for (String n : names) {
                if (!scenarios.containsKey(n) && !factScripts.containsKey(n)) {
                    throw new InputError(r.where() + ": no scenario or fact script '" + n + "' (properties/scenarios.tsv, fact-scripts.tsv)");
                }
                if (factScripts.containsKey(n) && !factScripts.get(n).fact().equals(r.get("fact"))) {
                    throw new InputError(r.where() + ": fact script '" + n + "' says it checks fact '" + factScripts.get(n).fact() + "'");
                }
            }
            if (names.isEmpty() == why.equals("-")) {
                throw new InputError(r.where() + ": a fact is either checked (by scenarios or fact scripts) or assumed for a reason (one of the two columns is '-')");
            }
            facts.add(new Fact(r.get("fact"), r.get("behaviour"), names, why.equals("-") ? "" : why));
        }
        for (FactScript f : factScripts.values()) {
            boolean named = facts.stream().anyMatch(x -> x.id().equals(f.fact()) && x.scenarios().contains(f.name()));
            if (!named) throw new InputError(f.where() + ": fact script '" + f.name() + "' checks fact '" + f.fact()
                    + "', whose row in properties/facts.tsv does not name it");
        }
        return new Facts(List.copyOf(facts), scenarios, factScripts);
    }

    private static int number(Tsv.Row r, String column, int min, int max) {
        try {
            int n = Integer.parseInt(r.get(column));
            if (n < min || n > max) throw new InputError(r.where() + ": " + column + " must be " + min + ".." + max + ", not " + n);
            return n;
        } catch (NumberFormatException e) {
            throw new InputError(r.where() + ": " + column + " is not a number: " + r.get(column));
        }
    }
}
