package adoptsig.product;

import adoptsig.daemon.Daemons;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.kernel.ProcState;
import adoptsig.kernel.Result;
import adoptsig.kernel.Step;
import adoptsig.system.Bounds;
import adoptsig.system.World;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The indistinguishability check's transition system (spec/Indistinguishability.tla) over the
 * Java kernel and daemons: two copies; init's steps taken by both at once with the same
 * observation; the environment's steps (daemons, strangers, processes outside the model) in
 * one copy at a time. Also what the game needs: whether init has a step that would tell the
 * copies apart, whether it has anything left to read, and whether a state is a conflict.
 */
public final class Product {
    /** A step: by init (both copies) or by the environment (one copy); its name in spec vocabulary. */
    public record Move(boolean byInit, String name, Pair next) {}

    private final Setting setting;
    private final Bounds copies;
    private final Kernel kernel;
    private final Daemons daemons;
    private final int nServices;

    public Product(Setting setting) { this(setting, new Kernel()); }

    public Product(Setting setting, Kernel kernel) {
        this.setting = setting;
        this.copies = setting.copies();
        this.kernel = kernel;
        this.daemons = new Daemons(kernel, copies);
        this.nServices = setting.services().size();
    }

    public Setting setting() { return setting; }

    /** Spec: Init. */
    public Pair init() {
        World w = World.boot(copies, "none");
        return new Pair(w, w, 0, List.of(), List.of());
    }

    // ------------------------------------------------------------------ observations

    private static boolean zombieChild(KernelState k, int c) {
        Proc p = k.proc(c);
        return p.state() == ProcState.ZOMBIE && p.parent() == Kernel.INIT;
    }

    private static boolean hasZombie(KernelState k) {
        for (int c = 1; c <= k.maxPid(); c++) if (zombieChild(k, c)) return true;
        return false;
    }

    /** Spec: HasChildren: waitpid(-1, WNOHANG) returns 0 rather than ECHILD. */
    private static boolean hasChildren(KernelState k) {
        for (Proc p : k.procs()) if (p.inUse() && p.parent() == Kernel.INIT) return true;
        return false;
    }

    /** Spec: Quiet. */
    private static boolean quiet(KernelState k, List<Msg> chan) {
        return !k.chldPending() && chan.isEmpty() && !hasZombie(k);
    }

    /** Spec: SameView: init has read everything, and nothing it could ask tells the copies apart. */
    public boolean sameView(Pair x) {
        return quiet(x.l().kernel(), x.lchan()) && quiet(x.r().kernel(), x.rchan())
                && hasChildren(x.l().kernel()) == hasChildren(x.r().kernel());
    }

    private static boolean runningOf(KernelState k, int p, String s) {
        Proc x = k.proc(p);
        return x.running() && x.svc().equals(s);
    }

    /** Spec: CommonNameInv and SameLivenessInv: null when neither is violated, else which and why. */
    public String conflict(Pair x) {
        if (!sameView(x)) return null;
        KernelState l = x.l().kernel(), r = x.r().kernel();
        for (String s : setting.services()) {
            boolean ll = x.l().lives(s), rl = x.r().lives(s);
            if (ll && rl) {
                boolean common = false;
                for (int p = 1; p <= setting.maxPid(); p++) if (runningOf(l, p, s) && runningOf(r, p, s)) common = true;
                if (!common) return "CommonNameInv: service " + s + " runs in both behaviours, but under no PID common to both";
            }
        }
        if (Integer.bitCount(x.started()) == nServices) {
            for (String s : setting.services()) {
                if (x.l().lives(s) != x.r().lives(s)) return "SameLivenessInv: service " + s + " runs in one behaviour and not in the other";
            }
        }
        return null;
    }

    /**
     * Init has work it may not put off for ever: something left to read (SIGCHLD, an adoption,
     * a zombie) in either copy, or a service not started yet while fork would succeed. (A
     * supervisor may wait, but the environment can wait longer: a daemon may stay half
     * daemonized for ever, so a supervisor that starts a service only after the previous one
     * has settled never starts it; in the game init does not idle while it has such work.)
     */
    public boolean pending(Pair x) {
        if (!quiet(x.l().kernel(), x.lchan()) || !quiet(x.r().kernel(), x.rchan())) return true;
        if (Integer.bitCount(x.started()) == nServices) return false;
        int c = kernel.nextPid(x.l().kernel());
        return c != Kernel.NO_PID && c == kernel.nextPid(x.r().kernel());
    }

