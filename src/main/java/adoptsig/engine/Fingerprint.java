package adoptsig.engine;

import adoptsig.kernel.Adoption;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.kernel.Step;
import adoptsig.system.World;

import java.util.TreeMap;

/**
 * A 64-bit fingerprint of a world (a mix of every field), so that the explorer stores 8 bytes per visited state and
 * never compares whole worlds, as TLC does with its own fingerprints. Two different worlds
 * could in principle collide; the explorer's counts are compared with TLC's, and the state
 * sets themselves are compared by the lockstep conformance check, which does not use this.
 */
public final class Fingerprint {
    private Fingerprint() {}

    private static long mix(long h, long v) {
        long z = h ^ (v + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long of(World w) {
        KernelState k = w.kernel();
        long h = 0x243F6A8885A308D3L;
        for (Proc p : k.procs()) {
            h = mix(h, p.state().ordinal() | (long) p.parent() << 8 | (long) p.pgid() << 16 | (long) p.sid() << 24
                    | (p.adoptSig() ? 1L << 32 : 0) | (p.subreaper() ? 1L << 33 : 0) | (p.danced() ? 1L << 34 : 0));
            h = mix(h, p.svc().hashCode());
        }
        h = mix(h, k.ttySession() | (long) k.lastPid() << 8 | (long) k.sigchld() << 16);
        h = mix(h, k.everUsed());
        h = mix(h, k.joined().size());
        for (int j : k.joined()) h = mix(h, j);
        h = mix(h, k.rtq().size());
        for (Adoption a : k.rtq()) h = mix(h, a.pid() | (long) a.prev() << 8 | (a.line() == null ? 0 : (long) a.line().hashCode() << 16));
        h = mix(h, k.adoptMode().hashCode());
        for (var m : k.kept()) h = mix(h, m.hashCode());
        Step s = k.lastAction();
        h = mix(h, s.name().hashCode());
        h = mix(h, s.actor() | (long) s.target() << 8 | (long) s.dropped() << 16 | (s.zadopt() ? 1L << 24 : 0) | (s.reused() ? 1L << 25 : 0));
        for (String pc : w.pc()) h = mix(h, pc.hashCode());
        h = mix(h, new java.util.TreeSet<>(w.begun()).hashCode());
        for (String svc : new TreeMap<>(w.tracked()).keySet()) {   // every per-service field, service by service
            h = mix(h, svc.hashCode());
            h = mix(h, w.tracked().get(svc));
            h = mix(h, w.gone().get(svc));
            h = mix(h, w.status().get(svc).hashCode());
            h = mix(h, w.pidfile().get(svc) | (long) w.forksLeft().get(svc) << 8);
        }
        long pend = 0;
        for (Adoption a : w.pending()) pend += mix(0x51, a.pid() | (long) a.prev() << 8);   // order-free sum
        h = mix(h, pend);
        h = mix(h, w.carried().svc().hashCode());
        h = mix(h, w.carried().pid());
        return mix(h, w.supPc().hashCode());
    }

    /**
     * The world with two services' names exchanged everywhere they occur (the processes' service
     * tags and every per-service field of the supervisor); PIDs, programs and the kernel's other
     * fields stay. When both services run the same program, this is a symmetry of the system.
     */
    public static World swap(World w, String a, String b) {
        KernelState k = w.kernel();
        java.util.List<Proc> procs = new java.util.ArrayList<>();
        for (Proc p : k.procs()) {
            String svc = p.svc().equals(a) ? b : p.svc().equals(b) ? a : p.svc();
            procs.add(svc.equals(p.svc()) ? p : new Proc(p.pid(), p.state(), p.parent(), p.pgid(), p.sid(), p.adoptSig(), p.subreaper(), svc, p.danced()));
        }
        KernelState k2 = new KernelState(k.maxPid(), k.sigLimit(), procs, k.ttySession(), k.lastPid(), k.everUsed(), k.joined(), k.sigchld(),
                k.rtq(), k.adoptMode(), k.kept(), k.lastAction());
        String csvc = w.carried().svc().equals(a) ? b : w.carried().svc().equals(b) ? a : w.carried().svc();
        return new World(k2, w.pc(), w.begun(), swapKeys(w.tracked(), a, b), swapKeys(w.gone(), a, b), swapKeys(w.status(), a, b), w.supPc(),
                new World.Carried(csvc, w.carried().pid()), w.pending(), swapKeys(w.pidfile(), a, b), swapKeys(w.forksLeft(), a, b));
    }

    private static <V> java.util.Map<String, V> swapKeys(java.util.Map<String, V> m, String a, String b) {
        java.util.Map<String, V> out = new java.util.HashMap<>(m);
        if (m.containsKey(a) && m.containsKey(b)) { out.put(a, m.get(b)); out.put(b, m.get(a)); }
        return out;
    }

    /** The fingerprint of a world's class under exchanging services a and b: the smaller of the two. */
    public static long symmetric(World w, String a, String b) {
        return Math.min(of(w), of(swap(w, a, b)));
    }
}
