package adoptsig.engine;

import adoptsig.system.World;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Java explorer: a breadth-first search over the Java system alone, keeping a 64-bit
 * fingerprint per visited state (as TLC does), reporting its progress every few seconds.
 * Its counts are compared with TLC's; the state sets themselves are compared by the lockstep
 * conformance check.
 */
public final class Explorer {
    private Explorer() {}

    /** The number of distinct reachable worlds. */
    public static long explore(JavaSystem sys, Consumer<String> progress) { return explore(sys, progress, Long.MAX_VALUE); }

    /**
     * The number of distinct reachable worlds; past maxStates, a {@link adoptsig.RunFailure} saying
     * how far it got. It keeps a fingerprint per visited world and the worlds still to expand as
     * packed encodings ({@link PackedWorlds}), level by level.
     */
    public static long explore(JavaSystem sys, Consumer<String> progress, long maxStates) {
        LongSet seen = new LongSet();
        WorldCodec codec = new WorldCodec();
        PackedWorlds level = new PackedWorlds(codec);
        World w0 = sys.init();
        seen.add(Fingerprint.of(w0));
        level.add(w0);
        Progress p = new Progress(progress);
        while (!level.isEmpty()) {
            PackedWorlds next = new PackedWorlds(codec);
            for (int i = 0; i < level.size(); i++) {
                for (World x : sys.successors(level.get(i))) {
                    if (seen.add(Fingerprint.of(x))) next.add(x);
                }
                if (seen.size() > maxStates) {
                    throw new adoptsig.RunFailure(String.format("the explorer stopped past %,d distinct states (%,d still queued): give Java more heap (-Xmx) or a higher --max-states",
                            maxStates, level.size() - i - 1 + next.size()));
                }
                p.tick(seen.size(), level.size() - i - 1 + next.size());
            }
            level = next;
        }
        return seen.size();
    }

    /** Every distinct reachable world, kept whole (for tests and memory measurements). */
    public static Set<World> exploreSet(JavaSystem sys) {
        Set<World> seen = new HashSet<>();
        ArrayDeque<World> queue = new ArrayDeque<>();
        World w0 = sys.init();
        seen.add(w0);
        queue.add(w0);
        while (!queue.isEmpty()) {
            for (World x : sys.successors(queue.poll())) if (seen.add(x)) queue.add(x);
        }
        return seen;
    }
}
