package adoptsig.fidelity;

import adoptsig.InputError;
import adoptsig.kernel.Adoption;
import adoptsig.kernel.Errno;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.kernel.ProcState;
import adoptsig.kernel.Result;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One script run on Linux (through the driver) and on the Java kernel side by side. Before each
 * operation the Java kernel predicts its result, errors included (a fork with no free PID, a wait
 * without children, a sigqueue over the limit, a wait that blocks); after it, what Linux shows is
 * compared with the kernel state: every process's state, parent, process group, session and
 * children list in the kernel's order, the terminal's session and each session leader's terminal,
 * every subreaper flag, whether SIGCHLD and SIGRTMIN are pending at init, and the user's count of
 * pending signals as RLIMIT_SIGPENDING counts them. The first disagreement ends the run.
 *
 * In a PID namespace the PID values are compared too, and the pool is the model's: the driver
 * makes the namespace hand out 2..maxPid only (its pid_max and placeholder threads), so a fork
 * with no free PID fails on Linux as in the model and the allocator wraps by itself. Without a
 * namespace (init a child subreaper) PIDs are compared through the mapping the forks establish,
 * and what depends on PID values or on the user's signal count is not checked: such an operation
 * is left out on both sides and listed as unchecked.
 */
public final class Run {
    /** One operation's replies: Linux's and the model's prediction, in the driver's language ("ok 3", "err ECHILD"), and a note. */
    public record Reply(Op op, String linux, String predicted, String note) {}

    /** What a run found: the operations run, the story, the disagreement (null when none), the operations left out unchecked. */
    public record Outcome(List<Op> script, List<String> story, String disagreement, Set<String> operations, List<KernelState> states,
                          List<String> unchecked, List<Reply> replies) {
        public boolean agrees() { return disagreement == null; }
        public String told() {
            StringBuilder b = new StringBuilder();
            for (String l : story) b.append(l).append('\n');
            if (disagreement != null) b.append("DISAGREEMENT: ").append(disagreement).append('\n');
            return b.toString();
        }
    }

    /** Process slots of the driver (its SLOTS), init's included. */
    static final int SLOTS = 96;
    /** How long a wait the model says blocks is left blocked before the driver's timer ends it. */
    static final int BLOCK_MS = 20;
    /** The highest PID a namespace with the least pid_max (301) hands out. */
    static final int POOL_TOP = 300;

    private final Driver driver;
    private final Kernel kernel;
    private final boolean ns;
    private final boolean pool;
    private KernelState s;
    private final Map<Integer, Integer> slotOf = new HashMap<>();      // model PID -> driver slot (in use)
    private final Map<Integer, Integer> realOf = new HashMap<>();      // without a namespace: model PID -> Linux PID (in use)
    private final Map<Integer, Integer> modelOf = new HashMap<>();     // without a namespace: Linux PID -> model PID (every one seen)
    private int nextSlot = 1;
    private int sigValue = 0;
    private int chldModel = Kernel.NO_PID, chldReal = -1;     // the si_pid of init's pending SIGCHLD: model PID, Linux PID
    private final List<Op> script = new ArrayList<>();
    private final List<String> story = new ArrayList<>();
    private final Set<String> used = new LinkedHashSet<>();
    private final List<String> unchecked = new ArrayList<>();
    private final List<Reply> replies = new ArrayList<>();
    private String disagreement;
    private final List<KernelState> states = new ArrayList<>();   // the model's state before the first step and after each

    /** A run of the kernel as Linux has it: init asks for no adoption signal or report (adoption mode none). */
    Run(Driver driver, Kernel kernel, int maxPid, int sigLimit) {
        this.driver = driver;
        this.kernel = kernel;
        this.ns = driver.hello().namespace();
        this.s = KernelState.boot(maxPid, sigLimit, "none");
        slotOf.put(Kernel.INIT, 0);
        realOf.put(Kernel.INIT, driver.hello().initPid());
        modelOf.put(driver.hello().initPid(), Kernel.INIT);
        boolean made = false;
        String poolNote = "";
        if (ns) {
            expectOk("rlimit " + sigLimit, "setting RLIMIT_SIGPENDING");
            String a = driver.ask("pool " + maxPid);
            made = ("ok " + (POOL_TOP - maxPid)).equals(a);
            if (!made) poolNote = " (no PID pool of the model's size: the driver answered " + a
                    + "; a fork with no free PID is not checked, and the allocator's wrap is emulated with ns_last_pid)";
        }
        this.pool = made;
        story.add(String.format("Linux %s, init %s; %d PIDs%s%s", driver.hello().kernel(),
                ns ? "is PID 1 of a new PID namespace" : "is a child subreaper " + driver.hello().note(), maxPid,
                ns ? ", RLIMIT_SIGPENDING " + sigLimit + (pool ? ", the namespace's pool is 2.." + maxPid : "") : "", poolNote));
        states.add(s);
    }

