package adoptsig.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * The syscalls of spec/Kernel.tla as pure functions from a state to a result: each returns
 * the new state (and a value) exactly where the spec's action is enabled, and an errno with
 * the state unchanged where Linux would fail. Method names follow the spec's actions.
 * The protected hooks are the places the mutant kernels of the conformance tests change.
 */
public class Kernel {
    public static final int INIT = KernelState.INIT;
    public static final int NO_PID = Proc.NO_PID;

    // ---------------------------------------------------------------- helpers

    /** Spec: Allocatable(q): free, and no process, group, session or terminal still uses the PID. */
    protected boolean allocatable(KernelState s, int q) {
        if (q == INIT || s.proc(q).inUse() || s.ttySession() == q) return false;
        for (Proc r : s.procs()) if (r.inUse() && (r.pgid() == q || r.sid() == q)) return false;
        return true;
    }

    /** Spec: NextPid: the first allocatable PID after lastPid, cyclically over 2..MaxPid; NO_PID if none. */
    public int nextPid(KernelState s) {
        int q = s.lastPid();
        for (int n = 0; n < s.maxPid() - 1; n++) {
            q = q >= s.maxPid() ? 2 : q + 1;
            if (allocatable(s, q)) return q;
        }
        return NO_PID;
    }

    /** Spec: NewReaper(p): from p's parent up to the nearest running subreaper, else init. */
    protected int newReaper(KernelState s, int p) {
        int a = s.proc(p).parent();
        while (a != INIT) {
            Proc x = s.proc(a);
            if (x.subreaper() && x.running()) return a;
            a = x.parent();
        }
        return INIT;
    }

    /** Spec: Enqueue: append while under RtLimit, drop entirely over it. */
    protected List<Adoption> enqueue(KernelState s, List<Adoption> q, List<Adoption> sigs) {
        List<Adoption> out = new ArrayList<>(q);
        for (Adoption a : sigs) if (out.size() < s.rtLimit()) out.add(a);
        return out;
    }

    /** Spec: the SIGCHLD that Exit sends the new reaper for a child that is already a zombie (reparent_leader). */
    protected boolean adoptedZombieSignals() { return true; }

    /** Spec: Setsid's enabling condition: no process group has the caller's PID as its ID. */
    protected boolean mayCallSetsid(KernelState s, int p) {
        for (Proc r : s.procs()) if (r.inUse() && r.pgid() == p) return false;
        return true;
    }

    /** Spec: Reap's enabling condition: c is a zombie child of p. */
    protected boolean mayReap(KernelState s, int p, int c) {
        return s.proc(c).state() == ProcState.ZOMBIE && s.proc(c).parent() == p;
    }

    private static Result<KernelState> checkCaller(KernelState s, int p) {
        if (!s.valid(p)) return Result.err(Errno.EINVAL);
        if (!s.proc(p).running()) return Result.err(Errno.ESRCH);
        return null;
    }

    private static List<Proc> set(List<Proc> procs, Proc p) {
        List<Proc> out = new ArrayList<>(procs);
        out.set(p.pid() - 1, p);
        return out;
    }

    // ---------------------------------------------------------------- syscalls

    /**
     * Spec: DoFork(p, c, tag) (Fork when tag is the parent's own service, Spawn when init
     * forks a service). Returns the child's PID; EAGAIN when no PID is free.
     */
    public Result<KernelState> fork(KernelState s, int p, String tag, String stepName) {
        Result<KernelState> bad = checkCaller(s, p);
        if (bad != null) return bad;
        int c = nextPid(s);
        if (c == NO_PID) return Result.err(Errno.EAGAIN);
        Proc parent = s.proc(p);
        boolean danced = p != INIT && (parent.sid() == p || parent.danced());
        Proc child = new Proc(c, ProcState.RUNNING, p, parent.pgid(), parent.sid(), false, false, tag, danced);
        return Result.ok(s.with(set(s.procs(), child), s.ttySession(), c, s.everUsed() | (1L << c), s.chldPending(), s.rtq(),
                new Step(stepName, p, c, 0, false, s.used(c))), c);
    }

    /** Spec: Fork(p). */
    public Result<KernelState> fork(KernelState s, int p) {
        if (!s.valid(p)) return Result.err(Errno.EINVAL);
        return fork(s, p, s.proc(p).svc(), "Fork");
    }

