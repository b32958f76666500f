package adoptsig.system;

import adoptsig.kernel.Adoption;
import adoptsig.kernel.KernelState;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole system as one immutable value: the kernel, the daemon programs' locations, and
 * the supervisor's state (spec: every variable of Kernel.tla, Daemons.tla and
 * Supervisors.tla). Mapping in docs/MAPPING.md. PID sets are bit sets (bit p = PID p);
 * collections are immutable, so a world that changes one field shares the rest.
 *
 * @param kernel    spec: the variables of Kernel.tla
 * @param pc        spec: pc (slot p-1 holds PID p's program location)
 * @param begun     spec: strangersBegun (open world: the strangers that have started)
 * @param tracked   spec: tracked (service -> bit set of PIDs)
 * @param gone      spec: gone (service -> bit set of PIDs)
 * @param status    spec: status ("never", "running", "stopped")
 * @param supPc     spec: supPc (where init is in its loop: "idle", "reaping", "peek", "drain", "reap", "collect", "kill", "probe", ...: SupPcs in spec/Properties.tla lists them all)
 * @param carried   spec: carried (what init carries from one call to the next: a service and a PID, or NO_CARRY)
 * @param pending   spec: pending (rfcWitness: adoption signals parked until their previous parent is known)
 * @param pidfile   spec: pidfile (service -> the PID in its PID file, 0 if not written)
 * @param forksLeft spec: forksLeft (ptrace: service -> forks init will still follow)
 */
public record World(KernelState kernel, List<String> pc, Set<String> begun, Map<String, Long> tracked, Map<String, Long> gone,
                    Map<String, String> status, String supPc, Carried carried, Set<Adoption> pending,
                    Map<String, Integer> pidfile, Map<String, Integer> forksLeft) {
    /** Spec: [svc |-> s, pid |-> p], the value of carried. */
    public record Carried(String svc, int pid) {}

    /** Spec: NoCarry. */
    public static final Carried NO_CARRY = new Carried(adoptsig.kernel.Proc.NO_SVC, adoptsig.kernel.Proc.NO_PID);

    public World {
        pending = Set.copyOf(pending);
        pidfile = Map.copyOf(pidfile);
        forksLeft = Map.copyOf(forksLeft);
        pc = List.copyOf(pc);
        begun = Set.copyOf(begun);
        tracked = Map.copyOf(tracked);
        gone = Map.copyOf(gone);
        status = Map.copyOf(status);
    }

    /** Spec: InitWith(adopt): the initial state at these bounds; adopt: what init asks the kernel for (an adoption mode: "none", "realtime", "standard", "line", "keep"). */
    public static World boot(Bounds b, String adopt) {
        Map<String, Long> empty = new HashMap<>();
        Map<String, String> status = new HashMap<>();
        Map<String, Integer> zero = new HashMap<>();
        for (String s : b.services()) { empty.put(s, 0L); status.put(s, "never"); zero.put(s, 0); }
        String[] pc = new String[b.maxPid()];
        Arrays.fill(pc, "none");
        pc[0] = "init";
        return new World(KernelState.boot(b.maxPid(), b.sigLimit(), adopt), List.of(pc), Set.of(), empty, empty, status, "idle",
                NO_CARRY, Set.of(), zero, zero);
    }

    public static boolean has(long set, int pid) { return (set & (1L << pid)) != 0; }

    public String pc(int pid) { return pc.get(pid - 1); }

    /** Spec: Lives(s): a running process of service s exists. */
    public boolean lives(String s) {
        for (var p : kernel.procs()) if (p.running() && p.svc().equals(s)) return true;
        return false;
    }

    public World withKernel(KernelState k) { return new World(k, pc, begun, tracked, gone, status, supPc, carried, pending, pidfile, forksLeft); }

    public World withPc(int pid, String where) {
        String[] a = pc.toArray(new String[0]);
        a[pid - 1] = where;
        return new World(kernel, List.of(a), begun, tracked, gone, status, supPc, carried, pending, pidfile, forksLeft);
    }

    public World withBegun(String x) {
        Set<String> b = new java.util.HashSet<>(begun);
        b.add(x);
        return new World(kernel, pc, b, tracked, gone, status, supPc, carried, pending, pidfile, forksLeft);
    }

    public World withTracked(Map<String, Long> t) { return new World(kernel, pc, begun, t, gone, status, supPc, carried, pending, pidfile, forksLeft); }

    public World withGone(Map<String, Long> g) { return new World(kernel, pc, begun, tracked, g, status, supPc, carried, pending, pidfile, forksLeft); }

    public World withStatus(Map<String, String> s) { return new World(kernel, pc, begun, tracked, gone, s, supPc, carried, pending, pidfile, forksLeft); }

    public World withSupPc(String s) { return new World(kernel, pc, begun, tracked, gone, status, s, carried, pending, pidfile, forksLeft); }

    public World withCarried(Carried c) { return new World(kernel, pc, begun, tracked, gone, status, supPc, c, pending, pidfile, forksLeft); }

    public World withPending(Set<Adoption> p) { return new World(kernel, pc, begun, tracked, gone, status, supPc, carried, p, pidfile, forksLeft); }

    public World withPidfile(Map<String, Integer> p) { return new World(kernel, pc, begun, tracked, gone, status, supPc, carried, pending, p, forksLeft); }

    public World withForksLeft(Map<String, Integer> f) { return new World(kernel, pc, begun, tracked, gone, status, supPc, carried, pending, pidfile, f); }

    /** One service's entry of a per-service map, replaced. */
    public static <V> Map<String, V> put(Map<String, V> m, String s, V v) {
        Map<String, V> out = new HashMap<>(m);
        out.put(s, v);
        return out;
    }
}