    /** Runs the operations in order; an operation that no process can make at that point is bad input. */
    public static Outcome explicit(Driver d, Kernel k, int maxPid, int sigLimit, List<Op> ops) {
        Run r = new Run(d, k, maxPid, sigLimit);
        for (Op op : ops) {
            if (r.disagreement != null) break;
            r.run(op);
        }
        return r.outcome();
    }

    /** A random script of {@code length} operations drawn from the whole vocabulary, each one the current state allows a caller for. */
    public static Outcome random(Driver d, Kernel k, int maxPid, int sigLimit, SplittableRandom rnd, int length) {
        Run r = new Run(d, k, maxPid, sigLimit);
        for (int i = 0; i < length && r.disagreement == null; i++) r.step(r.choose(rnd), null, null);
        return r.outcome();
    }

    /** Runs op: bad input when no process can make it, left out (and listed) when it cannot be checked here. */
    void run(Op op) { run(op, null, null); }

    /** The same with the name and service tag the spec gives a fork (Spawn, StrangerStart, ReaperSpawn), for replays. */
    void run(Op op, String stepName, String tag) {
        String bad = refusal(op);
        if (bad != null) throw new InputError("step " + (script.size() + 1) + ", " + op + ": " + bad);
        String why = uncheckable(op);
        if (why != null) {
            unchecked.add("step " + (script.size() + 1) + ", " + op + ": " + why);
            story.add(String.format("%2s. %-26s not run: %s", "-", op, why));
            return;
        }
        step(op, stepName, tag);
    }

    KernelState state() { return s; }
    boolean failed() { return disagreement != null; }
    int steps() { return script.size(); }
    void note(String line) { story.add("    " + line); }

    /** A step that is no call of Linux's (a file written or read, or a call Linux lacks): told, not run; the model does not change. */
    void skip(String what) {
        story.add(String.format("%2s. %s", "-", what));
    }

    /** A disagreement found outside the run (a replay's trace against the model), told with the model's table. */
    void disagreeFromOutside(String what) {
        disagree(what);
        story.add("    processes (model): " + table());
    }

    Outcome outcome() {
        return new Outcome(List.copyOf(script), List.copyOf(story), disagreement, used, List.copyOf(states), List.copyOf(unchecked),
                List.copyOf(replies));
    }

    // ---------------------------------------------------------------- what may be run

    private boolean running(int p) { return s.valid(p) && s.proc(p).running(); }
    private boolean inUse(int p) { return s.valid(p) && s.proc(p).inUse(); }

    /** Why no process can make op now (null when one can): the caller must be a running process. */
    String refusal(Op op) {
        int p = op.pid();
        if (!s.valid(p)) return "PID " + p + " is outside the pool 1.." + s.maxPid();
        if (!running(p)) return "the caller " + p + " is not a running process (" + (s.proc(p).inUse() ? "a zombie" : "no process") + "): it makes no call";
        if (p == Kernel.INIT && (op.name().equals("Exit") || op.name().equals("Exec"))) {
            return "init does not " + (op.name().equals("Exit") ? "exit (global init never exits" : "exec (the driver's init runs the script")
                    + "; the model's init makes neither call)";
        }
        switch (op.form()) {
            case PAIR, INIT_PID -> {
                if (op.arg() < 1 || op.arg() > s.maxPid()) return "PID " + op.arg() + " is outside 1.." + s.maxPid();
            }
            default -> { }
        }
        if ((op.name().equals("Fork") || op.name().equals("Probe")) && nextSlot >= SLOTS) {
            return "the script forks more than " + (SLOTS - 1) + " processes (the driver's slots)";
        }
        return null;
    }

