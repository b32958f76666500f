package adoptsig.game;

import adoptsig.InputError;
import adoptsig.system.Bounds;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The constants of one check of every supervisor at once: the bounds of the system (spec:
 * the constants of Kernel.tla and Daemons.tla), the services init starts, the strangers (open
 * world: daemons init did not start), the interface under test, and what is assumed of init:
 * its start regime ("eager": it starts every service without waiting for any daemon;
 * "settled": it may wait until every daemon has come to rest) and the optional calls it may
 * not make ({@code without}: probes, waitid's WNOWAIT, waitpid of one PID, one read of both
 * signals).
 */
public record Setting(int maxPid, List<String> services, List<String> strangers, int sigLimit, String program, boolean sync,
                      boolean workers, boolean outside, Interface iface, String regime, Set<Call> without) {
    public static final List<String> REGIMES = List.of("eager", "settled");

    public Setting {
        services = List.copyOf(services);
        strangers = List.copyOf(strangers);
        without = without.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(without));
        if (services.isEmpty()) throw new InputError("a check of every supervisor needs at least one service");
        if (services.size() + strangers.size() > 8) throw new InputError("at most 8 services and strangers");
        for (String s : strangers) if (services.contains(s)) throw new InputError("'" + s + "' is both a service and a stranger");
        if (!REGIMES.contains(regime)) throw new InputError("the start regime must be one of " + REGIMES + ", not '" + regime + "'");
        for (Call c : without) if (!c.optional) throw new InputError("init cannot be denied the call " + c.id);
        new Bounds(maxPid, services, sigLimit, program, sync, workers, "classic", outside, strangers, "none");   // valid constants
    }

    /** A setting with init's whole alphabet but probes, in the eager regime. */
    public Setting(int maxPid, List<String> services, List<String> strangers, int sigLimit, String program, boolean sync,
                   boolean workers, boolean outside, Interface iface) {
        this(maxPid, services, strangers, sigLimit, program, sync, workers, outside, iface, "eager", Set.of(Call.PROBE));
    }

    /** Whether init may make this call. */
    public boolean allows(Call c) { return !without.contains(c); }

    /** Whether init may probe the PID cursor. */
    public boolean probes() { return allows(Call.PROBE); }

    public Setting withRegime(String r) { return new Setting(maxPid, services, strangers, sigLimit, program, sync, workers, outside, iface, r, without); }

    public Setting withWithout(Set<Call> w) { return new Setting(maxPid, services, strangers, sigLimit, program, sync, workers, outside, iface, regime, w); }

    public Setting withInterface(Interface i) { return new Setting(maxPid, services, strangers, sigLimit, program, sync, workers, outside, i, regime, without); }

    /** The constants of each copy: the kernel and the daemons of every service and stranger. */
    public Bounds copies() {
        return new Bounds(maxPid, services, sigLimit, program, sync, workers, "classic", outside, strangers, "none");
    }

    /** Index of a service in the bit mask of started ones. */
    public int index(String s) { return services.indexOf(s); }
}
