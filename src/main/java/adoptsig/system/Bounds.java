package adoptsig.daemon;

import java.util.List;

/**
 * A model's constants (spec: MaxPid, Services, RtLimit, Idiom, DanceSync, Workers, Supervisor), read from
 * the same cfg TLC reads, so that the Java explorer and TLC check the same finite model.
 */
public record Bounds(int maxPid, List<String> services, int rtLimit, String idiom, boolean danceSync, boolean workers,
                     String supervisor) {
    /** Spec: the values of the constant Supervisor. */
    public static final List<String> SUPERVISORS = List.of("rfc", "rfcBest", "rfcStd", "classic", "cgroup", "subreaper",
            "pidfile", "ptrace");
    /** Spec: the values of the constant Idiom. */
    public static final List<String> IDIOMS = List.of("noFork", "dance", "apue", "reexec", "free");

    /** Spec: Supervisor \in {"rfc", "rfcBest", "rfcStd"}: init asks for adoption signals at boot. */
    public boolean initAdopt() { return supervisor.startsWith("rfc"); }

    public Bounds {
        services = List.copyOf(services);
        if (!SUPERVISORS.contains(supervisor)) throw new IllegalArgumentException("Supervisor must be one of " + SUPERVISORS);
        if (!IDIOMS.contains(idiom)) throw new IllegalArgumentException("Idiom must be one of " + IDIOMS);
        if (supervisor.equals("rfcStd") && rtLimit != 1) throw new IllegalArgumentException("Supervisor \"rfcStd\" needs RtLimit = 1 (a standard signal is pending at most once)");
    }
}
