package adoptsig.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole kernel state as one immutable value (spec: the variables of Kernel.tla). Records
 * compare and hash structurally, so states can be stored in sets and compared with TLC's.
 * The mapping to the spec's variables is in docs/MAPPING.md.
 *
 * @param procs      slot p-1 holds PID p (spec: pstate, parent, pgid, sid, adoptSig, subreaper, svc, danced)
 * @param ttySession spec: ttySession
 * @param lastPid    spec: lastPid
 * @param everUsed   spec: everUsed, as a bit set (bit p = PID p)
 * @param chldPending spec: chldPending (SIGCHLD pending at init)
 * @param rtq        spec: rtq (init's adoption-signal queue, FIFO)
 * @param adoptKeep  spec: adoptKeep (init asked for adoption reports kept with the adopted processes)
 * @param kept       spec: kept (the reports kept, in PID order)
 * @param lastAction spec: lastAction
 */
public record KernelState(int maxPid, int rtLimit, List<Proc> procs, int ttySession, int lastPid, long everUsed,
                          boolean chldPending, List<Adoption> rtq, boolean adoptKeep, java.util.SortedSet<Report> kept, Step lastAction) {
    public static final int INIT = 1;
    /** Spec: the values of KernelInitWith's argument: what init asks the kernel for at boot. */
    public static final List<String> ADOPT = List.of("none", "signal", "keep");

    public KernelState {
        procs = List.copyOf(procs);
        rtq = List.copyOf(rtq);
        kept = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(kept));
    }

    /** Spec: KernelInit. */
    public static KernelState boot(int maxPid, int rtLimit) { return boot(maxPid, rtLimit, "signal"); }

    /** Spec: KernelInitWith(adopt): what init asked for at boot: "none", "signal" (PR_SET_ADOPTSIG) or "keep". */
    public static KernelState boot(int maxPid, int rtLimit, String adopt) {
        if (maxPid < 2 || maxPid > 62) throw new IllegalArgumentException("PID pool must be 2..62, not " + maxPid);
        if (rtLimit < 0) throw new IllegalArgumentException("negative queue limit");
        if (!ADOPT.contains(adopt)) throw new IllegalArgumentException("adopt must be one of " + ADOPT);
        List<Proc> procs = new ArrayList<>();
        procs.add(new Proc(INIT, ProcState.RUNNING, Proc.NO_PID, INIT, INIT, adopt.equals("signal"), false, Proc.INIT_SVC, false));
        for (int p = 2; p <= maxPid; p++) procs.add(Proc.free(p));
        return new KernelState(maxPid, rtLimit, procs, Proc.NO_PID, INIT, 1L << INIT, false, List.of(), adopt.equals("keep"),
                new java.util.TreeSet<>(), Step.of("Boot", INIT, Proc.NO_PID));
    }

    public Proc proc(int pid) { return procs.get(pid - 1); }

    public boolean valid(int pid) { return pid >= 1 && pid <= maxPid; }

    /** Spec: ChildrenOf(p): the processes in use whose parent is p. */
    public java.util.List<Integer> childrenOf(int p) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (Proc c : procs) if (c.inUse() && c.parent() == p) out.add(c.pid());
        return out;
    }

    public boolean used(int pid) { return (everUsed & (1L << pid)) != 0; }

    /** The same state with another lastAction (steps that change nothing else in the kernel). */
    public KernelState withStep(Step step) {
        return new KernelState(maxPid, rtLimit, procs, ttySession, lastPid, everUsed, chldPending, rtq, adoptKeep, kept, step);
    }

    KernelState with(List<Proc> procs, int tty, int lastPid, long everUsed, boolean chld, List<Adoption> rtq, Step step) {
        return new KernelState(maxPid, rtLimit, procs, tty, lastPid, everUsed, chld, rtq, adoptKeep, kept, step);
    }

    KernelState withKept(java.util.SortedSet<Report> k) {
        return new KernelState(maxPid, rtLimit, procs, ttySession, lastPid, everUsed, chldPending, rtq, adoptKeep, k, lastAction);
    }

    /** Spec: Line(p, MaxPid): the line of ancestors of p up to init, p first. */
    public List<Integer> line(int p) {
        List<Integer> out = new ArrayList<>();
        for (int a = p, n = 0; a != INIT && n < maxPid; a = proc(a).parent(), n++) out.add(a);
        return out;
    }
}
