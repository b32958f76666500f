package adoptsig.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The syscalls of spec/Kernel.tla as pure functions from a state to a result: each returns
 * the new state (and a value) exactly where the spec's action is enabled, and an errno with
 * the state unchanged where Linux would fail. Method names follow the spec's actions; init's
 * calls (readSigchld, readAdoption, waitAny, waitPid, peek, collect) return what Linux
 * returns them, each result being one of the spec's operators (ReadSigchld and
 * ReadSigchldEmpty, ...). The protected hooks are the places the mutant kernels of the
 * conformance tests change.
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

    /** Spec: the fits test of Orphan: a realtime signal is queued while init's user is under RLIMIT_SIGPENDING. */
    protected boolean fits(KernelState s, int sigchld, int queued) {
        return (sigchld != NO_PID ? 1 : 0) + queued < s.sigLimit();
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

    /** The order in which init's calls find its zombie children (spec: InitZombies, the children list's order). */
    protected List<Integer> initZombies(KernelState s) { return s.initZombies(); }

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

    private static List<Integer> without(List<Integer> joined, int c) {
        List<Integer> out = new ArrayList<>(joined);
        out.remove(Integer.valueOf(c));
        return out;
    }

    // ---------------------------------------------------------------- the daemons' syscalls

    /**
     * Spec: DoFork(p, c, tag) (Fork when tag is the parent's own service, InitFork when init
     * forks). Returns the child's PID; EAGAIN when no PID is free.
     */
    public Result<KernelState> fork(KernelState s, int p, String tag, String stepName) {
        Result<KernelState> bad = checkCaller(s, p);
        if (bad != null) return bad;
        int c = nextPid(s);
        if (c == NO_PID) return Result.err(Errno.EAGAIN);
        Proc parent = s.proc(p);
        boolean danced = p != INIT && (parent.sid() == p || parent.danced());
        Proc child = new Proc(c, ProcState.RUNNING, p, parent.pgid(), parent.sid(), false, false, tag, danced);
        List<Integer> joined = new ArrayList<>(s.joined());
        joined.add(c);
        return Result.ok(s.with(set(s.procs(), child), s.ttySession(), c, s.everUsed() | (1L << c), joined, s.sigchld(), s.rtq(),
                s.kept(), new Step(stepName, p, c, 0, false, s.used(c))), c);
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
        boolean toInit = r == INIT;
        String mode = s.adoptMode();
        boolean rt = toInit && (mode.equals("realtime") || mode.equals("line"));
        boolean std = toInit && mode.equals("standard");
        boolean keep = toInit && mode.equals("keep");
        List<Proc> procs = new ArrayList<>(s.procs());
        List<Integer> ks = s.childList(p);
        List<Adoption> q = new ArrayList<>(s.rtq());
        int chld = s.sigchld(), dropped = 0;
        boolean zadopt = false;
        SortedSet<Report> kept = new TreeSet<>(s.kept());
        List<Integer> line = s.line(p);
        for (int k : ks) {                       // spec: Orphan, in the children list's order
            Proc c = s.proc(k);
            procs.set(k - 1, c.withParent(r));
            boolean zombie = c.state() == ProcState.ZOMBIE;
            if (zombie) zadopt = true;
            Adoption m = mode.equals("line") ? new Adoption(k, p, line) : new Adoption(k, p);
            if (rt) {
                if (fits(s, chld, q.size())) q.add(m); else dropped++;
            } else if (std) {
                if (q.isEmpty()) q.add(m); else dropped++;
            }
            if (keep) kept.add(new Report(k, line));
            if (toInit && chld == NO_PID && ((zombie && adoptedZombieSignals()) || keep)) chld = k;
        }
        List<Integer> joined = new ArrayList<>();
        for (int x : s.joined()) if (!ks.contains(x)) joined.add(x);
        joined.addAll(ks);
        Proc me = s.proc(p);
        procs.set(p - 1, me.withState(ProcState.ZOMBIE));
        if (chld == NO_PID && me.parent() == INIT) chld = p;
        int tty = me.sid() == p && s.ttySession() == p ? NO_PID : s.ttySession();
        return Result.ok(s.with(procs, tty, s.lastPid(), s.everUsed(), joined, chld, q, kept,
                new Step("Exit", p, r, dropped, zadopt, false)), 0);
    }

    /** Spec: DoReap(c) with the step named name: the zombie c leaves the table (and its parent's list, and its report goes). */
    private KernelState doReap(KernelState s, int p, int c, String name) {
        SortedSet<Report> kept = new TreeSet<>();
        for (Report m : s.kept()) if (m.pid() != c) kept.add(m);
        return s.with(set(s.procs(), Proc.free(c)), s.ttySession(), s.lastPid(), s.everUsed(), without(s.joined(), c), s.sigchld(),
                s.rtq(), kept, Step.of(name, p, c));
    }

    /**
     * Spec: Reap(p, c): a daemon's wait for its child c. ECHILD when c is not a zombie child
     * of p; the state is unchanged on every error.
     */
    public Result<KernelState> reap(KernelState s, int p, int c) {
        Result<KernelState> bad = checkCaller(s, p);
        if (bad != null) return bad;
        if (!s.valid(c)) return Result.err(Errno.EINVAL);
        if (!mayReap(s, p, c)) return Result.err(Errno.ECHILD);
        return Result.ok(doReap(s, p, c, "Reap"), c);
    }

    /** Spec: Setsid(p). EPERM when a process group with the caller's PID exists. */
    public Result<KernelState> setsid(KernelState s, int p) {
        Result<KernelState> bad = checkCaller(s, p);
        if (bad != null) return bad;
        if (!mayCallSetsid(s, p)) return Result.err(Errno.EPERM);
        return Result.ok(s.withProcs(set(s.procs(), s.proc(p).withSession(p)), Step.of("Setsid", p, NO_PID)), p);
    }

    /** Spec: Exec(p): clears PR_SET_ADOPTSIG, keeps everything else. */
    public Result<KernelState> exec(KernelState s, int p) {
        Result<KernelState> bad = checkCaller(s, p);
        if (bad != null) return bad;
        return Result.ok(s.withProcs(set(s.procs(), s.proc(p).withAdoptSig(false)), Step.of("Exec", p, NO_PID)), 0);
    }

    /** Spec: OpenTty(p): a session leader without a terminal acquires it if no session holds it. */
    public Result<KernelState> openTty(KernelState s, int p) {
        Result<KernelState> bad = checkCaller(s, p);
        if (bad != null) return bad;
        int tty = acquires(s, p) ? p : s.ttySession();
        return Result.ok(s.with(s.procs(), tty, s.lastPid(), s.everUsed(), s.joined(), s.sigchld(), s.rtq(), s.kept(),
                Step.of("OpenTty", p, NO_PID)), 0);
    }

    protected boolean acquires(KernelState s, int p) {
        return s.proc(p).sid() == p && s.ttySession() == NO_PID;
    }

    /** Spec: PrctlSetAdoptsig(p). */
    public Result<KernelState> prctlSetAdoptsig(KernelState s, int p) {
        Result<KernelState> bad = checkCaller(s, p);
        if (bad != null) return bad;
        return Result.ok(s.withProcs(set(s.procs(), s.proc(p).withAdoptSig(true)), Step.of("PrctlSetAdoptsig", p, NO_PID)), 0);
    }

    /** Spec: PrctlSetChildSubreaper(p). */
    public Result<KernelState> prctlSetChildSubreaper(KernelState s, int p) {
        Result<KernelState> bad = checkCaller(s, p);
        if (bad != null) return bad;
        return Result.ok(s.withProcs(set(s.procs(), s.proc(p).withSubreaper(true)), Step.of("PrctlSetChildSubreaper", p, NO_PID)), 0);
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
        return Result.ok(s.with(s.procs(), s.ttySession(), q, s.everUsed(), s.joined(), s.sigchld(), s.rtq(), s.kept(),
                new Step("OutsideFork", NO_PID, q, 0, false, false)), q);
    }

    // ---------------------------------------------------------------- init's syscalls

    /**
     * Spec: ReadSigchld / ReadSigchldEmpty: sigtimedwait({SIGCHLD}, zero timeout) returns the
     * si_pid of the pending SIGCHLD, which is no longer pending; EAGAIN if none.
     */
    public Result<KernelState> readSigchld(KernelState s) {
        if (!s.chldPending()) return Result.err(Errno.EAGAIN);
        return Result.ok(s.with(s.procs(), s.ttySession(), s.lastPid(), s.everUsed(), s.joined(), NO_PID, s.rtq(), s.kept(),
                Step.of("ReadSigchld", INIT, s.sigchld())), s.sigchld());
    }

    /** Which queued adoption signal a read returns: the oldest (FIFO per signal number). */
    protected int dequeueIndex(KernelState s) { return 0; }

    /**
     * Spec: ReadAdoption / ReadAdoptionEmpty: sigtimedwait({the adoption signal}, zero timeout)
     * removes and returns (in out[0]) the next queued adoption signal; EAGAIN if none.
     */
    public Result<KernelState> readAdoption(KernelState s, Adoption[] out) {
        if (s.rtq().isEmpty()) return Result.err(Errno.EAGAIN);
        int i = dequeueIndex(s);
        List<Adoption> q = new ArrayList<>(s.rtq());
        out[0] = q.remove(i);
        return Result.ok(s.with(s.procs(), s.ttySession(), s.lastPid(), s.everUsed(), s.joined(), s.sigchld(), q, s.kept(),
                Step.of("ReadAdoption", INIT, out[0].pid())), out[0].pid());
    }

    /**
     * Spec: WaitAny / WaitAnyNone / WaitAnyEchild: waitpid(-1, WNOHANG) by init reaps its first
     * zombie child in its children list and returns its PID; 0 when it has children but no
     * zombie (state unchanged); ECHILD when it has no children.
     */
    public Result<KernelState> waitAny(KernelState s) {
        List<Integer> z = initZombies(s);
        if (!z.isEmpty()) return Result.ok(doReap(s, INIT, z.get(0), "WaitAny"), z.get(0));
        if (s.childrenOf(INIT).isEmpty()) return Result.err(Errno.ECHILD);
        return Result.ok(s, 0);
    }

    /** Spec: WaitPid(c): waitpid(c, WNOHANG) by init reaps c when it is a zombie child (else 0, or ECHILD if not a child). */
    public Result<KernelState> waitPid(KernelState s, int c) {
        if (!s.valid(c)) return Result.err(Errno.EINVAL);
        if (!s.proc(c).inUse() || s.proc(c).parent() != INIT) return Result.err(Errno.ECHILD);
        if (s.proc(c).state() != ProcState.ZOMBIE) return Result.ok(s, 0);
        return Result.ok(doReap(s, INIT, c, "WaitPid"), c);
    }

    /**
     * Spec: Peek / PeekNone / PeekEchild: waitid(P_ALL, 0, WEXITED | WNOHANG | WNOWAIT) by init
     * returns its first zombie child without reaping it; 0 when none; ECHILD without children.
     * The state never changes.
     */
    public Result<KernelState> peek(KernelState s) {
        List<Integer> z = initZombies(s);
        if (!z.isEmpty()) return Result.ok(s, z.get(0));
        if (s.childrenOf(INIT).isEmpty()) return Result.err(Errno.ECHILD);
        return Result.ok(s, 0);
    }

    /**
     * Spec: CollectReport / CollectReportEmpty: the wait-like call of "keep" mode returns (in
     * out[0]) and collects the report of init's first child, in its children list, that has
     * one; EAGAIN when none is kept.
     */
    public Result<KernelState> collect(KernelState s, Report[] out) {
        if (s.kept().isEmpty()) return Result.err(Errno.EAGAIN);
        Set<Integer> reported = new java.util.HashSet<>();
        for (Report m : s.kept()) reported.add(m.pid());
        int first = NO_PID;
        for (int c : s.joined()) if (reported.contains(c)) { first = c; break; }
        Report m = null;
        for (Report x : s.kept()) if (x.pid() == first) { m = x; break; }
        SortedSet<Report> kept = new TreeSet<>(s.kept());
        kept.remove(m);
        out[0] = m;
        return Result.ok(s.with(s.procs(), s.ttySession(), s.lastPid(), s.everUsed(), s.joined(), s.sigchld(), s.rtq(), kept,
                Step.of("CollectReport", INIT, m.pid())), m.pid());
    }

    /**
     * Not an action of the spec: sigqueue(3) of a realtime signal with {@code value} to init by
     * process p. Linux has no adoption signal, so the real-kernel harness (adoptsig.fidelity)
     * checks the queue's order and limit with signals sent this way; they are counted as Linux
     * counts them (a pending SIGCHLD takes a slot too) and come out through readAdoption, as
     * the pair (p, value). EAGAIN over RLIMIT_SIGPENDING.
     */
    public Result<KernelState> sigqueue(KernelState s, int p, int value) {
        Result<KernelState> bad = checkCaller(s, p);
        if (bad != null) return bad;
        if (!fits(s, s.sigchld(), s.rtq().size())) return Result.err(Errno.EAGAIN);
        List<Adoption> q = new ArrayList<>(s.rtq());
        q.add(new Adoption(p, value));
        return Result.ok(s.with(s.procs(), s.ttySession(), s.lastPid(), s.everUsed(), s.joined(), s.sigchld(), q, s.kept(),
                Step.of("Sigqueue", p, NO_PID)), 0);
    }
}
