package adoptsig.game;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Small checks of every supervisor for the game tests, as `answer` configures them (closed
 * world: services a and b; open: service a and the stranger x; RLIMIT_SIGPENDING 4, no
 * probes), each arena and belief-game verdict built once for all tests.
 */
final class Cells {
    private Cells() {}

    private static final Map<String, Arena> ARENAS = new ConcurrentHashMap<>();
    private static final Map<String, BeliefGame.Result> BELIEFS = new ConcurrentHashMap<>();

    /** world: closed or open; idiom: noFork, dance or apue; regime: eager or settled. */
    static Setting setting(String world, String idiom, String iface, int maxPid, String regime) {
        return setting(world, idiom, iface, maxPid, regime, Set.of(Call.PROBE));
    }

    /** The same with the calls init may not make given (no probes: {@code Set.of(Call.PROBE)}). */
    static Setting setting(String world, String idiom, String iface, int maxPid, String regime, Set<Call> without) {
        boolean closed = world.equals("closed");
        return new Setting(maxPid, closed ? List.of("a", "b") : List.of("a"), closed ? List.of() : List.of("x"), 4, idiom, false, false, false,
                Interface.of(adoptsig.Fixtures.PROJECT.answers().iface(iface)), regime, without);
    }

    /** The arena of a check named world-idiom-interface-pids-regime, e.g. closed-noFork-classic-3-eager. */
    static Arena arena(String name) {
        return ARENAS.computeIfAbsent(name, n -> {
            String[] p = n.split("-");
            return new Arena(setting(p[0], p[1], p[2], Integer.parseInt(p[3]), p[4])).build(x -> {}, 1_000_000);
        });
    }

    /** The belief game's result on the check (not mutated). */
    static BeliefGame.Result belief(String name) {
        return BELIEFS.computeIfAbsent(name, n -> new BeliefGame(arena(n)).solve(x -> {}, 1_000_000, 5_000_000));
    }
}
