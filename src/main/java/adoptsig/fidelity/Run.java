package adoptsig.fidelity;

import adoptsig.kernel.Adoption;
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

/**
 * One script run on Linux (through the driver) and on the Java kernel side by side. Before each
 * operation the Java kernel predicts its result; after it, the process table that Linux shows
 * (state, parent, process group, session, controlling terminal, subreaper flag of every process)
 * is compared with the kernel state's. PIDs are compared through the mapping that the script's
 * forks establish; in a PID namespace the values themselves must be equal too, the driver
 * emulating a pool of maxPid PIDs by moving ns_last_pid back to 1 where the model wraps round.
 * The first disagreement ends the run.
 */
public final class Run {
    /** What a run found: the steps taken, the story lines, and the disagreement (null when none). */
    public record Outcome(List<Op> script, List<String> story, String disagreement, Set<String> operations, List<KernelState> states) {
        public boolean agrees() { return disagreement == null; }
        public String told() {
            StringBuilder b = new StringBuilder();
            for (String l : story) b.append(l).append('\n');
            if (disagreement != null) b.append("DISAGREEMENT: ").append(disagreement).append('\n');
            return b.toString();
        }
    }

    static final int SLOTS = 48;

    private final Driver driver;
    private final Kernel kernel;
    private final boolean ns;
    private KernelState s;
    private final Map<Integer, Integer> slotOf = new HashMap<>();      // model PID -> driver slot (in use)
    private final Map<Integer, Integer> realOf = new HashMap<>();      // model PID -> Linux PID (in use)
    private final Map<Integer, Integer> modelOf = new HashMap<>();     // Linux PID -> model PID (every one seen)
    private final Map<Integer, Integer> senderOf = new HashMap<>();    // sigqueue value -> Linux PID of the sender
    private int nextSlot = 1;
    private int sigValue = 0;
    private int chldModel = Kernel.NO_PID, chldReal = -1;     // the si_pid of init's pending SIGCHLD: model PID, Linux PID
    private final List<Op> script = new ArrayList<>();
    private final List<String> story = new ArrayList<>();
    private final Set<String> used = new LinkedHashSet<>();
    private String disagreement;
    private final List<KernelState> states = new ArrayList<>();   // the model's state before the first step and after each

    private Run(Driver driver, Kernel kernel, int maxPid, int sigLimit) {
        this.driver = driver;
        this.kernel = kernel;
        this.ns = driver.hello().namespace();
        this.s = KernelState.boot(maxPid, ns ? sigLimit : 62, "none");
        slotOf.put(Kernel.INIT, 0);
        realOf.put(Kernel.INIT, driver.hello().initPid());
        modelOf.put(driver.hello().initPid(), Kernel.INIT);
        story.add(String.format("Linux %s, init %s; %d PIDs%s", driver.hello().kernel(),
                ns ? "is PID 1 of a new PID namespace" : "is a child subreaper " + driver.hello().note(), maxPid,
                ns ? ", realtime queue limit " + sigLimit + " (RLIMIT_SIGPENDING)" : ""));
        if (ns) expectOk("rlimit " + sigLimit, "setting RLIMIT_SIGPENDING");
        states.add(s);
    }

    /** Runs the operations in order; an operation the model does not allow at that point is bad input. */
    public static Outcome explicit(Driver d, Kernel k, int maxPid, int sigLimit, List<Op> ops) {
        Run r = new Run(d, k, maxPid, sigLimit);
        for (Op op : ops) {
            if (r.disagreement != null) break;
            if (!r.enabled().contains(op)) {
                throw new adoptsig.InputError("step " + (r.script.size() + 1) + ", " + op + ": the model does not allow it here"
                        + " (allowed: " + r.enabled() + ")");
            }
            r.step(op);
        }
        return r.outcome();
    }

    /** Interprets each choice as an index into the operations the model allows at that point (so any list is a valid script). */
    public static Outcome random(Driver d, Kernel k, int maxPid, int sigLimit, List<Integer> choices) {
        Run r = new Run(d, k, maxPid, sigLimit);
        for (int c : choices) {
            if (r.disagreement != null) break;
            List<Op> e = r.enabled();
            r.step(e.get(Math.floorMod(c, e.size())));
        }
        return r.outcome();
    }

    private Outcome outcome() { return new Outcome(List.copyOf(script), List.copyOf(story), disagreement, used, List.copyOf(states)); }

