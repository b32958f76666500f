package adoptsig.supervisor;

import adoptsig.kernel.Adoption;
import adoptsig.kernel.KernelState;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole system as one immutable value: the kernel, the daemon programs' locations, and
 * the RFC supervisor's beliefs (spec: all variables of Adoption.tla). Mapping in docs/MAPPING.md.
 * PID sets are bit sets (bit p = PID p); collections are immutable, so copying a world that
 * changes one field shares the rest.
 *
 * @param kernel  spec: the variables of Kernel.tla
 * @param pc      spec: pc (slot p-1 holds PID p's program location)
 * @param tracked spec: tracked (service -> bit set of PIDs)
 * @param gone    spec: gone (service -> bit set of PIDs)
 * @param status  spec: status ("never", "running", "stopped")
 * @param supPc   spec: supPc ("idle", "reaping")
 * @param pending spec: pending (rfcBest: adoption signals parked until their previous parent is known)
 * @param pidfile spec: pidfile (service -> the PID in its PID file, 0 if not written)
 * @param forksLeft spec: forksLeft (ptrace: service -> forks init will still follow)
 */
public record World(KernelState kernel, List<String> pc, Map<String, Long> tracked, Map<String, Long> gone,
                    Map<String, String> status, String supPc, Set<Adoption> pending,
                    Map<String, Integer> pidfile, Map<String, Integer> forksLeft) {
    public World {
        pending = Set.copyOf(pending);
        pidfile = Map.copyOf(pidfile);
        forksLeft = Map.copyOf(forksLeft);
        pc = List.copyOf(pc);
        tracked = Map.copyOf(tracked);
        gone = Map.copyOf(gone);
        status = Map.copyOf(status);
    }

    /** Spec: Init (initAdopt: the supervisor asks for adoption signals). */
    public static World boot(int maxPid, int rtLimit, List<String> services, boolean initAdopt) {
        Map<String, Long> empty = new HashMap<>();
        Map<String, String> status = new HashMap<>();
        Map<String, Integer> zero = new HashMap<>();
        for (String s : services) { empty.put(s, 0L); status.put(s, "never"); zero.put(s, 0); }
        String[] pc = new String[maxPid];
        Arrays.fill(pc, "none");
        pc[0] = "init";
        return new World(KernelState.boot(maxPid, rtLimit, initAdopt), List.of(pc), empty, empty, status, "idle", Set.of(),
                zero, zero);
    }

    public static boolean has(long set, int pid) { return (set & (1L << pid)) != 0; }

    public String pc(int pid) { return pc.get(pid - 1); }

    public World withKernel(KernelState k) { return new World(k, pc, tracked, gone, status, supPc, pending, pidfile, forksLeft); }

    public World withPc(int pid, String where) {
        String[] a = pc.toArray(new String[0]);
        a[pid - 1] = where;
        return new World(kernel, List.of(a), tracked, gone, status, supPc, pending, pidfile, forksLeft);
    }

    World with(KernelState k, Map<String, Long> tracked, Map<String, Long> gone, Map<String, String> status, String supPc) {
        return new World(k, pc, tracked, gone, status, supPc, pending, pidfile, forksLeft);
    }

    World withPending(Set<Adoption> p) { return new World(kernel, pc, tracked, gone, status, supPc, p, pidfile, forksLeft); }

    public World withPidfile(String s, int pid) {
        Map<String, Integer> m = new HashMap<>(pidfile);
        m.put(s, pid);
        return new World(kernel, pc, tracked, gone, status, supPc, pending, m, forksLeft);
    }

    World withForksLeft(Map<String, Integer> f) { return new World(kernel, pc, tracked, gone, status, supPc, pending, pidfile, f); }

    /** One service's entry of a per-service map, replaced. */
    static <V> Map<String, V> put(Map<String, V> m, String s, V v) {
        Map<String, V> out = new HashMap<>(m);
        out.put(s, v);
        return out;
    }
}
