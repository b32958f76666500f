package adoptsig.supervisor;

import adoptsig.daemon.Daemons;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.Step;
import adoptsig.system.Bounds;
import adoptsig.system.World;

import java.util.List;

/**
 * ptrace: upstart's `expect daemon`: init traces the process it forked and follows its first
 * {@link #EXPECT_FORKS} forks, moving its attention to the child at each; the tracee is
 * stopped at the fork event until init has handled it, so following is part of the fork
 * step. Spec: the section "ptrace" of Supervisors.tla.
 */
public class Ptrace extends Classic {
    /** Spec: ExpectForks. */
    public static final int EXPECT_FORKS = 2;

    public Ptrace(Kernel kernel, Bounds bounds, Daemons daemons) { super(kernel, bounds, daemons); }

    /** Spec: PtraceSpawn(s) == SpawnAs(s, s, FirstPc, "running", ExpectForks). */
    @Override public World spawn(World w, String s) { return spawnAs(w, s, s, daemons.firstPc(), "running", EXPECT_FORKS); }

    /** Spec: Follows(p): init follows p's next fork. */
    private static boolean follows(World w, int p) {
        String s = w.kernel().proc(p).svc();
        return w.tracked().containsKey(s) && World.has(w.tracked().get(s), p) && w.forksLeft().get(s) > 0;
    }

    /** Spec: Traced(p): the supervisor's side of p's daemon step from {@code before} to {@code after}. */
    public World traced(World before, int p, World after) {
        Step step = after.kernel().lastAction();
        if (!step.name().equals("Fork") || !follows(before, p)) return after;
        String s = before.kernel().proc(p).svc();
        return after.withTracked(World.put(after.tracked(), s, 1L << step.target()))
                .withForksLeft(World.put(after.forksLeft(), s, after.forksLeft().get(s) - 1));
    }

    /**
     * Spec: PtraceFairness: WF_vars(ClassicLoop(TRUE)) and one strongly fair group of every
     * process's program steps, Traced (SF_vars(\E p : DaemonFairStep(p) /\ Traced(p))).
     */
    @Override public long fairness(World before, World after) {
        long g = super.fairness(before, after);
        return g == Fairness.INIT_CHILDREN ? Fairness.DAEMONS : g;
    }

    /** Spec: PtraceNext: classic init's steps (with PtraceSpawn, ClassicWaitAnyDone(TRUE)), and every daemon step Traced. */
    @Override protected void daemonSteps(World w, List<World> out) {
        for (int p = 2; p <= bounds.maxPid(); p++) for (World x : daemons.steps(w, p)) out.add(traced(w, p, x));
    }
}