    /**
     * Init has a step whose observation differs between the copies (a read that returns
     * something in one copy only, or different messages; a waitpid that can return no common
     * result; a fork that returns different PIDs): taking it tells the two behaviours apart.
     * Null when none, else the step's description.
     */
    public String distinguishing(Pair x) {
        KernelState l = x.l().kernel(), r = x.r().kernel();
        if (l.chldPending() != r.chldPending()) return "a read of SIGCHLD";
        if (setting.iface().tells()) {
            if (setting.iface().queued) {
                if (x.lchan().isEmpty() != x.rchan().isEmpty()
                        || (!x.lchan().isEmpty() && !x.lchan().get(0).equals(x.rchan().get(0)))) return "a read of the adoption channel";
            } else {
                boolean common = x.lchan().stream().anyMatch(x.rchan()::contains);
                if (!common && !(x.lchan().isEmpty() && x.rchan().isEmpty())) return "a read of the adoption channel";
            }
        }
        boolean commonZombie = false, anyZombie = false;
        for (int c = 1; c <= setting.maxPid(); c++) {
            boolean zl = zombieChild(l, c), zr = zombieChild(r, c);
            if (zl && zr) commonZombie = true;
            if (zl || zr) anyZombie = true;
        }
        if (!commonZombie && (anyZombie || hasChildren(l) != hasChildren(r))) return "waitpid(-1, WNOHANG)";
        for (String s : setting.services()) {
            if ((x.started() & (1 << setting.index(s))) != 0) continue;
            if (kernel.nextPid(l) != kernel.nextPid(r)) return "fork() for service " + s;
        }
        return null;
    }

    // ------------------------------------------------------------------ steps

    /** Spec: Next: init's joint steps, then the environment's steps. */
    public List<Move> moves(Pair x) {
        List<Move> out = new ArrayList<>();
        initMoves(x, out);
        envMoves(x, out);
        return out;
    }

    /** Spec: InitStep. */
    public void initMoves(Pair x, List<Move> out) {
        KernelState l = x.l().kernel(), r = x.r().kernel();
        for (String s : setting.services()) {                                  // Spawn(s)
            int bit = 1 << setting.index(s);
            if ((x.started() & bit) != 0) continue;
            int c = kernel.nextPid(l);
            if (c == Kernel.NO_PID || c != kernel.nextPid(r)) continue;
            World nl = spawn(x.l(), s), nr = spawn(x.r(), s);
            out.add(new Move(true, "Spawn(" + s + ") = " + c, new Pair(nl, nr, x.started() | bit, x.lchan(), x.rchan())));
        }
        if (l.chldPending() && r.chldPending()) {                              // ReadSigchld
            out.add(new Move(true, "ReadSigchld", new Pair(x.l().withKernel(readSigchld(l)), x.r().withKernel(readSigchld(r)),
                    x.started(), x.lchan(), x.rchan())));
        }
        if (setting.iface().tells()) {                                         // ReadAdoption(m)
            for (Msg m : readable(x)) {
                Step st = Step.of("ReadAdoption", Kernel.INIT, m.pid());
                out.add(new Move(true, "ReadAdoption" + m, new Pair(x.l().withKernel(l.withStep(st)), x.r().withKernel(r.withStep(st)),
                        x.started(), remove(x.lchan(), m), remove(x.rchan(), m))));
            }
        }
        for (int c = 1; c <= setting.maxPid(); c++) {                          // WaitNohang(c)
            if (!zombieChild(l, c) || !zombieChild(r, c)) continue;
            World nl = x.l().withKernel(kernel.waitPid(l, c).state()).withPc(c, "none");
            World nr = x.r().withKernel(kernel.waitPid(r, c).state()).withPc(c, "none");
            out.add(new Move(true, "WaitNohang = " + c, new Pair(nl, nr, x.started(),
                    released(x.lchan(), c), released(x.rchan(), c))));
        }
    }

    /** The messages a read of the channel can return in both copies: the common head, or (kept messages) any common one. */
    private List<Msg> readable(Pair x) {
        List<Msg> out = new ArrayList<>();
        if (setting.iface().queued) {
            if (!x.lchan().isEmpty() && !x.rchan().isEmpty() && x.lchan().get(0).equals(x.rchan().get(0))) out.add(x.lchan().get(0));
        } else {
            for (Msg m : x.lchan()) if (x.rchan().contains(m)) out.add(m);
        }
        return out;
    }

