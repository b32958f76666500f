package adoptsig.product;

import adoptsig.InputError;
import adoptsig.system.Bounds;

import java.util.List;

/**
 * The constants of one indistinguishability check (spec: the constants of
 * Indistinguishability.tla): the bounds of the two copies, the services init starts, the
 * strangers (open world: services init did not start), and the interface under test.
 */
public record Setting(int maxPid, List<String> services, List<String> strangers, int sigLimit, String program, boolean sync,
                      boolean workers, boolean outside, Interface iface) {
    public Setting {
        services = List.copyOf(services);
        strangers = List.copyOf(strangers);
        if (services.isEmpty()) throw new InputError("an indistinguishability check needs at least one service");
        if (services.size() + strangers.size() > 8) throw new InputError("at most 8 services and strangers");
        for (String s : strangers) if (services.contains(s)) throw new InputError("'" + s + "' is both a service and a stranger");
        if (iface == Interface.RFC_STD && sigLimit != 1) throw new InputError("interface rfcStd needs SigLimit = 1 (a standard signal is pending at most once)");
        new Bounds(maxPid, services, sigLimit, program, sync, workers, "classic", outside, strangers, "none");   // valid constants
    }

    /** The constants of each copy: the kernel and the daemons of every service and stranger. */
    public Bounds copies() {
        return new Bounds(maxPid, services, sigLimit, program, sync, workers, "classic", outside, strangers, "none");
    }

    /** Index of a service in the bit mask of started ones. */
    int index(String s) { return services.indexOf(s); }

    /** The cfg TLC checks for this setting. */
    public String cfgText(List<String> invariants) {
        StringBuilder s = new StringBuilder("CONSTANTS\n");
        s.append("    MaxPid = ").append(maxPid).append('\n');
        s.append("    Services = {").append(String.join(", ", services.stream().map(x -> '"' + x + '"').toList())).append("}\n");
        s.append("    Strangers = {").append(String.join(", ", strangers.stream().map(x -> '"' + x + '"').toList())).append("}\n");
        s.append("    SigLimit = ").append(sigLimit).append('\n');
        s.append("    Idiom = \"").append(program).append("\"\n");
        s.append("    DanceSync = ").append(sync ? "TRUE" : "FALSE").append('\n');
        s.append("    Workers = ").append(workers ? "TRUE" : "FALSE").append('\n');
        s.append("    Outside = ").append(outside ? "TRUE" : "FALSE").append('\n');
        s.append("    Interface = \"").append(iface.id).append("\"\n");
        s.append("SPECIFICATION Spec\n");
        if (!invariants.isEmpty()) s.append("INVARIANTS\n");
        for (String i : invariants) s.append("    ").append(i).append('\n');
        return s.toString();
    }
}