    /** Spec: Exit(p): exit_notify in one step. Init may not exit (EINVAL: global init's exit panics). */
    public Result<KernelState> exit(KernelState s, int p) {
        Result<KernelState> bad = checkCaller(s, p);
        if (bad != null) return bad;
        if (p == INIT) return Result.err(Errno.EINVAL);
        int r = newReaper(s, p);
        List<Proc> procs = new ArrayList<>(s.procs());
        List<Adoption> sigs = new ArrayList<>();
        boolean zadopt = false;
        for (Proc c : s.procs()) {              // ascending PID order, as the spec's Ascending(kids)
            if (c.inUse() && c.parent() == p) {
                procs.set(c.pid() - 1, c.withParent(r));
                if (c.state() == ProcState.ZOMBIE) zadopt = true;
                sigs.add(new Adoption(c.pid(), p));
            }
        }
        Proc me = s.proc(p);
        List<Adoption> rtq = s.rtq();
        int dropped = 0;
        if (r == INIT && s.proc(INIT).adoptSig()) {
            rtq = enqueue(s, s.rtq(), sigs);
            dropped = s.rtq().size() + sigs.size() - rtq.size();
        }
        java.util.SortedSet<Report> kept = new java.util.TreeSet<>(s.kept());
        boolean reported = r == INIT && s.adoptKeep() && !sigs.isEmpty();
        if (reported) for (Adoption a : sigs) kept.add(new Report(a.pid(), s.line(p)));
        procs.set(p - 1, me.withState(ProcState.ZOMBIE));
        boolean chld = s.chldPending() || (r == INIT && zadopt && adoptedZombieSignals()) || me.parent() == INIT || reported;
        int tty = me.sid() == p && s.ttySession() == p ? NO_PID : s.ttySession();
        return Result.ok(s.with(procs, tty, s.lastPid(), s.everUsed(), chld, rtq, new Step("Exit", p, r, dropped, zadopt, false))
                .withKept(kept), 0);
    }

    /**
     * Spec: Reap(p, c) (and DoReap): waitpid(c) by its parent. ECHILD when c is not a child
     * of p (or p has no children); the state is unchanged on every error.
     */
    public Result<KernelState> reap(KernelState s, int p, int c, String stepName) {
        Result<KernelState> bad = checkCaller(s, p);
        if (bad != null) return bad;
        if (!s.valid(c)) return Result.err(Errno.EINVAL);
        if (!mayReap(s, p, c)) return Result.err(Errno.ECHILD);
        java.util.SortedSet<Report> kept = new java.util.TreeSet<>();
        for (Report m : s.kept()) if (m.pid() != c) kept.add(m);       // a report kept with c goes with it
        return Result.ok(s.with(set(s.procs(), Proc.free(c)), s.ttySession(), s.lastPid(), s.everUsed(), s.chldPending(), s.rtq(),
                Step.of(stepName, p, c)).withKept(kept), c);
    }

    public Result<KernelState> reap(KernelState s, int p, int c) { return reap(s, p, c, "Reap"); }

    /** Spec: Setsid(p). EPERM when a process group with the caller's PID exists. */
    public Result<KernelState> setsid(KernelState s, int p) {
        Result<KernelState> bad = checkCaller(s, p);
        if (bad != null) return bad;
        if (!mayCallSetsid(s, p)) return Result.err(Errno.EPERM);
        return Result.ok(s.with(set(s.procs(), s.proc(p).withSession(p)), s.ttySession(), s.lastPid(), s.everUsed(),
                s.chldPending(), s.rtq(), Step.of("Setsid", p, NO_PID)), p);
    }

    /** Spec: Exec(p): clears PR_SET_ADOPTSIG, keeps everything else. */
    public Result<KernelState> exec(KernelState s, int p) {
        Result<KernelState> bad = checkCaller(s, p);
        if (bad != null) return bad;
        return Result.ok(s.with(set(s.procs(), s.proc(p).withAdoptSig(false)), s.ttySession(), s.lastPid(), s.everUsed(),
                s.chldPending(), s.rtq(), Step.of("Exec", p, NO_PID)), 0);
    }

    /** Spec: OpenTty(p): a session leader without a terminal acquires it if no session holds it. */
    public Result<KernelState> openTty(KernelState s, int p) {
        Result<KernelState> bad = checkCaller(s, p);
        if (bad != null) return bad;
        int tty = acquires(s, p) ? p : s.ttySession();
        return Result.ok(s.with(s.procs(), tty, s.lastPid(), s.everUsed(), s.chldPending(), s.rtq(),
                Step.of("OpenTty", p, NO_PID)), 0);
    }

    protected boolean acquires(KernelState s, int p) {
        return s.proc(p).sid() == p && s.ttySession() == NO_PID;
    }

    /** Spec: PrctlSetAdoptsig(p). */
    public Result<KernelState> prctlSetAdoptsig(KernelState s, int p) {
        Result<KernelState> bad = checkCaller(s, p);
        if (bad != null) return bad;
        return Result.ok(s.with(set(s.procs(), s.proc(p).withAdoptSig(true)), s.ttySession(), s.lastPid(), s.everUsed(),
                s.chldPending(), s.rtq(), Step.of("PrctlSetAdoptsig", p, NO_PID)), 0);
    }

    /** Spec: PrctlSetChildSubreaper(p). */
    public Result<KernelState> prctlSetChildSubreaper(KernelState s, int p) {
        Result<KernelState> bad = checkCaller(s, p);
        if (bad != null) return bad;
        return Result.ok(s.with(set(s.procs(), s.proc(p).withSubreaper(true)), s.ttySession(), s.lastPid(), s.everUsed(),
                s.chldPending(), s.rtq(), Step.of("PrctlSetChildSubreaper", p, NO_PID)), 0);
    }