    /** Spec: Released: a report kept with a process goes when the process is reaped; a queued signal stays. */
    private List<Msg> released(List<Msg> chan, int c) {
        if (setting.iface().queued) return chan;
        List<Msg> out = new ArrayList<>();
        for (Msg m : chan) if (m.pid() != c) out.add(m);
        return out;
    }

    private List<Msg> remove(List<Msg> chan, Msg m) {
        if (setting.iface().queued) return chan.subList(1, chan.size());
        List<Msg> out = new ArrayList<>(chan);
        out.remove(m);
        return out;
    }

    private KernelState readSigchld(KernelState k) {
        return kernel.readSigchld(k).state().withStep(Step.of("ReadSigchld", Kernel.INIT, Kernel.NO_PID));
    }

    /** Init forks the first process of service s, which starts the idiom's program. */
    private World spawn(World w, String s) {
        Result<KernelState> r = kernel.fork(w.kernel(), Kernel.INIT, s, "Spawn");
        return w.withKernel(r.state()).withPc(((Result.Ok<KernelState>) r).value(), daemons.firstPc());
    }

    /** Spec: EnvStep: daemon steps in each copy, strangers starting, processes outside the model. */
    public void envMoves(Pair x, List<Move> out) {
        for (int side = 0; side < 2; side++) {
            World w = side == 0 ? x.l() : x.r();
            List<Msg> chan = side == 0 ? x.lchan() : x.rchan();
            String copy = side == 0 ? "L" : "R";
            for (int p = 2; p <= setting.maxPid(); p++) {                       // LStep(p), RStep(p)
                for (World n : daemons.steps(w, p)) {
                    List<Msg> nc = deliver(chan, msgs(w.kernel(), n.kernel().lastAction()));
                    out.add(new Move(false, copy + ": " + n.kernel().lastAction(), side == 0
                            ? new Pair(n, x.r(), x.started(), nc, x.rchan())
                            : new Pair(x.l(), n, x.started(), x.lchan(), nc)));
                }
            }
            for (String s : setting.strangers()) {                             // LStranger(x), RStranger(x)
                World n = daemons.strangerStart(w, s);
                if (n == null) continue;
                out.add(new Move(false, copy + ": stranger " + s + " starts", side == 0
                        ? new Pair(n, x.r(), x.started(), x.lchan(), x.rchan())
                        : new Pair(x.l(), n, x.started(), x.lchan(), x.rchan())));
            }
            if (setting.outside()) {                                            // LOutside(q), ROutside(q)
                for (int q = 1; q <= setting.maxPid(); q++) {
                    Result<KernelState> r = kernel.outsideFork(w.kernel(), q);
                    if (!r.ok()) continue;
                    World n = w.withKernel(r.state());
                    out.add(new Move(false, copy + ": outside " + q, side == 0
                            ? new Pair(n, x.r(), x.started(), x.lchan(), x.rchan())
                            : new Pair(x.l(), n, x.started(), x.lchan(), x.rchan())));
                }
            }
        }
    }

    /** Spec: Msgs: the messages of one exit step (pre-state k): one per child of the exiting process when init adopts it. */
    List<Msg> msgs(KernelState k, Step st) {
        if (!setting.iface().tells() || !st.name().equals("Exit") || st.target() != Kernel.INIT) return List.of();
        List<Msg> out = new ArrayList<>();
        int p = st.actor();
        for (Proc c : k.procs()) {                        // ascending PID order, as the spec's Ascending
            if (!c.inUse() || c.parent() != p) continue;
            List<Integer> line = new ArrayList<>();
            if (setting.iface().line) for (int a = p, n = 0; a != Kernel.INIT && n < k.maxPid(); a = k.proc(a).parent(), n++) line.add(a);
            out.add(new Msg(c.pid(), setting.iface().prev ? p : 0, line));
        }
        return out;
    }

    /** Spec: Deliver: a queue keeps messages up to SigLimit and drops the rest; kept messages are never lost. */
    List<Msg> deliver(List<Msg> chan, List<Msg> ms) {
        if (ms.isEmpty()) return chan;
        if (setting.iface().queued) {
            List<Msg> out = new ArrayList<>(chan);
            for (Msg m : ms) if (out.size() < setting.sigLimit()) out.add(m);
            return out;
        }
        TreeSet<Msg> out = new TreeSet<>(chan);
        out.addAll(ms);
        return new ArrayList<>(out);
    }
}
