package adoptsig.conform;

import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.ProcState;

import java.util.Map;

/** Deliberately broken kernels: each must be caught by the conformance checks. */
final class MutantKernels {
    private MutantKernels() {}

    /** Orphans go to their grandparent instead of the nearest subreaper or init. */
    static final class GrandparentReaper extends Kernel {
        @Override protected int newReaper(KernelState s, int p) {
            int parent = s.proc(p).parent();
            return parent == INIT ? INIT : s.proc(parent).parent();
        }
    }

    /** Realtime signals are dequeued newest first. */
    static final class LifoDequeue extends Kernel {
        @Override protected int dequeueIndex(KernelState s) { return s.rtq().size() - 1; }
    }

    /** setsid() succeeds for a process-group leader. */
    static final class SetsidForLeaders extends Kernel {
        @Override protected boolean mayCallSetsid(KernelState s, int p) { return true; }
    }

    /** A reaped (free) slot can be reaped again by anyone. */
    static final class ReapTwice extends Kernel {
        @Override protected boolean mayReap(KernelState s, int p, int c) {
            return super.mayReap(s, p, c) || (s.proc(c).state() == ProcState.FREE && c != p);
        }
    }

    /** find_new_reaper ignores child subreapers: every orphan goes to init. */
    static final class NoSubreaper extends Kernel {
        @Override protected int newReaper(KernelState s, int p) { return INIT; }
    }

    static final Map<String, Kernel> ALL = Map.of(
            "orphans ignore child subreapers", new NoSubreaper(),
            "orphans reparented to the grandparent", new GrandparentReaper(),
            "realtime signals dequeued LIFO", new LifoDequeue(),
            "setsid allowed for group leaders", new SetsidForLeaders(),
            "a zombie reaped twice", new ReapTwice());
}
