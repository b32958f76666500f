package adoptsig.daemon;

import java.util.List;

/**
 * A model's constants (spec: MaxPid, Services, RtLimit, Idiom, DanceSync, Workers), read from
 * the same cfg TLC reads, so that the Java explorer and TLC check the same finite model.
 */
public record Bounds(int maxPid, List<String> services, int rtLimit, String idiom, boolean danceSync, boolean workers) {
    public Bounds {
        services = List.copyOf(services);
        if (!idiom.equals("dance") && !idiom.equals("free")) throw new IllegalArgumentException("Idiom must be dance or free");
    }
}
