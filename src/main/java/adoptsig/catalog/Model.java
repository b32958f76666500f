package adoptsig.catalog;

/**
 * A finite model: a TLA+ module (MC*.tla) and a cfg of the same name in spec/, with its
 * suite (fast: under 10 s; default: part of `check` without arguments; large: only when
 * named), the distinct-state count and depth TLC must reproduce, and its expected runtime.
 */
public record Model(String name, String module, String suite, long distinct, int depth, int seconds, String description) {
    static Model of(Tsv.Row r) {
        String name = r.get("model");
        String module = r.get("module");
        if (!name.startsWith(module)) throw new InputError(r.where() + ": model '" + name + "' must start with its module name '" + module + "'");
        String suite = r.get("suite");
        if (!suite.matches("fast|default|large")) throw new InputError(r.where() + ": suite must be fast, default or large, not '" + suite + "'");
        try {
            return new Model(name, module, suite, Long.parseLong(r.get("distinct")), Integer.parseInt(r.get("depth")),
                    Integer.parseInt(r.get("seconds")), r.get("description"));
        } catch (NumberFormatException e) {
            throw new InputError(r.where() + ": distinct, depth and seconds must be integers");
        }
    }

    public String cfgFile() { return name + ".cfg"; }
}