    /** Why op cannot be checked on this Linux (null when it can): it is then left out on both sides. */
    String uncheckable(Op op) {
        String n = op.name();
        boolean forks = n.equals("Fork") || n.equals("Probe");
        if (forks && !pool && kernel.nextPid(s) == Kernel.NO_PID) {
            return "no PID is free in the model's pool, and Linux's pool here is not the model's" + (ns ? "" : " (no namespace)");
        }
        if (ns) return null;
        if (n.equals("Sigqueue")) return "without a namespace of its own the user's pending-signal count (RLIMIT_SIGPENDING) is the machine's";
        if (n.equals("OutsideFork")) return "without a namespace the PID cursor cannot be moved";
        if ((n.equals("KillZero") || n.equals("WaitPid") || n.equals("Reap")) && !inUse(op.arg())) {
            return "PID " + op.arg() + " is not in use, and without a namespace PID values are not the model's";
        }
        return null;
    }

    private static final String[] WEIGHTED = {"Fork", "Fork", "Fork", "Fork", "Fork", "Exit", "Exit", "Exit", "Exit",
            "WaitNohang", "WaitNohang", "Wait", "Reap", "Setsid", "Exec", "OpenTty", "OpenTtyNoctty", "PrctlSetChildSubreaper",
            "Sigqueue", "Sigqueue", "ReadSignals", "ReadSigchld", "ReadAdoption", "WaitPid", "Peek", "Probe", "KillZero", "OutsideFork"};

    /** One operation of the vocabulary that some running process can make now and that can be checked here. */
    Op choose(SplittableRandom rnd) {
        List<Integer> callers = new ArrayList<>();
        for (Proc p : s.procs()) if (p.running()) callers.add(p.pid());
        for (int attempt = 0; ; attempt++) {
            String n = WEIGHTED[rnd.nextInt(WEIGHTED.length)];
            Op op = switch (Op.form(n)) {
                case CALLER -> {
                    List<Integer> c = n.equals("Exit") || n.equals("Exec") ? callers.subList(1, callers.size()) : callers;
                    yield c.isEmpty() ? null : Op.of(n, c.get(rnd.nextInt(c.size())));
                }
                case PAIR -> {
                    int p = callers.get(rnd.nextInt(callers.size()));
                    List<Integer> kids = s.childrenOf(p);
                    int c = !kids.isEmpty() && rnd.nextBoolean() ? kids.get(rnd.nextInt(kids.size())) : 1 + rnd.nextInt(s.maxPid());
                    yield new Op(n, p, c);
                }
                case INIT -> Op.init(n, 0);
                case INIT_PID -> {
                    List<Integer> kids = s.childrenOf(Kernel.INIT);
                    int q = n.equals("WaitPid") && !kids.isEmpty() && rnd.nextBoolean() ? kids.get(rnd.nextInt(kids.size()))
                            : 1 + rnd.nextInt(s.maxPid());
                    yield Op.init(n, q);
                }
            };
            if (op == null || refusal(op) != null || uncheckable(op) != null) {
                if (attempt > 200) return Op.init("ReadSignals", 0);
                continue;
            }
            return op;
        }
    }

    // ---------------------------------------------------------------- running one operation

    private void disagree(String what) {
        if (disagreement == null) disagreement = what;
    }

    private String expectOk(String command, String what) {
        String a = driver.ask(command);
        if (a == null || !a.startsWith("ok")) disagree(what + ": the driver answered " + (a == null ? "nothing" : a));
        return a;
    }

    /** The Linux PID of a model PID: itself in a namespace (init is 1 there), else the one its fork returned (-1 if none). */
    private int real(int model) {
        if (ns) return model;
        return realOf.getOrDefault(model, -1);
    }

    /** The model PID of a Linux PID (negated when the model has none). */
    private int model(int linux) {
        if (ns) return linux;
        return modelOf.getOrDefault(linux, -linux);
    }

    private String slotCmd(String cmd, int model) { return cmd + " " + slotOf.get(model); }

    private static String said(String linux) { return linux == null ? "nothing (no answer in time)" : linux; }

    private static int value(Result<KernelState> r) { return ((Result.Ok<KernelState>) r).value(); }

    private static String result(Result<KernelState> r, String ok) { return r.ok() ? ok : "err " + r.errno(); }

