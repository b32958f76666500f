package adoptsig.daemon;

import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Result;
import adoptsig.supervisor.World;

import java.util.ArrayList;
import java.util.List;

/**
 * The daemon programs of spec/Adoption.tla (DanceStep, FreeStep): for a process and its
 * program location, every step it may take next. The dance: d0 forks and exits; d1 calls
 * setsid, forks and exits; the daemon may fork workers, exit, or open the terminal; workers
 * exit. Free mode: any syscall at any time.
 */
public final class Daemons {
    private final Kernel kernel;
    private final Bounds bounds;

    public Daemons(Kernel kernel, Bounds bounds) {
        this.kernel = kernel;
        this.bounds = bounds;
    }

    public String firstPc() { return bounds.idiom().equals("dance") ? "d0" : "free"; }

    /** Spec: Ready(p). */
    private boolean ready(World w, int p) { return !bounds.danceSync() || w.kernel().proc(p).parent() == Kernel.INIT; }

    /** Spec: ProcessStep(p): the successors of process p's next steps. */
    public List<World> steps(World w, int p) {
        List<World> out = new ArrayList<>();
        if (p == Kernel.INIT) return out;
        String pc = w.pc(p);
        KernelState k = w.kernel();
        switch (pc) {
            case "d0" -> fork(w, p, "exit", "d1", out);
            case "d1" -> { if (ready(w, p)) add(w, kernel.setsid(k, p), p, "d2", out); }
            case "d2" -> fork(w, p, "exit", "daemon", out);
            case "exit" -> add(w, kernel.exit(k, p), p, "dead", out);
            case "daemon" -> {
                if (ready(w, p)) {
                    if (bounds.workers()) fork(w, p, "daemon", "worker", out);
                    add(w, kernel.exit(k, p), p, "dead", out);
                    add(w, kernel.openTty(k, p), p, pc, out);
                }
            }
            case "worker" -> add(w, kernel.exit(k, p), p, "dead", out);
            case "free" -> {
                for (String call : FREE_CALLS) {
                    if (call.equals("Reap")) {
                        for (int c = 1; c <= bounds.maxPid(); c++) { World x = free(w, p, call, c); if (x != null) out.add(x); }
                    } else {
                        World x = free(w, p, call, 0);
                        if (x != null) out.add(x);
                    }
                }
            }
            default -> { }
        }
        return out;
    }

    /** The syscalls a free-mode process may make (spec: FreeStep). */
    public static final List<String> FREE_CALLS = List.of("Fork", "Exit", "Reap", "Setsid", "Exec", "OpenTty",
            "PrctlSetAdoptsig", "PrctlSetChildSubreaper");

    /**
     * One free-mode syscall by process p (c: the child to wait for, for Reap): the next world,
     * or null when the spec has no such step (the kernel returned an errno, or p is not a
     * free-mode process).
     */
    public World free(World w, int p, String call, int c) {
        if (!w.kernel().valid(p) || !w.pc(p).equals("free")) return null;
        KernelState k = w.kernel();
        Result<KernelState> r = switch (call) {
            case "Fork" -> kernel.fork(k, p);
            case "Exit" -> kernel.exit(k, p);
            case "Reap" -> kernel.reap(k, p, c);
            case "Setsid" -> kernel.setsid(k, p);
            case "Exec" -> kernel.exec(k, p);
            case "OpenTty" -> kernel.openTty(k, p);
            case "PrctlSetAdoptsig" -> kernel.prctlSetAdoptsig(k, p);
            case "PrctlSetChildSubreaper" -> kernel.prctlSetChildSubreaper(k, p);
            default -> throw new IllegalArgumentException(call);
        };
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
}
