package adoptsig.catalog;

import adoptsig.InputError;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel facts (properties/facts.tsv), each checked against Linux by the fidelity
 * scenarios it names or assumed for a stated reason, and those scenarios
 * (properties/scenarios.tsv): fixed scripts of process operations.
 */
public record Facts(List<Fact> facts, Map<String, Scenario> scenarios) {
    public record Fact(String id, String behaviour, List<String> scenarios, String assumedBecause) {
        public boolean checked() { return !scenarios.isEmpty(); }
    }

    public record Scenario(String name, int maxPid, int sigLimit, List<String> script, String where) {}

    public static Facts load(Path root) {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        for (Tsv.Row r : Tsv.read(root.resolve("properties/scenarios.tsv"), "scenario", "maxPid", "sigLimit", "script")) {
            String name = r.get("scenario");
            int maxPid = number(r, "maxPid", 3, 40);
            int rt = number(r, "sigLimit", 1, 1000);
            List<String> script = Arrays.stream(r.get("script").split("\\s+")).filter(x -> !x.isEmpty()).toList();
            if (scenarios.put(name, new Scenario(name, maxPid, rt, script, r.where())) != null) {
                throw new InputError(r.where() + ": scenario '" + name + "' appears twice");
            }
        }
        List<Fact> facts = new ArrayList<>();
        for (Tsv.Row r : Tsv.read(root.resolve("properties/facts.tsv"), "fact", "behaviour", "scenarios", "assumed because")) {
            String s = r.get("scenarios");
            String why = r.get("assumed because");
            List<String> names = s.equals("-") ? List.of() : Arrays.stream(s.split(",")).map(String::trim).toList();
            for (String n : names) {
                if (!scenarios.containsKey(n)) throw new InputError(r.where() + ": no scenario '" + n + "' in properties/scenarios.tsv");
            }
            if (names.isEmpty() == why.equals("-")) {
                throw new InputError(r.where() + ": a fact is either checked by scenarios or assumed for a reason (one of the two columns is '-')");
            }
            facts.add(new Fact(r.get("fact"), r.get("behaviour"), names, why.equals("-") ? "" : why));
        }
        return new Facts(List.copyOf(facts), scenarios);
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