    /** The operations the model allows now, in a fixed order. */
    List<Op> enabled() {
        List<Op> out = new ArrayList<>();
        out.add(Op.of("ReadSignals", Kernel.INIT));
        for (Proc p : s.procs()) {
            if (!p.running()) continue;
            int q = p.pid();
            if (kernel.nextPid(s) != Kernel.NO_PID && nextSlot < SLOTS) out.add(Op.of("Fork", q));
            out.add(Op.of("WaitNohang", q));
            if (!zombies(q).isEmpty()) out.add(Op.of("Wait", q));
            if (q == Kernel.INIT) continue;
            out.add(Op.of("Exit", q));
            out.add(Op.of("Setsid", q));
            out.add(Op.of("Exec", q));
            out.add(Op.of("OpenTty", q));
            out.add(Op.of("OpenTtyNoctty", q));
            out.add(Op.of("PrctlSetChildSubreaper", q));
            if (ns) out.add(Op.of("Sigqueue", q));
        }
        if (ns) for (int q = 2; q <= s.maxPid(); q++) if (q != s.lastPid()) out.add(new Op("OutsideFork", Kernel.INIT, q));
        return out;
    }

    /** The zombie children of p in its children list's order: the order waitpid(-1) finds them in (spec: ChildList). */
    private List<Integer> zombies(int p) {
        List<Integer> out = new ArrayList<>();
        for (int c : s.childList(p)) if (s.proc(c).state() == ProcState.ZOMBIE) out.add(c);
        return out;
    }

    private void disagree(String what) {
        if (disagreement == null) disagreement = what;
    }

    private String expectOk(String command, String what) {
        String a = driver.ask(command);
        if (a == null || !a.startsWith("ok")) disagree(what + ": the driver answered " + (a == null ? "nothing" : a));
        return a;
    }

    private int real(int model) { return realOf.getOrDefault(model, -1); }

    private String slotCmd(String cmd, int model) { return cmd + " " + slotOf.get(model); }

