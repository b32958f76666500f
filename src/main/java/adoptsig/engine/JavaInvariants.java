package adoptsig.engine;

import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.supervisor.InitSteps;
import adoptsig.supervisor.Ptrace;
import adoptsig.supervisor.Supervisor;
import adoptsig.system.World;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The catalogue's state invariants evaluated on Java worlds, under the catalogue's ids (the
 * same operators as in spec/Properties.tla, whose conjuncts the comments quote). The random conformance tests evaluate both sides on every state and require
 * agreement; the replay of TLC counterexamples requires Java to see the same violation.
 */
public final class JavaInvariants {
    private JavaInvariants() {}

    /** Spec: DaemonPcs \cup ReaperPcs. */
    private static final Set<String> PCS = Set.of("d0", "d1", "d2", "exit", "daemon", "worker", "a0", "a1", "await", "r0", "r1", "daemon2",
            "none", "init", "free", "dead", "reaper0", "reaper1", "reaper");
    private static final Set<String> STATUS = Set.of("never", "running", "stopped");

    /** The invariants under a supervision mechanism (Believed is the mechanism's), by catalogue id. */
    public static Map<String, Predicate<World>> of(Supervisor sup) {
        Map<String, Predicate<World>> all = new LinkedHashMap<>();
        all.put("TypeInv", JavaInvariants::typeInv);
        all.put("LiveParentInv", JavaInvariants::liveParentInv);
        all.put("PidNamesOneProcessInv", JavaInvariants::pidNamesOneProcessInv);
        all.put("InitNeverExitsInv", w -> w.kernel().proc(Kernel.INIT).running());
        all.put("SoundAttributionInv", w -> soundAttributionInv(w, sup));
        all.put("RunningReportedInv", JavaInvariants::runningReportedInv);
        all.put("TracksLiveProcessInv", w -> tracksLiveProcessInv(w, sup));
        return all;
    }

    static boolean typeInv(World w) {
        KernelState k = w.kernel();
        int n = k.maxPid();
        for (Proc p : k.procs()) {
            if (p.parent() < 0 || p.parent() > n || p.pgid() < 0 || p.pgid() > n || p.sid() < 0 || p.sid() > n) return false;
        }
        if (k.ttySession() < 0 || k.ttySession() > n || k.lastPid() < 1 || k.lastPid() > n) return false;
        if (k.sigchld() < 0 || k.sigchld() > n) return false;
        if (k.rtq().size() > (k.adoptMode().equals("standard") ? 1 : k.sigLimit())) return false;
        for (var a : k.rtq()) if (!k.valid(a.pid()) || !k.valid(a.prev())) return false;
        if (!KernelState.ADOPT.contains(k.adoptMode())) return false;
        java.util.Set<Integer> inUse = new java.util.HashSet<>(), listed = new java.util.HashSet<>(k.joined());   // JoinedTypeInv
        for (Proc p : k.procs()) if (p.pid() != Kernel.INIT && p.inUse()) inUse.add(p.pid());
        if (!inUse.equals(listed) || listed.size() != k.joined().size()) return false;
        if (!SUP_PCS.contains(w.supPc())) return false;
        for (String pc : w.pc()) if (!PCS.contains(pc)) return false;
        for (String s : w.status().values()) if (!STATUS.contains(s)) return false;
        for (int q : w.pidfile().values()) if (q < 0 || q > n) return false;
        for (int f : w.forksLeft().values()) if (f < 0 || f > Ptrace.EXPECT_FORKS) return false;
        return w.carried().pid() >= 0 && w.carried().pid() <= n
                && (w.carried().svc().equals(Proc.NO_SVC) || w.status().containsKey(w.carried().svc()));
    }

    /** Spec: the values SupPcTypeInv allows supPc. */
    static final java.util.Set<String> SUP_PCS = java.util.Set.of("idle", "reaping", "peek", "drain", "reap", "collect", "kill", "probe");

    /** Spec: Drained: no zombie child of init, no adoption signal queued, no report kept. */
    public static boolean drained(World w) { return drained(w.kernel()); }

    /** Spec: Drained, of a kernel state. */
    public static boolean drained(KernelState k) {
        return k.initZombies().isEmpty() && k.rtq().isEmpty() && k.kept().isEmpty();
    }

    /** \A p \in OtherPids : InUse(p) => Running(parent[p]) */
    static boolean liveParentInv(World w) {
        KernelState k = w.kernel();
        for (Proc p : k.procs()) {
            if (p.pid() == Kernel.INIT || !p.inUse()) continue;
            if (!k.valid(p.parent()) || !k.proc(p.parent()).running()) return false;
        }
        return true;
    }

    /** \A q : InUse(q) => (InUse(pgid[q]) => pgid[pgid[q]] = pgid[q]) /\ (InUse(sid[q]) => sid[sid[q]] = sid[q]) */
    static boolean pidNamesOneProcessInv(World w) {
        KernelState k = w.kernel();
        for (Proc q : k.procs()) {
            if (!q.inUse()) continue;
            if (k.valid(q.pgid()) && k.proc(q.pgid()).inUse() && k.proc(q.pgid()).pgid() != q.pgid()) return false;
            if (k.valid(q.sid()) && k.proc(q.sid()).inUse() && k.proc(q.sid()).sid() != q.sid()) return false;
        }
        return true;
    }

    /** \A s : \A p \in Believed(s) : InUse(p) => svc[p] = s */
    static boolean soundAttributionInv(World w, Supervisor sup) {
        for (String s : w.tracked().keySet()) {
            long b = sup.believed(w, s);
            for (int p = 1; p <= w.kernel().maxPid(); p++) {
                if (!World.has(b, p)) continue;
                Proc x = w.kernel().proc(p);
                if (x.inUse() && !x.svc().equals(s)) return false;
            }
        }
        return true;
    }

    /** \A s : Lives(s) => status[s] = "running" */
    static boolean runningReportedInv(World w) {
        for (String s : w.status().keySet()) if (w.lives(s) && !w.status().get(s).equals("running")) return false;
        return true;
    }

    /** Drained => \A s : Lives(s) => \E p \in Believed(s) : Running(p) /\ svc[p] = s */
    static boolean tracksLiveProcessInv(World w, Supervisor sup) {
        if (!drained(w)) return true;
        for (String s : w.status().keySet()) {
            if (!w.lives(s)) continue;
            boolean named = false;
            long b = sup.believed(w, s);
            for (int p = 1; p <= w.kernel().maxPid(); p++) {
                if (!World.has(b, p)) continue;
                Proc x = w.kernel().proc(p);
                if (x.running() && x.svc().equals(s)) named = true;
            }
            if (!named) return false;
        }
        return true;
    }

}