    /**
     * The syscall of this spec action name by p (c: the child, for Reap), as a free-mode
     * process or a random test makes it: Fork, Exit, Reap, Setsid, Exec, OpenTty,
     * PrctlSetAdoptsig, PrctlSetChildSubreaper.
     */
    public Result<KernelState> call(KernelState s, String call, int p, int c) {
        return switch (call) {
            case "Fork" -> fork(s, p);
            case "Exit" -> exit(s, p);
            case "Reap" -> reap(s, p, c);
            case "Setsid" -> setsid(s, p);
            case "Exec" -> exec(s, p);
            case "OpenTty" -> openTty(s, p);
            case "PrctlSetAdoptsig" -> prctlSetAdoptsig(s, p);
            case "PrctlSetChildSubreaper" -> prctlSetChildSubreaper(s, p);
            default -> throw new IllegalArgumentException("no syscall " + call);
        };
    }

    /**
     * Spec: OutsideFork(q): processes outside the model fork and exit, so alloc_pid's cursor
     * moves to q (the caller decides whether the model has such processes). EINVAL for a q
     * outside the pool or equal to the cursor.
     */
    public Result<KernelState> outsideFork(KernelState s, int q) {
        if (!s.valid(q) || q == s.lastPid()) return Result.err(Errno.EINVAL);
        return Result.ok(s.with(s.procs(), s.ttySession(), q, s.everUsed(), s.chldPending(), s.rtq(),
                new Step("OutsideFork", NO_PID, q, 0, false, false)), q);
    }

    // ---------------------------------------------------------------- init's signalfd

    /**
     * Not an action of the spec: sigqueue(3) of a realtime signal with {@code value} to init by
     * process p. Linux has no adoption signal, so the real-kernel harness (adoptsig.fidelity)
     * checks the queue's order and limit with signals sent this way; they go through the same
     * Enqueue as an adoption signal (as the pair p, value) and come out through DequeueAdoption.
     * EAGAIN where Enqueue would drop the signal (sigqueue's result over RLIMIT_SIGPENDING).
     */
    public Result<KernelState> sigqueue(KernelState s, int p, int value) {
        Result<KernelState> bad = checkCaller(s, p);
        if (bad != null) return bad;
        List<Adoption> q = enqueue(s, s.rtq(), List.of(new Adoption(p, value)));
        if (q.size() == s.rtq().size()) return Result.err(Errno.EAGAIN);
        return Result.ok(s.with(s.procs(), s.ttySession(), s.lastPid(), s.everUsed(), s.chldPending(), q,
                Step.of("Sigqueue", p, NO_PID)), 0);
    }

    /** Spec: DequeueSigchld's kernel part: clears init's pending SIGCHLD. EAGAIN if none is pending. */
    public Result<KernelState> dequeueSigchld(KernelState s) {
        if (!s.chldPending()) return Result.err(Errno.EAGAIN);
        return Result.ok(s.with(s.procs(), s.ttySession(), s.lastPid(), s.everUsed(), false, s.rtq(),
                Step.of("DequeueSigchld", INIT, NO_PID)), 0);
    }

    /** Which queued adoption signal a read returns: the oldest (FIFO per signal number). */
    protected int dequeueIndex(KernelState s) { return 0; }

    /** Spec: DequeueAdoption's kernel part: removes and returns the next adoption signal. EAGAIN if none. */
    public Result<KernelState> dequeueAdoption(KernelState s, Adoption[] out) {
        if (s.rtq().isEmpty()) return Result.err(Errno.EAGAIN);
        int i = dequeueIndex(s);
        List<Adoption> q = new ArrayList<>(s.rtq());
        out[0] = q.remove(i);
        return Result.ok(s.with(s.procs(), s.ttySession(), s.lastPid(), s.everUsed(), s.chldPending(), q,
                Step.of("DequeueAdoption", INIT, out[0].pid())), 0);
    }

    /** Collects a kept adoption report (the wait-like call): EAGAIN if it is not kept. */
    public Result<KernelState> collect(KernelState s, Report m) {
        if (!s.kept().contains(m)) return Result.err(Errno.EAGAIN);
        java.util.SortedSet<Report> kept = new java.util.TreeSet<>(s.kept());
        kept.remove(m);
        return Result.ok(s.withKept(kept).withStep(Step.of("CollectReport", INIT, m.pid())), 0);
    }

    /** A zombie child of init, lowest PID first (the spec leaves the choice open; the explorer tries all). */
    public List<Integer> zombieChildren(KernelState s, int p) {
        List<Integer> out = new ArrayList<>();
        for (Proc c : s.procs()) if (c.state() == ProcState.ZOMBIE && c.parent() == p) out.add(c.pid());
        return out;
    }
}
