package adoptsig.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole kernel state as one immutable value (spec: the variables of Kernel.tla). Records
 * compare and hash structurally, so states can be stored in sets and compared with TLC's.
 * The mapping to the spec's variables is in docs/MAPPING.md.
 *
 * @param sigLimit   spec: SigLimit (RLIMIT_SIGPENDING of init's user)
 * @param procs      slot p-1 holds PID p (spec: pstate, parent, pgid, sid, adoptSig, subreaper, svc, danced)
 * @param ttySession spec: ttySession
 * @param lastPid    spec: lastPid
 * @param everUsed   spec: everUsed, as a bit set (bit p = PID p)
 * @param joined     spec: joined (the processes in use but init, in the order they joined their parent's children list)
 * @param sigchld    spec: sigchld (0 if no SIGCHLD is pending at init, else its si_pid)
 * @param rtq        spec: rtq (init's queued adoption signals, oldest first)
 * @param adoptMode  spec: adoptMode (what init asked the kernel for at boot)
 * @param kept       spec: kept (the reports kept, in PID order)
 * @param lastAction spec: lastAction
 */
public record KernelState(int maxPid, int sigLimit, List<Proc> procs, int ttySession, int lastPid, long everUsed,
                          List<Integer> joined, int sigchld, List<Adoption> rtq, String adoptMode,
                          java.util.SortedSet<Report> kept, Step lastAction) {
    public static final int INIT = 1;
    /** Spec: AdoptModes, the values of KernelInitWith's argument. */
    public static final List<String> ADOPT = List.of("none", "realtime", "standard", "line", "keep");

    public KernelState {
        procs = List.copyOf(procs);
        joined = List.copyOf(joined);
        rtq = List.copyOf(rtq);
        kept = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(kept));
    }

    /** Spec: KernelInit. */
    public static KernelState boot(int maxPid, int sigLimit) { return boot(maxPid, sigLimit, "realtime"); }

    /** Spec: KernelInitWith(adopt): what init asked for at boot (AdoptModes). */
    public static KernelState boot(int maxPid, int sigLimit, String adopt) {
        if (maxPid < 2 || maxPid > 62) throw new IllegalArgumentException("PID pool must be 2..62, not " + maxPid);
        if (sigLimit < 0) throw new IllegalArgumentException("negative signal limit");
        if (!ADOPT.contains(adopt)) throw new IllegalArgumentException("adopt must be one of " + ADOPT);
        List<Proc> procs = new ArrayList<>();
        boolean signal = adopt.equals("realtime") || adopt.equals("standard") || adopt.equals("line");
        procs.add(new Proc(INIT, ProcState.RUNNING, Proc.NO_PID, INIT, INIT, signal, false, Proc.INIT_SVC, false));
        for (int p = 2; p <= maxPid; p++) procs.add(Proc.free(p));
        return new KernelState(maxPid, sigLimit, procs, Proc.NO_PID, INIT, 1L << INIT, List.of(), Proc.NO_PID, List.of(), adopt,
                new java.util.TreeSet<>(), Step.of("Boot", INIT, Proc.NO_PID));
    }

    public Proc proc(int pid) { return procs.get(pid - 1); }

    public boolean valid(int pid) { return pid >= 1 && pid <= maxPid; }

    /** SIGCHLD is pending at init. */
    public boolean chldPending() { return sigchld != Proc.NO_PID; }

    /** Spec: ChildrenOf(p): the processes in use whose parent is p, in PID order. */
    public List<Integer> childrenOf(int p) {
        List<Integer> out = new ArrayList<>();
        for (Proc c : procs) if (c.inUse() && c.parent() == p) out.add(c.pid());
        return out;
    }

    /** Spec: ChildList(p): p's children in its children list's order. */
    public List<Integer> childList(int p) {
        List<Integer> out = new ArrayList<>();
        for (int c : joined) if (proc(c).parent() == p) out.add(c);
        return out;
    }

    /** Spec: InitZombies: init's zombie children in its children list's order. */
    public List<Integer> initZombies() {
        List<Integer> out = new ArrayList<>();
        for (int c : joined) if (proc(c).state() == ProcState.ZOMBIE && proc(c).parent() == INIT) out.add(c);
        return out;
    }

    /** Spec: Budget(sigchld, rtq): init's pending signals as RLIMIT_SIGPENDING counts them. */
    public int budget() { return (chldPending() ? 1 : 0) + rtq.size(); }

    public boolean used(int pid) { return (everUsed & (1L << pid)) != 0; }

    /** The same state with another lastAction (steps that change nothing else in the kernel). */
    public KernelState withStep(Step step) {
        return new KernelState(maxPid, sigLimit, procs, ttySession, lastPid, everUsed, joined, sigchld, rtq, adoptMode, kept, step);
    }

    KernelState with(List<Proc> procs, int tty, int lastPid, long everUsed, List<Integer> joined, int sigchld,
                     List<Adoption> rtq, java.util.SortedSet<Report> kept, Step step) {
        return new KernelState(maxPid, sigLimit, procs, tty, lastPid, everUsed, joined, sigchld, rtq, adoptMode, kept, step);
    }

    KernelState withProcs(List<Proc> procs, Step step) {
        return new KernelState(maxPid, sigLimit, procs, ttySession, lastPid, everUsed, joined, sigchld, rtq, adoptMode, kept, step);
    }

    /**
     * The same state without the ghost variables (everUsed, each process's danced flag,
     * lastAction), which no step, observation or supervisor property depends on: the games
     * identify states up to them.
     */
    public KernelState withoutGhosts() {
        List<Proc> ps = new ArrayList<>(procs.size());
        for (Proc p : procs) ps.add(p.danced() ? new Proc(p.pid(), p.state(), p.parent(), p.pgid(), p.sid(), p.adoptSig(), p.subreaper(), p.svc(), false) : p);
        return new KernelState(maxPid, sigLimit, ps, ttySession, lastPid, 0L, joined, sigchld, rtq, adoptMode, kept, GHOST_STEP);
    }

    private static final Step GHOST_STEP = Step.of("Boot", INIT, Proc.NO_PID);

    /** Spec: Line(p, MaxPid): the line of ancestors of p up to init, p first. */
    public List<Integer> line(int p) {
        List<Integer> out = new ArrayList<>();
        for (int a = p, n = 0; a != INIT && n < maxPid; a = proc(a).parent(), n++) out.add(a);
        return out;
    }
}
