package adoptsig.engine;

import java.util.function.Consumer;

/** Reports a breadth-first search's progress every few seconds (the explorer's, the safety check's, the conformance check's). */
public final class Progress {
    private static final long EVERY = 5_000_000_000L;
    private final Consumer<String> out;
    private final long start = System.nanoTime();
    private long last = start;

    public Progress(Consumer<String> out) { this.out = out; }

    public void tick(long states, long queue) {
        long now = System.nanoTime();
        if (now - last < EVERY) return;
        last = now;
        double s = (now - start) / 1e9;
        out.accept(String.format("  %,d states, %,d left on the queue, %.0f s (%,.0f states/s)", states, queue, s, states / s));
    }
}
