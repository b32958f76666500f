package adoptsig.supervisor;

import adoptsig.kernel.KernelState;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The whole system as one immutable value: the kernel, the daemon programs' locations, and
 * the RFC supervisor's beliefs (spec: all variables of Adoption.tla). Mapping in docs/MAPPING.md.
 *
 * @param kernel  spec: the variables of Kernel.tla
 * @param pc      spec: pc (slot p-1 holds PID p's program location)
 * @param tracked spec: tracked
 * @param gone    spec: gone
 * @param status  spec: status ("never", "running", "stopped")
 * @param supPc   spec: supPc ("idle", "reaping")
 */
public record World(KernelState kernel, List<String> pc, SortedMap<String, SortedSet<Integer>> tracked,
                    SortedMap<String, SortedSet<Integer>> gone, SortedMap<String, String> status, String supPc) {
    public World {
        pc = List.copyOf(pc);
        tracked = frozen(tracked);
        gone = frozen(gone);
        status = Collections.unmodifiableSortedMap(new TreeMap<>(status));
    }

    private static SortedMap<String, SortedSet<Integer>> frozen(Map<String, ? extends java.util.Set<Integer>> m) {
        TreeMap<String, SortedSet<Integer>> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v))));
        return Collections.unmodifiableSortedMap(out);
    }

    /** Spec: Init. */
    public static World boot(int maxPid, int rtLimit, List<String> services) {
        TreeMap<String, SortedSet<Integer>> empty = new TreeMap<>();
        TreeMap<String, String> status = new TreeMap<>();
        for (String s : services) { empty.put(s, new TreeSet<>()); status.put(s, "never"); }
        String[] pc = new String[maxPid];
        java.util.Arrays.fill(pc, "none");
        pc[0] = "init";
        return new World(KernelState.boot(maxPid, rtLimit), List.of(pc), empty, empty, status, "idle");
    }

    public String pc(int pid) { return pc.get(pid - 1); }

    public World withKernel(KernelState k) { return new World(k, pc, tracked, gone, status, supPc); }

    public World withPc(int pid, String where) {
        String[] a = pc.toArray(new String[0]);
        a[pid - 1] = where;
        return new World(kernel, List.of(a), tracked, gone, status, supPc);
    }

    World with(KernelState k, SortedMap<String, SortedSet<Integer>> tracked, SortedMap<String, SortedSet<Integer>> gone,
               SortedMap<String, String> status, String supPc) {
        return new World(k, pc, tracked, gone, status, supPc);
    }
}