    private void step(Op op) {
        script.add(op);
        used.add(op.name());
        int p = op.pid();
        String predicted;
        String linux;
        switch (op.name()) {
            case "Fork" -> {
                int c = kernel.nextPid(s);
                if (ns && c <= s.lastPid()) expectOk("lastpid 1", "moving the PID cursor back to the pool's start");
                Result<KernelState> r = kernel.fork(s, p);
                int slot = nextSlot++;
                linux = driver.ask("fork " + slotOf.get(p) + " " + slot);
                predicted = "ok " + (ns ? String.valueOf(c) : "<a new PID>");
                if (linux != null && linux.startsWith("ok ")) {
                    int rp = Integer.parseInt(linux.substring(3).trim());
                    if (ns && rp != c) disagree("fork gave PID " + rp + ", the model predicted " + c);
                    slotOf.put(c, slot);
                    realOf.put(c, rp);
                    modelOf.put(rp, c);
                    s = r.state();
                } else {
                    disagree("fork failed on Linux (" + linux + "), the model predicted PID " + c);
                }
            }
            case "Exit" -> {
                s = kernel.exit(s, p).state();
                predicted = "ok";
                linux = driver.ask(slotCmd("exit", p));
                if (!"ok".equals(linux)) disagree("exit: " + linux);
            }
            case "WaitNohang", "Wait" -> {
                List<Integer> zombies = zombies(p);
                int z = zombies.isEmpty() ? Kernel.NO_PID : zombies.get(0);
                predicted = s.childrenOf(p).isEmpty() ? "err ECHILD" : z == Kernel.NO_PID ? "ok 0" : "ok " + real(z);
                linux = driver.ask(slotCmd(op.name().equals("Wait") ? "waitb" : "wait", p));
                if (!predicted.equals(linux)) disagree("waitpid(-1" + (op.name().equals("Wait") ? "" : ", WNOHANG") + ") by "
                        + p + " returned " + (linux == null ? "nothing (still waiting)" : linux) + ", the model predicted " + predicted);
                else if (z != Kernel.NO_PID) {
                    s = (p == Kernel.INIT ? kernel.waitAny(s) : kernel.reap(s, p, z)).state();
                    slotOf.remove(z);
                    realOf.remove(z);
                }
            }
            case "Setsid" -> {
                Result<KernelState> r = kernel.setsid(s, p);
                predicted = r.ok() ? "ok " + real(p) : "err " + r.errno();
                linux = driver.ask(slotCmd("setsid", p));
                if (!predicted.equals(linux)) disagree("setsid by " + p + ": Linux " + linux + ", the model " + predicted);
                if (r.ok()) s = r.state();
            }
            case "Exec", "OpenTty", "OpenTtyNoctty", "PrctlSetChildSubreaper" -> {
                Result<KernelState> r = switch (op.name()) {
                    case "Exec" -> kernel.exec(s, p);
                    case "OpenTty" -> kernel.openTty(s, p);
                    case "PrctlSetChildSubreaper" -> kernel.prctlSetChildSubreaper(s, p);
                    default -> Result.ok(s, 0);
                };
                predicted = "ok";
                String cmd = switch (op.name()) {
                    case "Exec" -> "exec";
                    case "OpenTty" -> "tty";
                    case "OpenTtyNoctty" -> "ttyn";
                    default -> "subreaper";
                };
                linux = driver.ask(slotCmd(cmd, p));
                if (!"ok".equals(linux)) disagree(op + ": Linux answered " + linux);
                s = r.state();
            }
            case "Sigqueue" -> {
                int v = ++sigValue;
                senderOf.put(v, real(p));
                Result<KernelState> r = kernel.sigqueue(s, p, v);
                predicted = r.ok() ? "ok" : "err " + r.errno();
                linux = driver.ask(slotCmd("sigqueue", p) + " " + v);
                if (!predicted.equals(linux)) disagree("sigqueue(init, SIGRTMIN, " + v + ") by " + p + ": Linux " + linux + ", the model " + predicted);
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
                    // the sender's PID: in a namespace the model's own PID; as a subreaper, the PID it had when it sent
                    b.append(" RT ").append(ns ? out[0].pid() : senderOf.get(out[0].prev())).append(' ').append(out[0].prev());
                }
                predicted = b.toString();
                linux = driver.ask("signals");
                if (!predicted.equals(linux)) disagree("init's signalfd gave " + linux + ", the model predicted " + predicted);
            }
            case "OutsideFork" -> {
                s = kernel.outsideFork(s, op.arg()).state();
                predicted = "ok";
                linux = driver.ask("lastpid " + op.arg());
                if (!"ok".equals(linux)) disagree("writing " + op.arg() + " to ns_last_pid: " + linux);
            }
            default -> throw new IllegalArgumentException(op.toString());
        }
        if (s.chldPending() && s.sigchld() != chldModel) chldReal = real(s.sigchld());   // SIGCHLD's si_pid, as Linux names it
        chldModel = s.sigchld();
        story.add(String.format("%2d. %-26s Linux: %-22s model: %s", script.size(), op, linux, predicted));
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
        return b.toString().trim();
    }

    /** Compares Linux's process table with the model's after a step. */
    private void observe() {
        StringBuilder cmd = new StringBuilder("ps");
        List<Integer> asked = new ArrayList<>();
        for (Proc p : s.procs()) if (p.inUse() && p.pid() != Kernel.INIT) { asked.add(p.pid()); cmd.append(' ').append(real(p.pid())); }
        List<Integer> free = new ArrayList<>();
        if (ns) for (int q = 2; q <= s.maxPid() + 2; q++) if (q > s.maxPid() || !s.proc(q).inUse()) { free.add(q); cmd.append(' ').append(q); }
        String a = driver.ask(cmd.toString());
        if (a == null || !a.startsWith("ok")) { disagree("ps: " + a); return; }
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
            int ppid = modelOf.getOrDefault(Integer.parseInt(f[2]), -Integer.parseInt(f[2]));
            int pgid = modelOf.getOrDefault(Integer.parseInt(f[3]), -Integer.parseInt(f[3]));
            int sid = modelOf.getOrDefault(Integer.parseInt(f[4]), -Integer.parseInt(f[4]));
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
                String sub = driver.ask(slotCmd("getsub", q));
                String msub = "ok " + (p.subreaper() ? 1 : 0);
                if (!msub.equals(sub)) { disagree("the subreaper flag of " + q + " is " + sub + " on Linux, the model says " + msub); return; }
            }
        }
        String t = driver.ask("ttysid");
        int holder = t == null || !t.startsWith("ok ") ? -1 : Integer.parseInt(t.substring(3));
        int mholder = holder == 0 ? Kernel.NO_PID : modelOf.getOrDefault(holder, -holder);
        if (mholder != s.ttySession()) { disagree("the terminal belongs to session " + (holder == 0 ? "none" : mholder) + " on Linux, " + (s.ttySession() == Kernel.NO_PID ? "none" : s.ttySession()) + " in the model"); return; }
        for (int i = 0; i < free.size(); i++) {
            String[] f = items[asked.size() + i].split(":");
            if (f.length > 2) { disagree("PID " + free.get(i) + " is in use on Linux (" + items[asked.size() + i] + "), free in the model"); return; }
        }
    }
}
