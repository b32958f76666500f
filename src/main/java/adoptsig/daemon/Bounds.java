package adoptsig.daemon;

import java.util.List;

/**
 * A model's constants (spec: MaxPid, Services, RtLimit, Idiom, DanceSync, Workers, Supervisor), read from
 * the same cfg TLC reads, so that the Java explorer and TLC check the same finite model.
 */
public record Bounds(int maxPid, List<String> services, int rtLimit, String idiom, boolean danceSync, boolean workers,
                     String supervisor) {
    public Bounds {
        services = List.copyOf(services);
        if (!supervisor.equals("rfc") && !supervisor.equals("rfcBest")) throw new IllegalArgumentException("Supervisor must be rfc or rfcBest");
        if (!idiom.equals("dance") && !idiom.equals("free")) throw new IllegalArgumentException("Idiom must be dance or free");
    }
}
