package adoptsig.daemon;

import adoptsig.catalog.InputError;
import adoptsig.tlc.CfgFile;
import adoptsig.tlc.TlaValue;
import adoptsig.tlc.TlaValueParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a model's Bounds from the CONSTANTS of its cfg (the same constants TLC uses). */
public final class BoundsReader {
    private BoundsReader() {}

    public static Bounds of(CfgFile cfg) {
        Map<String, String> c = cfg.constants();
        try {
            List<String> services = new ArrayList<>();
            for (TlaValue v : value(cfg, c, "Services").elements()) services.add(v.asStr());
            return new Bounds((int) value(cfg, c, "MaxPid").asInt(), services, (int) value(cfg, c, "RtLimit").asInt(),
                    value(cfg, c, "Idiom").asStr(), value(cfg, c, "DanceSync").asBool(), value(cfg, c, "Workers").asBool(),
                    value(cfg, c, "Supervisor").asStr());
        } catch (IllegalArgumentException e) {
            throw new InputError(cfg.file() + ": bad constant: " + e.getMessage());
        }
    }

    private static TlaValue value(CfgFile cfg, Map<String, String> c, String name) {
        String v = c.get(name);
        if (v == null) throw new InputError(cfg.file() + ": constant " + name + " is not assigned");
        return TlaValueParser.parse(v);
    }

    /** A cfg text for the given bounds (constants and the specification only). */
    public static String cfgText(Bounds b) {
        StringBuilder s = new StringBuilder("CONSTANTS\n");
        s.append("    MaxPid = ").append(b.maxPid()).append('\n');
        s.append("    Services = {").append(String.join(", ", b.services().stream().map(x -> '"' + x + '"').toList())).append("}\n");
        s.append("    RtLimit = ").append(b.rtLimit()).append('\n');
        s.append("    Idiom = \"").append(b.idiom()).append("\"\n");
        s.append("    DanceSync = ").append(b.danceSync() ? "TRUE" : "FALSE").append('\n');
        s.append("    Workers = ").append(b.workers() ? "TRUE" : "FALSE").append('\n');
        s.append("    Supervisor = \"").append(b.supervisor()).append("\"\n");
        s.append("SPECIFICATION Spec\n");
        return s.toString();
    }
}
