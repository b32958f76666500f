package adoptsig.game;

import adoptsig.daemon.Daemons;
import adoptsig.kernel.Adoption;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.kernel.ProcState;
import adoptsig.kernel.Report;
import adoptsig.kernel.Result;
import adoptsig.system.World;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One copy of the system (the kernel, the daemons, strangers, the rest of the machine) as an
 * explicit graph, with init as an open player: the environment's steps (every daemon step,
 * strangers starting, processes outside the model moving the PID cursor), which init does not
 * see, and for every state and every call of init's alphabet the state after the call and
 * exactly what Linux returns init (its observation). Both games (pairs of copies, and sets of
 * states init cannot tell apart) are played on this graph.
 *
 * <p>A state is a {@link World} whose supervisor fields keep their initial values but for
 * {@code status}, which says which services init has started ("running") and which not
 * ("never"): init's own knowledge. The ghost variables are left out (everUsed, danced,
 * lastAction: {@link KernelState#withoutGhosts}).
 */
public final class Arena {
    /** An action of init: a call, with its argument (the service to spawn, the PID to wait for), and a number. */
    public record Action(int id, Call call, int arg, String name) {}

    /** Observation codes: EAGAIN, ECHILD; SIGCHLD in one read of both signals; a message is packed (see {@link #pack}). */
    public static final long EAGAIN = -1, ECHILD = -2, SIGCHLD_BIT = 1L << 61;

    /** Program locations whose step the program makes the process take (spec: DanceFairStep). */
    static final java.util.Set<String> FAIR_PCS = Daemons.FAIR_PCS;

    final Setting setting;
    final Interface iface;
    private final Kernel kernel = new Kernel();
    private final Daemons daemons;
    private final adoptsig.system.Bounds bounds;
    final List<Action> actions = new ArrayList<>();

    /** The states, numbered in the order they were found, kept packed (adoptsig.engine.WorldTable: exact, a few dozen bytes a state). */
    private final adoptsig.engine.WorldTable states = new adoptsig.engine.WorldTable();
    /**
     * The environment's steps, flat: state i's successors are envTo[envAt[i]] to
     * envTo[envAt[i + 1] - 1]; envBy at the same index: the process whose program step it is
     * (strongly fair), else 0.
     */
    int[] envAt;
    int[] envTo;
    int[] envBy;
    /** fairEnabled[i]: the processes (bit mask by PID) that can take a step their program makes them take in state i. */
    long[] fairEnabled;
    /**
     * next(i, a), obs(i, a): the state after action a in state i and what init sees (-3: the
     * action does not apply); kept flat, a row of A entries per state (A: the number of actions),
     * each observation as its number in a table of the distinct ones.
     */
    private int[] nextFlat, obsFlat;
    private long[] obsValues;
    /** Observation -> its number in obsValues (no boxing). */
    private final adoptsig.engine.LongIntMap obsIds = new adoptsig.engine.LongIntMap();
    /** For a probe: the state after the child's exit and init's waitpid for it (the frozen continuation), else -1 (null without probes). */
    private int[] probeDoneFlat;
    /** probeReap[i][c]: the state after init's waitpid(c, 0) reaps its exited probe child c in state i, else -1. */
    int[][] probeReap;
    /** Per state: bit masks over PIDs: in use, running; per service: in use of it, running of it. */
    long[] inUse, running;
    long[][] svcInUse, svcRunning;
    boolean[] drained, settled;
    int[] started;
    /** waitingFor[i]: the probe child init is blocked in waitpid for in state i, else 0 (no call of init applies then). */
    int[] waitingFor;

    public Arena(Setting setting) {
        this.setting = setting;
        this.iface = setting.iface();
        this.bounds = setting.copies();
        this.daemons = new Daemons(kernel, bounds);
        if (setting.maxPid() > 7) throw new adoptsig.InputError("the games pack observations for at most 7 PIDs, not " + setting.maxPid());
        int n = 0;
        for (int s = 0; s < setting.services().size(); s++) actions.add(new Action(n++, Call.SPAWN, s, "Spawn(" + setting.services().get(s) + ")"));
        if (setting.allows(Call.PROBE)) actions.add(new Action(n++, Call.PROBE, 0, "Probe"));
        actions.add(new Action(n++, Call.READ_SIGCHLD, 0, "ReadSigchld"));
        if (iface.queued()) actions.add(new Action(n++, Call.READ_ADOPTION, 0, "ReadAdoption"));
        if (iface.queued() && setting.allows(Call.READ_ANY)) actions.add(new Action(n++, Call.READ_ANY, 0, "ReadAny"));
        if (iface.tells() && !iface.queued()) actions.add(new Action(n++, Call.COLLECT, 0, "CollectReport"));
        actions.add(new Action(n++, Call.WAIT_ANY, 0, "WaitAny"));
        if (setting.allows(Call.WAIT_PID)) for (int c = 2; c <= setting.maxPid(); c++) actions.add(new Action(n++, Call.WAIT_PID, c, "WaitPid(" + c + ")"));
        if (setting.allows(Call.PEEK)) actions.add(new Action(n++, Call.PEEK, 0, "Peek"));
    }

    public List<Action> actions() { return actions; }
    public int size() { return states.size(); }

    /**
     * Bytes the built arena holds, about: its table of states, its flat arrays, the per-state rows
     * of a probe's reaps (a reference each, and a 16-byte header where there is one) and the
     * per-state summaries.
     */
    public long bytes() {
        long n = states.size(), b = states.bytes();
        b += 4L * nextFlat.length + 4L * obsFlat.length + 8L * obsValues.length + (probeDoneFlat == null ? 0 : 4L * probeDoneFlat.length);
        b += 4L * envAt.length + 8L * envTo.length + obsIds.bytes();
        for (int[] r : probeReap) b += 8 + (r == null ? 0 : 16 + 4L * r.length);
        int ns = setting.services().size();
        b += n * (8 + 8 + 16L * ns + 1 + 1 + 4 + 8 + 4);
        return b;
    }
    public World state(int i) { return states.get(i); }
    public Setting setting() { return setting; }

    /** The environment's successors of state i (a daemon's step, a stranger starting, activity outside the model). */
    public int[] envSuccessors(int i) { return Arrays.copyOfRange(envTo, envAt[i], envAt[i + 1]); }

    /** The state after init's action a in state i, or -1 when the action does not apply there. */
    public int after(int i, Action a) { return next(i, a.id()) < 0 ? -1 : next(i, a.id()); }

    /** The state after action a (its number) in state i, -3 when it does not apply. */
    int next(int i, int a) { return nextFlat[i * actions.size() + a]; }

    /** What init sees when it takes action a in state i. */
    long obs(int i, int a) { return obsValues[obsFlat[i * actions.size() + a]]; }

    /** The number of observation o among the distinct ones init can see (o must be one of them), and back. */
    int obsCode(long o) { return obsIds.get(o); }
    long obsValue(int code) { return obsValues[code]; }

    /** For the probe action a: the state after its child's exit and init's waitpid for it, else -1. */
    int probeDone(int i, int a) { return probeDoneFlat == null ? -1 : probeDoneFlat[i]; }

    /** What init sees when it takes action a in state i (an observation code; {@link #tell} says it). */
    public long seen(int i, Action a) { return obs(i, a.id()); }

    /** The state number of w (normalized), adding it if new. */
    private int intern(World w, ArrayDeque<Integer> queue) {
        World x = w.withKernel(w.kernel().withoutGhosts());
        int id = states.add(x);
        if (id >= 0) return id;
        queue.add(-id - 1);
        return -id - 1;
    }

    /** Builds the graph: every state reachable by environment steps and init's calls from the initial state. */
    public Arena build(Consumer<String> progress, long maxStates) {
        long t0 = System.nanoTime(), last = t0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        World boot = World.boot(bounds, iface.mode());
        intern(boot, queue);
        List<int[]> reapL = new ArrayList<>();
        int[] envStart = new int[1025], to = new int[4096], byp = new int[4096];
        int nEnv = 0;
        int na = actions.size();
        boolean probes = actions.stream().anyMatch(a -> a.call() == Call.PROBE);
        int[] nx = new int[1024 * na], ob = new int[1024 * na], dn = probes ? new int[1024] : null;
        long[] obsList = new long[16];
        int done = 0;
        while (!queue.isEmpty()) {
            int i = queue.poll();
            if (i != done) throw new IllegalStateException("the arena's states are expanded in the order they were found");
            done++;
            World w = states.get(i);
            List<Integer> by = new ArrayList<>();
            List<World> succ = envSteps(w, by);
            int[] e = new int[succ.size()], eb = new int[succ.size()];
            for (int k = 0; k < e.length; k++) { e[k] = intern(succ.get(k), queue); eb[k] = by.get(k); }
            if ((long) (i + 1) * na > Integer.MAX_VALUE - 16) throw new TooLarge(i);
            if ((i + 1) * na > nx.length) {
                int m = (int) Math.min(Integer.MAX_VALUE - 16, 2L * nx.length);
                nx = Arrays.copyOf(nx, m);
                ob = Arrays.copyOf(ob, m);
            }
            if (dn != null && i >= dn.length) dn = Arrays.copyOf(dn, dn.length * 2);
            if (dn != null) dn[i] = -1;
            for (Action a : actions) {
                Outcome o = apply(w, a);
                int at = i * na + a.id();
                long seen = o == null ? 0 : o.obs;
                int code = obsIds.putIfAbsent(seen, obsIds.size());
                if (code == obsList.length) obsList = Arrays.copyOf(obsList, code * 2);
                obsList[code] = seen;
                ob[at] = code;
                if (o == null) { nx[at] = -3; continue; }
                nx[at] = intern(o.world, queue);
                if (a.call() == Call.PROBE && o.obs > 0) dn[i] = intern(probeDone(o.world, (int) o.obs), queue);
            }
            int[] rp = null;
            if (w.supPc().equals("probe")) {               // init's waitpid(c, 0) returns once its probe child c has exited
                int c = w.carried().pid();
                if (w.kernel().proc(c).state() == ProcState.ZOMBIE) {
                    rp = new int[setting.maxPid() + 1];
                    Arrays.fill(rp, -1);
                    Result<KernelState> r = kernel.waitPid(w.kernel(), c);
                    rp[c] = intern(w.withKernel(r.state()).withPc(c, "none").withSupPc("idle").withCarried(World.NO_CARRY), queue);
                }
            }
            if (i + 2 > envStart.length) envStart = Arrays.copyOf(envStart, envStart.length * 2);
            if ((long) nEnv + e.length > to.length) {
                if ((long) nEnv + e.length > Integer.MAX_VALUE - 16) throw new TooLarge(i);
                int m = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(nEnv + (long) e.length, 2L * to.length));
                to = Arrays.copyOf(to, m);
                byp = Arrays.copyOf(byp, m);
            }
            System.arraycopy(e, 0, to, nEnv, e.length);
            System.arraycopy(eb, 0, byp, nEnv, e.length);
            nEnv += e.length;
            envStart[i + 1] = nEnv;
            reapL.add(rp);
            if (states.size() > maxStates) throw new TooLarge(maxStates);
            long now = System.nanoTime();
            if (now - last > 5_000_000_000L) {
                last = now;
                progress.accept(String.format("  arena: %,d states, %,d left, %.0f s", states.size(), queue.size(), (now - t0) / 1e9));
            }
        }
        int n = states.size();
        envAt = Arrays.copyOf(envStart, n + 1);
        envTo = Arrays.copyOf(to, nEnv);
        envBy = Arrays.copyOf(byp, nEnv);
        nextFlat = Arrays.copyOf(nx, n * na);
        obsFlat = Arrays.copyOf(ob, n * na);
        obsValues = Arrays.copyOf(obsList, obsIds.size());
        probeDoneFlat = dn == null ? null : Arrays.copyOf(dn, n);
        probeReap = reapL.toArray(int[][]::new);
        summarize();
        return this;
    }

    /** The arena has more states than it may hold. */
    public static final class TooLarge extends RuntimeException {
        public TooLarge(long states) { super(String.format("more than %,d states in one copy", states), null, false, false); }
    }

    private void summarize() {
        int n = states.size(), ns = setting.services().size();
        inUse = new long[n]; running = new long[n];
        svcInUse = new long[ns][n]; svcRunning = new long[ns][n];
        drained = new boolean[n]; settled = new boolean[n]; started = new int[n]; fairEnabled = new long[n]; waitingFor = new int[n];
        for (int i = 0; i < n; i++) {
            World w = states.get(i);
            KernelState k = w.kernel();
            for (Proc p : k.procs()) {
                if (!p.inUse()) continue;
                inUse[i] |= 1L << p.pid();
                if (p.running()) running[i] |= 1L << p.pid();
                int s = setting.services().indexOf(p.svc());
                if (s >= 0) {
                    svcInUse[s][i] |= 1L << p.pid();
                    if (p.running()) svcRunning[s][i] |= 1L << p.pid();
                }
            }
            drained[i] = k.initZombies().isEmpty() && k.rtq().isEmpty() && k.kept().isEmpty();
            settled[i] = settled(w);
            if (w.supPc().equals("probe")) waitingFor[i] = w.carried().pid();
            for (int p = 2; p <= setting.maxPid(); p++) if (FAIR_PCS.contains(w.pc(p)) && !daemons.fairSteps(w, p).isEmpty()) fairEnabled[i] |= 1L << p;
            for (int s = 0; s < ns; s++) if (!w.status().get(setting.services().get(s)).equals("never")) started[i] |= 1 << s;
        }
    }

    /** No daemon step that a program makes its process take is enabled: the environment may stop here for ever, fairly. */
    boolean settled(World w) {
        for (int p = 2; p <= setting.maxPid(); p++) if (FAIR_PCS.contains(w.pc(p)) && !daemons.fairSteps(w, p).isEmpty()) return false;
        return true;
    }

    /** Spec: every daemon step (LStep), strangers starting, processes outside the model; by: the process of each fair step, else 0. */
    private List<World> envSteps(World w, List<Integer> by) {
        List<World> out = new ArrayList<>();
        for (int p = 2; p <= setting.maxPid(); p++) {
            List<World> fair = daemons.fairSteps(w, p);
            List<World> all = daemons.steps(w, p);
            for (World y : all) { out.add(y); by.add(fair.contains(y) ? p : 0); }
        }
        for (String x : setting.strangers()) {
            World y = daemons.strangerStart(w, x);
            if (y != null) { out.add(y); by.add(0); }
        }
        if (setting.outside()) {
            for (int q = 1; q <= setting.maxPid(); q++) {
                Result<KernelState> r = kernel.outsideFork(w.kernel(), q);
                if (r.ok()) { out.add(w.withKernel(r.state())); by.add(0); }
            }
        }
        return out;
    }

    private record Outcome(World world, long obs) {}

    private static int value(Result<KernelState> r) { return ((Result.Ok<KernelState>) r).value(); }

    /**
     * Init's action a in state w: the state after it and what init sees; null when it does not
     * apply (a service started already, or init is blocked in waitpid for its probe child).
     */
    private Outcome apply(World w, Action a) {
        KernelState k = w.kernel();
        if (w.supPc().equals("probe")) return null;
        switch (a.call()) {
            case SPAWN -> {
                String s = setting.services().get(a.arg());
                if (!w.status().get(s).equals("never")) return null;
                Result<KernelState> r = kernel.fork(k, Kernel.INIT, s, "Spawn");
                if (!r.ok()) return new Outcome(w, EAGAIN);
                return new Outcome(w.withKernel(r.state()).withPc(value(r), daemons.firstPc()).withStatus(World.put(w.status(), s, "running")), value(r));
            }
            case PROBE -> {                       // fork() returns c; init then waits in waitpid(c, 0)
                World x = daemons.probe(w);
                if (x == null) return new Outcome(w, EAGAIN);
                int c = x.kernel().lastAction().target();
                return new Outcome(x.withSupPc("probe").withCarried(new World.Carried(Proc.NO_SVC, c)), c);
            }
            case READ_SIGCHLD -> {
                Result<KernelState> r = kernel.readSigchld(k);
                return r.ok() ? new Outcome(w.withKernel(r.state()), value(r)) : new Outcome(w, EAGAIN);
            }
            case READ_ADOPTION -> { return readAdoption(w); }
            case READ_ANY -> {
                boolean chldFirst = !iface.mode().equals("standard") || k.rtq().isEmpty();
                if (k.chldPending() && chldFirst) {
                    Result<KernelState> r = kernel.readSigchld(k);
                    return new Outcome(w.withKernel(r.state()), SIGCHLD_BIT | value(r));
                }
                return readAdoption(w);
            }
            case COLLECT -> {
                Report[] got = new Report[1];
                Result<KernelState> r = kernel.collect(k, got);
                return r.ok() ? new Outcome(w.withKernel(r.state()), pack(iface.observe(got[0]))) : new Outcome(w, EAGAIN);
            }
            case WAIT_ANY -> {
                Result<KernelState> r = kernel.waitAny(k);
                if (!r.ok()) return new Outcome(w, ECHILD);
                int c = value(r);
                return new Outcome(c == 0 ? w : w.withKernel(r.state()).withPc(c, "none"), c);
            }
            case WAIT_PID -> {
                Result<KernelState> r = kernel.waitPid(k, a.arg());
                if (!r.ok()) return new Outcome(w, ECHILD);
                int c = value(r);
                return new Outcome(c == 0 ? w : w.withKernel(r.state()).withPc(c, "none"), c);
            }
            case PEEK -> {
                Result<KernelState> r = kernel.peek(k);
                return r.ok() ? new Outcome(w, value(r)) : new Outcome(w, ECHILD);
            }
            default -> throw new IllegalStateException(a.toString());
        }
    }

    private Outcome readAdoption(World w) {
        Adoption[] got = new Adoption[1];
        Result<KernelState> r = kernel.readAdoption(w.kernel(), got);
        return r.ok() ? new Outcome(w.withKernel(r.state()), pack(iface.observe(got[0]))) : new Outcome(w, EAGAIN);
    }

    /** A probe's frozen continuation: its child c exits (the only step a settled world takes) and init's waitpid reaps it. */
    private World probeDone(World w, int c) {
        Result<KernelState> e = kernel.exit(w.kernel(), c);
        World x = w.withKernel(e.state()).withPc(c, "dead");
        Result<KernelState> r = kernel.waitPid(x.kernel(), c);
        return x.withKernel(r.state()).withPc(c, "none").withSupPc("idle").withCarried(World.NO_CARRY);
    }

    /** Init's waitpid(c, 0) for its probe child c in state i: the state after (the child reaped), or -1 while it has not exited. */
    int reapProbe(int i, int c) { return probeReap[i] == null ? -1 : probeReap[i][c]; }

    /** A message as an observation code: pid, previous parent, and the line (6 bits each). */
    static long pack(Msg m) {
        long v = m.pid() | (long) m.prev() << 6 | (long) m.line().size() << 12;
        for (int i = 0; i < m.line().size(); i++) v |= (long) m.line().get(i) << (16 + 6 * i);
        return v | 1L << 60;
    }

    /** The observation code, told. */
    public String tell(Action a, long o) {
        if (o == EAGAIN) return "EAGAIN";
        if (o == ECHILD) return "ECHILD";
        return switch (a.call()) {
            case READ_ADOPTION, COLLECT -> unpack(o).toString();
            case READ_ANY -> (o & SIGCHLD_BIT) != 0 ? "SIGCHLD from " + (o & 63) : unpack(o).toString();
            case READ_SIGCHLD -> "SIGCHLD from " + o;
            default -> Long.toString(o);
        };
    }

    static Msg unpack(long v) {
        int pid = (int) (v & 63), prev = (int) (v >> 6 & 63), n = (int) (v >> 12 & 15);
        List<Integer> line = new ArrayList<>();
        for (int i = 0; i < n; i++) line.add((int) (v >> (16 + 6 * i) & 63));
        return new Msg(pid, prev, line);
    }
}
