package adoptsig.supervisor;

import adoptsig.daemon.Daemons;
import adoptsig.kernel.Adoption;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Result;
import adoptsig.system.Bounds;
import adoptsig.system.World;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * rfc: PR_SET_ADOPTSIG as the RFC tells it, with the favourable readings F1-F3: one
 * sigwaitinfo for SIGCHLD and the adoption signal (SIGCHLD, the lower number, first); on
 * SIGCHLD a waitpid(-1, WNOHANG) loop that remembers the reaped PIDs (gone, F1); an adoption
 * whose previous parent init tracks or reaped is followed; a service is reported stopped
 * only after a read of both signals found nothing pending (F2), where gone is forgotten (F3).
 * Spec: the section "rfc" of Supervisors.tla.
 */
public class Rfc extends InitSteps {
    public Rfc(Kernel kernel, Bounds bounds, Daemons daemons) { super(kernel, bounds, daemons); }

    /** Spec: RfcInit == InitWith("realtime"). */
    @Override public String adopt() { return "realtime"; }

    /** Spec: RfcReadSigchld (ClassicReadSigchld: sigwaitinfo returns SIGCHLD first). */
    protected World readSigchld(World w) { return classicReadSigchld(w); }

    /** Spec: RfcReadAdoption: idle, no SIGCHLD pending: sigwaitinfo returns the oldest adoption signal. */
    protected World readAdoption(World w) {
        if (!w.supPc().equals("idle") || w.kernel().chldPending()) return null;
        return readAndPlace(w);
    }

    /** The adoption signal read, and placed by its previous parent's services (tracked or gone). */
    protected World readAndPlace(World w) {
        Adoption[] got = new Adoption[1];
        Result<KernelState> r = kernel.readAdoption(w.kernel(), got);
        if (!r.ok()) return null;
        return place(w, r.state(), got[0], serviceOf(w, got[0].prev()), false);
    }

    /** Spec: RfcWaitAny: waitpid(-1, WNOHANG) reaps c; a tracked c moves to gone (F1). */
    protected World waitAny(World w) {
        World x = classicWaitAny(w);
        if (x == null) return null;
        int c = x.kernel().lastAction().target();
        Map<String, Long> gone = new HashMap<>();
        for (String s : w.gone().keySet()) {
            long g = w.gone().get(s);
            if (World.has(w.tracked().get(s), c)) g |= 1L << c;
            gone.put(s, g);
        }
        return x.withGone(gone);
    }

    /** Spec: RfcNothingPending: sigtimedwait of both signals returns EAGAIN: stop decisions (F2), gone forgotten (F3). */
    protected World nothingPending(World w) {
        if (!w.supPc().equals("idle")) return null;
        Map<String, String> st = stopUntracked(w.status(), w.tracked());
        boolean anyGone = w.gone().values().stream().anyMatch(g -> g != 0L);
        if (st.equals(w.status()) && !anyGone) return null;
        if (w.kernel().chldPending() || !w.kernel().rtq().isEmpty()) return null;
        Map<String, Long> gone = new HashMap<>();
        for (String s : w.gone().keySet()) gone.put(s, 0L);
        return w.withKernel(step(w, "ReadSignalsEmpty")).withStatus(st).withGone(gone);
    }

    /** Spec: RfcNext's init steps. */
    @Override protected void initSteps(World w, List<World> out) {
        for (String s : bounds.services()) add(out, spawn(w, s));
        add(out, readSigchld(w));
        add(out, readAdoption(w));
        add(out, waitAny(w));
        add(out, classicWaitAnyDone(w, false));
        add(out, nothingPending(w));
    }
}
