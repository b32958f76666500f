package adoptsig.daemon;

import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Result;
import adoptsig.kernel.Step;
import adoptsig.supervisor.RfcSupervisor;
import adoptsig.supervisor.World;

import java.util.ArrayList;
import java.util.List;

/**
 * The daemon programs of spec/Adoption.tla (DanceStep, FreeStep, WritePidfile): for a process
 * and its program location, every step it may take next. The dance: d0 forks and exits; d1
 * calls setsid, forks and exits. APUE: a0 forks and waits for its child, then exits; a1 forks
 * and exits. Then the daemon may fork workers, exit, open the terminal, write its PID file
 * (under pidfile), or (reexec, once) re-execute itself: the new image forks and exits, and the
 * child calls setsid and is the daemon again; workers exit. Free mode: any syscall at any
 * time. Every step also gets the supervisor's side (spec: Traced).
 */
public final class Daemons {
    private final Kernel kernel;
    private final Bounds bounds;
    private final RfcSupervisor sup;

    public Daemons(Kernel kernel, Bounds bounds, RfcSupervisor sup) {
        this.kernel = kernel;
        this.bounds = bounds;
        this.sup = sup;
    }

    /** Spec: FirstPc. */
    public String firstPc() {
        return switch (bounds.idiom()) {
            case "dance", "reexec" -> "d0";
            case "apue" -> "a0";
            case "noFork" -> "daemon";
            default -> "free";
        };
    }

    /** Spec: Ready(p). */
    private boolean ready(World w, int p) { return !bounds.danceSync() || w.kernel().proc(p).parent() == Kernel.INIT; }

    /** Spec: ProcessStep(p): the successors of process p's next steps. */
    public List<World> steps(World w, int p) {
        List<World> raw = new ArrayList<>();
        if (p == Kernel.INIT) return raw;
        String pc = w.pc(p);
        KernelState k = w.kernel();
        switch (pc) {
            case "d0" -> fork(w, p, "exit", "d1", raw);
            case "d1" -> { if (ready(w, p)) add(w, kernel.setsid(k, p), p, "d2", raw); }
            case "d2" -> fork(w, p, "exit", "daemon", raw);
            case "a0" -> fork(w, p, "await", "a1", raw);
            case "a1" -> fork(w, p, "exit", "daemon", raw);
            case "await" -> {
                for (int c = 1; c <= bounds.maxPid(); c++) {
                    Result<KernelState> r = kernel.reap(k, p, c);
                    if (r.ok()) raw.add(w.withKernel(r.state()).withPc(p, "exit").withPc(c, "none"));
                }
            }
            case "exit" -> add(w, kernel.exit(k, p), p, "dead", raw);
            case "daemon", "daemon2" -> {
                if (ready(w, p)) {
                    if (bounds.workers()) fork(w, p, pc, "worker", raw);
                    add(w, kernel.exit(k, p), p, "dead", raw);
                    add(w, kernel.openTty(k, p), p, pc, raw);
                    if (bounds.idiom().equals("reexec") && pc.equals("daemon")) add(w, kernel.exec(k, p), p, "r0", raw);
                }
            }
            case "r0" -> fork(w, p, "exit", "r1", raw);
            case "r1" -> { if (ready(w, p)) add(w, kernel.setsid(k, p), p, "daemon2", raw); }
            case "worker" -> add(w, kernel.exit(k, p), p, "dead", raw);
            case "free" -> {
                for (String call : FREE_CALLS) {
                    if (call.equals("Reap")) {
                        for (int c = 1; c <= bounds.maxPid(); c++) { World x = free(w, p, call, c); if (x != null) raw.add(x); }
                    } else {
                        World x = free(w, p, call, 0);
                        if (x != null) raw.add(x);
                    }
                }
                return raw;             // free() already applied Traced
            }
            default -> { }
        }
        List<World> out = new ArrayList<>(raw.size() + 1);
        for (World x : raw) out.add(sup.traced(w, p, x));
        // spec: WritePidfile(p): not a syscall, only the file changes
        String s = k.proc(p).svc();
        if (bounds.supervisor().equals("pidfile") && (pc.equals("daemon") || pc.equals("daemon2")) && ready(w, p)
                && w.pidfile().containsKey(s) && w.pidfile().get(s) != p) {
            out.add(w.withKernel(k.withStep(Step.of("WritePidfile", p, Kernel.NO_PID))).withPidfile(s, p));
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
        x = switch (call) {
            case "Fork" -> x.withPc(((Result.Ok<KernelState>) r).value(), "free");
            case "Exit" -> x.withPc(p, "dead");
            case "Reap" -> x.withPc(c, "none");
            default -> x;
        };
        return sup.traced(w, p, x);
    }

    private void fork(World w, int p, String parentNext, String childPc, List<World> out) {
        Result<KernelState> r = kernel.fork(w.kernel(), p);
        if (r.ok()) out.add(w.withKernel(r.state()).withPc(p, parentNext).withPc(((Result.Ok<KernelState>) r).value(), childPc));
    }

    private static void add(World w, Result<KernelState> r, int p, String next, List<World> out) {
        if (r.ok()) out.add(w.withKernel(r.state()).withPc(p, next));
    }
}