    /** The zombie children of p in its children list's order: the order waitpid(-1) finds them in (spec: ChildList). */
    private List<Integer> zombies(int p) {
        List<Integer> out = new ArrayList<>();
        for (int c : s.childList(p)) if (s.proc(c).state() == ProcState.ZOMBIE) out.add(c);
        return out;
    }

    private void forget(int reaped) {
        slotOf.remove(reaped);
        realOf.remove(reaped);
    }

    /** The reply Linux must give, compared; the note goes to the story. */
    private void compare(String call, String linux, String predicted) {
        if (!predicted.equals(linux)) disagree(call + ": Linux " + said(linux) + ", the model " + predicted);
    }

    void step(Op op, String stepName, String tag) {
        script.add(op);
        used.add(op.name());
        int p = op.pid();
        String predicted;
        String linux;
        String note = "";
        switch (op.name()) {
            case "Fork", "Probe" -> {
                int c = kernel.nextPid(s);
                boolean probe = op.name().equals("Probe");
                Result<KernelState> r = probe ? kernel.fork(s, Kernel.INIT, Proc.INIT_SVC, "Probe")
                        : stepName != null ? kernel.fork(s, p, tag, stepName) : kernel.fork(s, p);
                if (ns && !pool && r.ok() && c <= s.lastPid()) expectOk("lastpid 1", "moving the PID cursor back to the pool's start");
                int slot = nextSlot++;
                linux = driver.ask("fork " + slotOf.get(p) + " " + slot);
                predicted = r.ok() ? "ok " + (ns ? String.valueOf(c) : "<a new PID>") : "err " + r.errno();
                if (probe && r.ok()) note = "init's probe: its child exits at a later step, Exit(" + c + ")";
                if (linux != null && linux.startsWith("ok ") && r.ok()) {
                    int rp = Integer.parseInt(linux.substring(3).trim());
                    if (ns && rp != c) disagree("fork by " + p + " gave PID " + rp + ", the model predicted " + c);
                    slotOf.put(c, slot);
                    realOf.put(c, rp);
                    modelOf.put(rp, c);
                    s = r.state();
                } else if (r.ok() || !predicted.equals(linux)) {
                    disagree("fork by " + p + ": Linux " + said(linux) + ", the model " + predicted);
                }
            }
            case "Exit" -> {
                Result<KernelState> r = kernel.exit(s, p);
                predicted = result(r, "ok");
                linux = driver.ask(slotCmd("exit", p));
                compare("exit by " + p, linux, predicted);
                if (r.ok()) s = r.state();
            }
            case "WaitNohang", "Wait" -> {
                boolean block = op.name().equals("Wait");
                // init's wait is the kernel's waitAny (spec: WaitAny, WaitAnyNone, WaitAnyEchild); a daemon's reaps the
                // first zombie of its children list (spec: ChildList), as Linux's do_wait walks it
                Result<KernelState> any = p == Kernel.INIT ? kernel.waitAny(s) : null;
                List<Integer> zs = zombies(p);
                int z = any != null ? (any.ok() ? value(any) : Kernel.NO_PID) : zs.isEmpty() ? Kernel.NO_PID : zs.get(0);
                boolean children = any != null ? any.ok() : !s.childrenOf(p).isEmpty();
                predicted = !children ? "err ECHILD" : z != Kernel.NO_PID ? "ok " + real(z) : block ? "err EINTR" : "ok 0";
                if (block && children && z == Kernel.NO_PID) note = "the model: waitpid(-1, 0) blocks (no zombie child); the driver's timer ends it after " + BLOCK_MS + " ms";
                linux = driver.ask(block ? slotCmd("waitb", p) + " " + BLOCK_MS : slotCmd("wait", p));
                compare("waitpid(-1" + (block ? ", 0" : ", WNOHANG") + ") by " + p, linux, predicted);
                if (disagreement == null && z != Kernel.NO_PID) {
                    s = (any != null ? any : kernel.reap(s, p, z)).state();
                    forget(z);
                }
            }
            case "Reap" -> {
                int c = op.arg();
                boolean child = inUse(c) && s.proc(c).parent() == p;
                boolean zombie = child && s.proc(c).state() == ProcState.ZOMBIE;
                predicted = zombie ? "ok " + real(c) : child ? "ok 0" : "err ECHILD";
                linux = driver.ask(slotCmd("waitpidv", p) + " " + real(c));
                compare("waitpid(" + c + ", WNOHANG) by " + p, linux, predicted);
                if (disagreement == null && zombie) {
                    s = kernel.reap(s, p, c).state();
                    forget(c);
                }
            }
            case "WaitPid" -> {
                int c = op.arg();
                Result<KernelState> r = kernel.waitPid(s, c);
                predicted = r.ok() ? "ok " + (value(r) != 0 ? real(c) : 0) : "err " + r.errno();
                linux = driver.ask("waitpidv 0 " + real(c));
                compare("waitpid(" + c + ", WNOHANG) by init", linux, predicted);
                if (disagreement == null && r.ok() && value(r) != 0) {
                    s = r.state();
                    forget(c);
                }
            }
            case "Peek" -> {
                Result<KernelState> r = kernel.peek(s);
                predicted = r.ok() ? "ok " + (value(r) == 0 ? 0 : real(value(r))) : "err " + r.errno();
                linux = driver.ask("peek 0");
                compare("waitid(P_ALL, WEXITED|WNOHANG|WNOWAIT) by init", linux, predicted);
            }
            case "Setsid" -> {
                Result<KernelState> r = kernel.setsid(s, p);
                predicted = r.ok() ? "ok " + real(p) : "err " + r.errno();
                linux = driver.ask(slotCmd("setsid", p));
                compare("setsid by " + p, linux, predicted);
                if (r.ok()) s = r.state();
            }
            case "Exec", "OpenTty", "OpenTtyNoctty", "PrctlSetChildSubreaper" -> {
                Result<KernelState> r = switch (op.name()) {
                    case "Exec" -> kernel.exec(s, p);
                    case "OpenTty" -> kernel.openTty(s, p);
                    case "PrctlSetChildSubreaper" -> kernel.prctlSetChildSubreaper(s, p);
                    default -> Result.ok(s, 0);
                };
                predicted = result(r, "ok");
                String cmd = switch (op.name()) {
                    case "Exec" -> "exec";
                    case "OpenTty" -> "tty";
                    case "OpenTtyNoctty" -> "ttyn";
                    default -> "subreaper";
                };
                linux = driver.ask(slotCmd(cmd, p));
                compare(op.toString(), linux, predicted);
                if (r.ok()) s = r.state();
            }
            case "Sigqueue" -> {
                int v = ++sigValue;
                Result<KernelState> r = kernel.sigqueue(s, p, v);
                predicted = result(r, "ok");
                linux = driver.ask(slotCmd("sigqueue", p) + " " + v);
                compare("sigqueue(init, SIGRTMIN, " + v + ") by " + p, linux, predicted);
                if (r.ok()) s = r.state();
            }
            case "ReadSignals" -> {
                StringBuilder b = new StringBuilder("ok");
                if (s.chldPending()) {
                    b.append(" CHLD ").append(chldReal);
                    s = kernel.readSigchld(s).state();
                }
                while (!s.rtq().isEmpty()) {
                    Adoption[] out = new Adoption[1];
                    s = kernel.readAdoption(s, out).state();
                    // the sender's PID is the model's own message: in a namespace the PID it had when it sent
                    b.append(" RT ").append(out[0].pid()).append(' ').append(out[0].prev());
                }
                predicted = b.toString();
                linux = driver.ask("signals");
                compare("init's signalfd", linux, predicted);
            }
            case "ReadSigchld" -> {
                Result<KernelState> r = kernel.readSigchld(s);
                // every modelled process exits with status 0 (CLD_EXITED = 1)
                predicted = r.ok() ? "ok CHLD " + chldReal + " 0 1" : "err " + r.errno();
                linux = driver.ask("sigwait CHLD");
                compare("sigtimedwait({SIGCHLD}, 0) by init", linux, predicted);
                if (r.ok()) s = r.state();
            }
            case "ReadAdoption" -> {
                Adoption[] out = new Adoption[1];
                Result<KernelState> r = kernel.readAdoption(s, out);
                // SI_QUEUE = -1: the sender and the value of the model's own message
                predicted = r.ok() ? "ok RT " + out[0].pid() + " " + out[0].prev() + " -1" : "err " + r.errno();
                linux = driver.ask("sigwait RT");
                compare("sigtimedwait({SIGRTMIN}, 0) by init", linux, predicted);
                if (r.ok()) s = r.state();
            }
            case "KillZero" -> {
                int q = op.arg();
                predicted = inUse(q) ? "ok" : "err " + Errno.ESRCH;
                linux = driver.ask("kill0 " + real(q));
                compare("kill(" + q + ", 0) by init", linux, predicted);
            }
            case "OutsideFork" -> {
                int q = op.arg();
                if (q != s.lastPid()) s = kernel.outsideFork(s, q).state();
                predicted = "ok";
                linux = driver.ask("lastpid " + q);
                compare("writing " + q + " to ns_last_pid", linux, predicted);
            }
            default -> throw new IllegalArgumentException(op.toString());
        }
        if (s.chldPending() && s.sigchld() != chldModel) chldReal = real(s.sigchld());   // SIGCHLD's si_pid, as Linux names it
        chldModel = s.sigchld();
        replies.add(new Reply(op, linux, predicted, note));
        story.add(String.format("%2d. %-26s Linux: %-22s model: %s", script.size(), op, linux, predicted));
        if (!note.isEmpty()) story.add("    " + note);
        states.add(s);
        if (disagreement == null) observe();
        if (disagreement != null) story.add("    processes (model): " + table());
    }

