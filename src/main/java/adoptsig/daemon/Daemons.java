package adoptsig.daemon;

import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Result;
import adoptsig.system.Bounds;
import adoptsig.system.World;

import java.util.ArrayList;
import java.util.List;

/**
 * The daemon programs of spec/Daemons.tla: for a process and its program location, every
 * step it may take next (spec: DaemonStep). The dance: d0 forks and exits; d1 calls setsid,
 * forks and exits. APUE: a0 forks and waits for its child, then exits; a1 forks and exits.
 * Then the daemon may fork workers, exit, open the terminal, or (reexec, once) re-execute
 * itself: the new image forks and exits, and the child calls setsid and is the daemon again;
 * workers exit. Free mode: any syscall at any time. A daemon step changes only the kernel and
 * the program locations; each supervisor says what it sees of it.
 */
public final class Daemons {
    /**
     * Spec: StrangerStart(x): a stranger starts, once: its first process appears as a child of
     * init (init is not told). Null when the spec has no such step.
     */
    public World strangerStart(World w, String x) {
        KernelState k = w.kernel();
        if (w.begun().contains(x)) return null;
        Result<KernelState> r = kernel.fork(k, Kernel.INIT, x, "StrangerStart");
        if (!r.ok()) return null;
        int c = ((Result.Ok<KernelState>) r).value();
        KernelState n = r.state();
        return w.withKernel(n.withStep(new adoptsig.kernel.Step("StrangerStart", Kernel.NO_PID, c, 0, false, n.lastAction().reused())))
                .withPc(c, firstPc()).withBegun(x);
    }

    /**
     * Spec: InitProbe: init forks a child that calls _exit(0) at once (its program location
     * "exit"); null when no PID is free.
     */
    public World probe(World w) {
        Result<KernelState> r = kernel.fork(w.kernel(), Kernel.INIT, adoptsig.kernel.Proc.INIT_SVC, "Probe");
        if (!r.ok()) return null;
        return w.withKernel(r.state()).withPc(((Result.Ok<KernelState>) r).value(), "exit");
    }

    /** The syscalls a free-mode process may make (spec: FreeStep). */
    public static final List<String> FREE_CALLS = List.of("Fork", "Exit", "Reap", "Setsid", "Exec", "OpenTty",
            "PrctlSetAdoptsig", "PrctlSetChildSubreaper");

    private final Kernel kernel;
    private final Bounds bounds;

    public Daemons(Kernel kernel, Bounds bounds) {
        this.kernel = kernel;
        this.bounds = bounds;
    }

    public Kernel kernel() { return kernel; }

    /** Spec: FirstPc. */
    public String firstPc() {
        return switch (bounds.program()) {
            case "dance", "reexec" -> "d0";
            case "apue" -> "a0";
            case "noFork" -> "daemon";
            default -> "free";
        };
    }

    /**
     * Spec: Ready(p): with DanceSync, a dance step waits until the caller has been
     * reparented (to init, or to a subreaper) because its parent exited.
     */
    public boolean ready(World w, int p) {
        if (!bounds.danceSync()) return true;
        KernelState k = w.kernel();
        int parent = k.proc(p).parent();
        return parent == Kernel.INIT || k.proc(parent).subreaper();
    }

    /** Spec: DaemonStep(p): the successors of process p's next steps. */
    public List<World> steps(World w, int p) {
        List<World> out = fairSteps(w, p);
        choices(w, p, out);
        return out;
    }

    /** Program locations whose step the program makes the process take (spec: the locations of DanceFairStep). */
    public static final java.util.Set<String> FAIR_PCS = java.util.Set.of("d0", "d1", "d2", "a0", "a1", "await", "exit", "r0", "r1");

    /** Spec: DaemonFairStep(p) (DanceFairStep): the steps p's program makes it take, which are strongly fair (DaemonFairness). */
    public List<World> fairSteps(World w, int p) {
        List<World> out = new ArrayList<>();
        if (p == Kernel.INIT) return out;
        String pc = w.pc(p);
        KernelState k = w.kernel();
        switch (pc) {
            case "d0" -> fork(w, p, "exit", "d1", out);
            case "d1" -> { if (ready(w, p)) add(w, kernel.setsid(k, p), p, "d2", out); }
            case "d2" -> fork(w, p, "exit", "daemon", out);
            case "a0" -> fork(w, p, "await", "a1", out);
            case "a1" -> fork(w, p, "exit", "daemon", out);
            case "await" -> {
                for (int c = 1; c <= bounds.maxPid(); c++) {
                    Result<KernelState> r = kernel.reap(k, p, c);
                    if (r.ok()) out.add(w.withKernel(r.state()).withPc(p, "exit").withPc(c, "none"));
                }
            }
            case "exit" -> add(w, kernel.exit(k, p), p, "dead", out);
            case "r0" -> fork(w, p, "exit", "r1", out);
            case "r1" -> { if (ready(w, p)) add(w, kernel.setsid(k, p), p, "daemon2", out); }
            default -> { }
        }
        return out;
    }

    /** Spec: DaemonChoice(p), and FreeStep(p): the steps p may take or put off for ever. */
    private void choices(World w, int p, List<World> out) {
        if (p == Kernel.INIT) return;
        String pc = w.pc(p);
        KernelState k = w.kernel();
        switch (pc) {
            case "daemon", "daemon2" -> {
                if (ready(w, p)) {
                    if (bounds.workers()) fork(w, p, pc, "worker", out);
                    add(w, kernel.exit(k, p), p, "dead", out);
                    add(w, kernel.openTty(k, p), p, pc, out);
                    if (bounds.program().equals("reexec") && pc.equals("daemon")) add(w, kernel.exec(k, p), p, "r0", out);
                }
            }
            case "worker" -> add(w, kernel.exit(k, p), p, "dead", out);
            case "free" -> {
                for (String call : FREE_CALLS) {
                    if (call.equals("Reap")) {
                        for (int c = 1; c <= bounds.maxPid(); c++) addIf(out, free(w, p, call, c));
                    } else {
                        addIf(out, free(w, p, call, 0));
                    }
                }
            }
            default -> { }
        }
    }

    /**
     * Spec: FreeStep(p): one syscall by free-mode process p (c: the child to wait for, for
     * Reap): the next world, or null when the spec has no such step (the kernel returned an
     * errno, or p is not a free-mode process).
     */
    public World free(World w, int p, String call, int c) {
        if (!w.kernel().valid(p) || !w.pc(p).equals("free")) return null;
        Result<KernelState> r = kernel.call(w.kernel(), call, p, c);
        if (!r.ok()) return null;
        World x = w.withKernel(r.state());
        return switch (call) {
            case "Fork" -> x.withPc(((Result.Ok<KernelState>) r).value(), "free");
            case "Exit" -> x.withPc(p, "dead");
            case "Reap" -> x.withPc(c, "none");
            default -> x;
        };
    }

    private void fork(World w, int p, String parentNext, String childPc, List<World> out) {
        Result<KernelState> r = kernel.fork(w.kernel(), p);
        if (r.ok()) out.add(w.withKernel(r.state()).withPc(p, parentNext).withPc(((Result.Ok<KernelState>) r).value(), childPc));
    }

    private static void add(World w, Result<KernelState> r, int p, String next, List<World> out) {
        if (r.ok()) out.add(w.withKernel(r.state()).withPc(p, next));
    }

    private static void addIf(List<World> out, World w) { if (w != null) out.add(w); }
}
