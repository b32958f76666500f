package adoptsig.supervisor;

import adoptsig.daemon.Daemons;
import adoptsig.kernel.Adoption;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.kernel.Report;
import adoptsig.kernel.Result;
import adoptsig.kernel.Step;
import adoptsig.system.Bounds;
import adoptsig.system.World;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * waitLine: the kernel keeps an adoption report with each process reparented to init (its PID
 * and the line of ancestors of its previous parent up to init); init, woken by SIGCHLD,
 * collects every report, finds a zombie with waitid(WNOWAIT), collects again, reaps that
 * zombie, and gives each report to the service that tracks the line's last element (parked
 * until it is known). Spec: the section "waitLine" of Supervisors.tla.
 */
public class WaitLine extends InitSteps {
    public WaitLine(Kernel kernel, Bounds bounds, Daemons daemons) { super(kernel, bounds, daemons); }

    /** Spec: WaitLineInit == InitWith("keep"). */
    @Override public String adopt() { return "keep"; }

    /** Spec: WaitLineReadSigchld: idle, SIGCHLD: collect the reports. */
    public World readSigchld(World w) {
        World x = classicReadSigchld(w);
        return x == null ? null : x.withSupPc("collect");
    }

    /** Spec: WaitLineCollect: the wait-like call returns the first report; init places it. */
    public World collect(World w) {
        if (!w.supPc().equals("collect")) return null;
        Report[] got = new Report[1];
        Result<KernelState> r = kernel.collect(w.kernel(), got);
        if (!r.ok()) return null;
        Report m = got[0];
        int root = m.line().get(m.line().size() - 1);
        Set<String> to = new HashSet<>();
        for (String s : w.tracked().keySet()) if (World.has(w.tracked().get(s), root)) to.add(s);
        return place(w, r.state(), new Adoption(m.pid(), root), to, true);
    }

    /** Spec: WaitLineCollected: EAGAIN: look for a zombie, or reap the one peeked. */
    public World collected(World w) {
        if (!w.supPc().equals("collect") || !w.kernel().kept().isEmpty()) return null;
        return w.withKernel(step(w, "CollectReportEmpty")).withSupPc(w.carried().pid() == Kernel.NO_PID ? "peek" : "reap");
    }

    /** Spec: WaitLinePeek: waitid(WNOWAIT) reports zombie z: collect again. */
    public World peek(World w) {
        if (!w.supPc().equals("peek")) return null;
        Result<KernelState> r = kernel.peek(w.kernel());
        if (!r.ok() || ((Result.Ok<KernelState>) r).value() == 0) return null;
        int z = ((Result.Ok<KernelState>) r).value();
        return w.withKernel(w.kernel().withStep(Step.of("Peek", Kernel.INIT, z))).withSupPc("collect")
                .withCarried(new World.Carried(Proc.NO_SVC, z));
    }

    /** Spec: WaitLinePeekDone. */
    public World peekDone(World w) {
        if (!w.supPc().equals("peek")) return null;
        String name = noZombie(w, "PeekNone", "PeekEchild");
        return name == null ? null : w.withKernel(step(w, name)).withSupPc("idle");
    }

    /** Spec: WaitLineReap: waitpid(z, WNOHANG) reaps the zombie peeked; parked reports of or from it go. */
    public World reap(World w) {
        if (!w.supPc().equals("reap")) return null;
        int c = w.carried().pid();
        Result<KernelState> r = kernel.waitPid(w.kernel(), c);
        if (!r.ok() || ((Result.Ok<KernelState>) r).value() != c) return null;
        Map<String, Long> tracked = untrack(w.tracked(), c);
        Set<Adoption> pending = new HashSet<>();
        for (Adoption e : w.pending()) if (e.pid() != c && e.prev() != c) pending.add(e);
        Map<String, String> status = new HashMap<>(w.status());
        for (String s : w.status().keySet()) if (w.status().get(s).equals("running") && tracked.get(s) == 0L) status.put(s, "stopped");
        return w.withKernel(r.state()).withPc(c, "none").withTracked(tracked).withPending(pending).withStatus(status)
                .withSupPc("peek").withCarried(World.NO_CARRY);
    }

    /** Spec: WaitLineNext's init steps. */
    @Override protected void initSteps(World w, List<World> out) {
        for (String s : bounds.services()) add(out, spawn(w, s));
        add(out, readSigchld(w));
        add(out, collect(w));
        add(out, collected(w));
        add(out, peek(w));
        add(out, peekDone(w));
        add(out, reap(w));
    }
}