    /** The model's process table in one line. */
    private String table() {
        StringBuilder b = new StringBuilder();
        for (Proc p : s.procs()) {
            if (!p.inUse()) continue;
            b.append(String.format("%d[%s ppid %d pgid %d sid %d%s%s] ", p.pid(), p.state() == ProcState.ZOMBIE ? "Z" : "R",
                    p.parent(), p.pgid(), p.sid(), p.subreaper() ? " subreaper" : "", s.ttySession() == p.sid() && p.running() ? " tty" : ""));
        }
        b.append("; children lists ").append(s.joined()).append("; SIGCHLD ").append(s.chldPending() ? "pending, si_pid " + s.sigchld() : "not pending")
                .append("; queued ").append(s.rtq().size());
        return b.toString().trim();
    }

    /** Compares what Linux shows with the model's state after a step. */
    private void observe() {
        StringBuilder cmd = new StringBuilder("ps");
        List<Integer> asked = new ArrayList<>();
        for (Proc p : s.procs()) if (p.inUse() && p.pid() != Kernel.INIT) { asked.add(p.pid()); cmd.append(' ').append(real(p.pid())); }
        List<Integer> free = new ArrayList<>();
        if (ns) {
            int top = pool ? s.maxPid() : s.maxPid() + 2;
            for (int q = 2; q <= top; q++) if (q > s.maxPid() || !s.proc(q).inUse()) { free.add(q); cmd.append(' ').append(q); }
        }
        String a = driver.ask(cmd.toString());
        if (a == null || !a.startsWith("ok")) { disagree("ps: " + said(a)); return; }
        String[] items = a.substring(2).trim().isEmpty() ? new String[0] : a.substring(2).trim().split(" ");
        for (int i = 0; i < asked.size(); i++) {
            int q = asked.get(i);
            Proc p = s.proc(q);
            String[] f = items[i].split(":");
            if (f.length < 6) { disagree("process " + q + " (Linux PID " + real(q) + ") is gone on Linux; the model has it " + (p.running() ? "running" : "a zombie")); return; }
            boolean zombie = f[1].equals("Z");
            if (zombie != (p.state() == ProcState.ZOMBIE)) {
                disagree("process " + q + " is " + (zombie ? "a zombie" : "running") + " on Linux, " + (zombie ? "running" : "a zombie") + " in the model");
                return;
            }
            int ppid = model(Integer.parseInt(f[2]));
            int pgid = model(Integer.parseInt(f[3]));
            int sid = model(Integer.parseInt(f[4]));
            if (ppid != p.parent()) { disagree("the parent of " + q + " is " + ppid + " on Linux, " + p.parent() + " in the model"); return; }
            if (pgid != p.pgid()) { disagree("the process group of " + q + " is " + pgid + " on Linux, " + p.pgid() + " in the model"); return; }
            if (sid != p.sid()) { disagree("the session of " + q + " is " + sid + " on Linux, " + p.sid() + " in the model"); return; }
            if (p.running()) {
                // the model keeps the terminal per session (ttySession); Linux per process, set in the
                // leader when it acquires the terminal and inherited on fork. A session leader has it
                // exactly when its session holds it; other members are not compared (see facts.tsv).
                boolean tty = !f[5].equals("0");
                boolean mtty = s.ttySession() == q;
                if (p.sid() == q && tty != mtty) { disagree("session leader " + q + (tty ? " has" : " has no") + " controlling terminal on Linux, the model says " + (mtty ? "it has" : "none")); return; }
            }
        }
        for (int i = 0; i < free.size(); i++) {
            String[] f = items[asked.size() + i].split(":");
            if (f.length > 2) { disagree("PID " + free.get(i) + " is in use on Linux (" + items[asked.size() + i] + "), free in the model"); return; }
        }
        // children lists, in the kernel's order (spec: ChildList, from joined)
        StringBuilder ch = new StringBuilder("children ").append(real(Kernel.INIT));
        List<Integer> parents = new ArrayList<>();
        parents.add(Kernel.INIT);
        for (int q : asked) { parents.add(q); ch.append(' ').append(real(q)); }
        String c = driver.ask(ch.toString());
        if (c == null || !c.startsWith("ok")) { disagree("children: " + said(c)); return; }
        String[] lists = c.substring(2).trim().split(" ");
        for (int i = 0; i < parents.size(); i++) {
            int q = parents.get(i);
            String l = i < lists.length ? lists[i] : "";
            int eq = l.indexOf('=');
            String body = eq < 0 ? "-" : l.substring(eq + 1);
            if (body.equals("-")) {
                if (s.proc(q).running()) { disagree("process " + q + " has no children list on Linux (gone)"); return; }
                continue;
            }
            List<Integer> linuxKids = new ArrayList<>();
            if (!body.isEmpty()) for (String x : body.split(",")) linuxKids.add(model(Integer.parseInt(x)));
            List<Integer> modelKids = s.childList(q);
            if (!linuxKids.equals(modelKids)) { disagree("the children list of " + q + " is " + linuxKids + " on Linux, " + modelKids + " in the model"); return; }
        }
        String t = driver.ask("ttysid");
        int holder = t == null || !t.startsWith("ok ") ? -1 : Integer.parseInt(t.substring(3));
        int mholder = holder == 0 ? Kernel.NO_PID : model(holder);
        if (mholder != s.ttySession()) { disagree("the terminal belongs to session " + (holder == 0 ? "none" : mholder) + " on Linux, " + (s.ttySession() == Kernel.NO_PID ? "none" : s.ttySession()) + " in the model"); return; }
        for (Proc p : s.procs()) {
            if (!p.running() || (p.pid() == Kernel.INIT && !ns)) continue;   // init is a subreaper by design without a namespace
            String sub = driver.ask(slotCmd("getsub", p.pid()));
            String msub = "ok " + (p.subreaper() ? 1 : 0);
            if (!msub.equals(sub)) { disagree("the subreaper flag of " + p.pid() + " is " + said(sub) + " on Linux, the model says " + msub); return; }
        }
        if (ns) {
            String cur = driver.ask("cursor");
            if (!("ok " + s.lastPid()).equals(cur)) { disagree("the PID cursor (ns_last_pid) is " + said(cur) + " on Linux, " + s.lastPid() + " in the model (lastPid)"); return; }
        }
        String pend = driver.ask("pending");
        String[] w = pend == null ? new String[0] : pend.split(" ");
        if (w.length != 5 || !w[0].equals("ok")) { disagree("pending: " + said(pend)); return; }
        boolean chld = w[1].equals("1"), rt = w[2].equals("1");
        if (chld != s.chldPending()) { disagree("SIGCHLD is " + (chld ? "" : "not ") + "pending at init on Linux, " + (s.chldPending() ? "pending" : "not pending") + " in the model"); return; }
        if (ns) {
            int queued = s.rtq().size();
            if (rt != (queued > 0)) { disagree("SIGRTMIN is " + (rt ? "" : "not ") + "pending at init on Linux, the model has " + queued + " queued"); return; }
            int budget = (s.chldPending() ? 1 : 0) + queued;
            if (Integer.parseInt(w[3]) != budget) {
                disagree("the user's pending signals (SigQ, as RLIMIT_SIGPENDING counts them) are " + w[3] + " on Linux, " + budget + " in the model (Budget)");
            }
        }
    }
}
