package adoptsig.game;

import adoptsig.kernel.Adoption;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Result;
import adoptsig.system.Bounds;
import adoptsig.system.World;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why the closed world's "possible" at 4 PIDs says nothing about SIGCHLD and waitpid on a real
 * machine: with 7 PIDs (init's included) and init starting both services at once (the eager
 * regime), two dancing services race so that init can never tell which of two PIDs is a's
 * daemon. Both behaviours share a prefix (init spawns a and b; each first process forks, exits;
 * each child calls setsid) and differ only in which child forks first (X1: a's child, so a's
 * daemon is 6 and b's is 7; X2: b's child first, so a's daemon is 7). Every call of init's
 * classic alphabet (sigtimedwait for SIGCHLD, waitpid(-1), waitid WNOWAIT, waitpid(pid) for every
 * PID) returns the same in both, whatever order init makes them in; so wherever init has read
 * everything, no set of PIDs is sound in both copies and names a running process of a, and no
 * supervisor meets SoundAttribution and TracksLiveProcess. The RFC's adoption signal tells the
 * two apart (it names the adopted daemon): the check is shown to fail there.
 */
class ClosedClassicRaceTest {
    static final Kernel K = new Kernel();

    static KernelState ok(Result<KernelState> r) {
        assertThat(r.ok()).as(r.toString()).isTrue();
        return r.state();
    }

    static int value(Result<KernelState> r) { return ((Result.Ok<KernelState>) r).value(); }

    /** The two behaviours' last states, [X1, X2], and a's daemon in each. */
    record Race(KernelState x1, KernelState x2, int aDaemon1, int aDaemon2) {}

    static Race race(String adopt) {
        Bounds b = new Bounds(7, List.of("a", "b"), 4, "dance", false, false, "classic", false, List.of(), "none");
        KernelState s = World.boot(b, adopt).kernel();
        Result<KernelState> r = K.fork(s, Kernel.INIT, "a", "Spawn"); int a0 = value(r); s = r.state();
        r = K.fork(s, Kernel.INIT, "b", "Spawn"); int b0 = value(r); s = r.state();
        r = K.fork(s, a0); int a1 = value(r); s = r.state();
        r = K.fork(s, b0); int b1 = value(r); s = r.state();
        s = ok(K.exit(s, a0));
        s = ok(K.exit(s, b0));
        s = ok(K.setsid(s, a1));
        s = ok(K.setsid(s, b1));
        r = K.fork(s, a1); int x1a = value(r); KernelState x1 = ok(K.fork(r.state(), b1));
        r = K.fork(s, b1); r = K.fork(r.state(), a1); int x2a = value(r); KernelState x2 = r.state();
        x1 = ok(K.exit(ok(K.exit(x1, a1)), b1));
        x2 = ok(K.exit(ok(K.exit(x2, a1)), b1));
        return new Race(x1, x2, x1a, x2a);
    }

    /** What one call of init returns: its value or its errno, and what it read. */
    static String said(Result<KernelState> r, Adoption[] read) {
        return (r.ok() ? Integer.toString(value(r)) : r.toString()) + (read != null && read[0] != null ? " " + read[0] : "");
    }

    /** Explores every sequence of init's calls from the pair; the number of pairs where init has read everything, or -1 if some call tells the copies apart. */
    static int explore(Race race, boolean adoptionSignal, List<Set<Integer>> soundAndNamingA) {
        List<Function<KernelState, Object[]>> calls = new ArrayList<>();
        calls.add(k -> new Object[] {K.readSigchld(k), null});
        calls.add(k -> new Object[] {K.waitAny(k), null});
        calls.add(k -> new Object[] {K.peek(k), null});
        for (int c = 2; c <= 7; c++) { int cc = c; calls.add(k -> new Object[] {K.waitPid(k, cc), null}); }
        if (adoptionSignal) calls.add(k -> { Adoption[] out = new Adoption[1]; return new Object[] {K.readAdoption(k, out), out}; });
        Deque<KernelState[]> queue = new ArrayDeque<>();
        Set<List<KernelState>> seen = new HashSet<>();
        queue.add(new KernelState[] {race.x1(), race.x2()});
        int drained = 0;
        while (!queue.isEmpty()) {
            KernelState[] p = queue.poll();
            if (!seen.add(List.of(p[0], p[1]))) continue;
            for (Function<KernelState, Object[]> call : calls) {
                Object[] u = call.apply(p[0]), v = call.apply(p[1]);
                @SuppressWarnings("unchecked") Result<KernelState> ru = (Result<KernelState>) u[0], rv = (Result<KernelState>) v[0];
                if (!said(ru, (Adoption[]) u[1]).equals(said(rv, (Adoption[]) v[1]))) return -1;
                queue.add(new KernelState[] {ru.ok() ? ru.state() : p[0], rv.ok() ? rv.state() : p[1]});
            }
            if (p[0].initZombies().isEmpty() && p[1].initZombies().isEmpty() && p[0].rtq().isEmpty() && p[1].rtq().isEmpty()) {
                drained++;
                // the PIDs init may believe are a's in both copies (none is a process of b in either) that name a running process of a in both
                Set<Integer> good = new HashSet<>();
                for (int q = 2; q <= 7; q++) {
                    boolean sound = !p[0].proc(q).svc().equals("b") && !p[1].proc(q).svc().equals("b");
                    if (sound && p[0].proc(q).running() && p[0].proc(q).svc().equals("a")) good.add(q);
                    if (sound && p[1].proc(q).running() && p[1].proc(q).svc().equals("a")) good.add(q);
                }
                soundAndNamingA.add(good);
            }
        }
        return drained;
    }

    @Test
    void withSigchldAndWaitpidAloneNoSupervisorKnowsWhichPidIsAsDaemon() {
        Race race = race("none");
        assertThat(race.aDaemon1()).isEqualTo(6);
        assertThat(race.aDaemon2()).isEqualTo(7);
        List<Set<Integer>> good = new ArrayList<>();
        int drained = explore(race, false, good);
        assertThat(drained).as("pairs where init has read everything").isPositive();
        // a's daemon runs in both copies, yet no PID init could name for a is sound in both: TracksLiveProcess cannot be met
        assertThat(good).allMatch(Set::isEmpty);
    }

    @Test
    void theAdoptionSignalTellsTheTwoApart() {
        assertThat(explore(race("realtime"), true, new ArrayList<>())).isEqualTo(-1);
    }
}
