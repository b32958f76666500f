package adoptsig.kernel;

/**
 * One slot of the process table (spec: the per-PID functions pstate, parent, pgid, sid,
 * adoptSig, subreaper, svc, danced, all indexed by the same PID). Immutable.
 */
public record Proc(int pid, ProcState state, int parent, int pgid, int sid, boolean adoptSig, boolean subreaper,
                   String svc, boolean danced) {
    public static final int NO_PID = 0;
    public static final String NO_SVC = "none";
    public static final String INIT_SVC = "init";

    public static Proc free(int pid) {
        return new Proc(pid, ProcState.FREE, NO_PID, NO_PID, NO_PID, false, false, NO_SVC, false);
    }

    public boolean inUse() { return state != ProcState.FREE; }
    public boolean running() { return state == ProcState.RUNNING; }

    Proc withState(ProcState s) { return new Proc(pid, s, parent, pgid, sid, adoptSig, subreaper, svc, danced); }
    Proc withParent(int p) { return new Proc(pid, state, p, pgid, sid, adoptSig, subreaper, svc, danced); }
    Proc withSession(int s) { return new Proc(pid, state, parent, s, s, false, subreaper, svc, false); }
    Proc withAdoptSig(boolean a) { return new Proc(pid, state, parent, pgid, sid, a, subreaper, svc, danced); }
    Proc withSubreaper(boolean r) { return new Proc(pid, state, parent, pgid, sid, adoptSig, r, svc, danced); }
}
