package adoptsig.daemon;

import java.util.List;

/**
 * A model's constants (spec: MaxPid, Services, RtLimit, Idiom, DanceSync, Workers, Supervisor), read from
 * the same cfg TLC reads, so that the Java explorer and TLC check the same finite model.
 */
public record Bounds(int maxPid, List<String> services, int rtLimit, String idiom, boolean danceSync, boolean workers,
                     String supervisor) {
    /** Spec: the values of the constant Supervisor. */
    public static final List<String> SUPERVISORS = List.of("rfc", "rfcBest", "classic", "cgroup");

    /** Spec: Supervisor \in {"rfc", "rfcBest"}: init asks for adoption signals at boot. */
    public boolean initAdopt() { return supervisor.equals("rfc") || supervisor.equals("rfcBest"); }

    public Bounds {
        services = List.copyOf(services);
        if (!SUPERVISORS.contains(supervisor)) throw new IllegalArgumentException("Supervisor must be one of " + SUPERVISORS);
        if (!idiom.equals("dance") && !idiom.equals("free")) throw new IllegalArgumentException("Idiom must be dance or free");
    }
}
