package adoptsig.supervisor;

/**
 * The fairness conditions of the mechanisms' specs (MFairness in spec/Supervisors.tla), as
 * groups of steps: bit g of {@link Supervisor#fairness} says a step is a step of group g's
 * action. A behaviour is fair when every weakly fair group ({@link #WEAK}) that stays enabled is
 * taken again and again, and every strongly fair group ({@link #STRONG}) that is enabled again
 * and again is taken again and again; the liveness check (engine.LivenessCheck) looks for fair
 * cycles under exactly these conditions.
 */
public final class Fairness {
    private Fairness() {}

    /** Init's loop: every init step but the start of a service (WF_vars of the mechanism's loop, e.g. ClassicLoop(TRUE)). */
    public static final long INIT_LOOP = 1;
    /** Init's helpers' programs (subreaper: WF_vars(\E r : ReaperSetup(r) \/ ReaperSpawn(r) \/ ReaperDone(r) \/ ReaperWait(r, c))). */
    public static final long HELPERS = 2;
    /** DaemonFairness's first conjunct: SF_vars(\E p : svc[p] # InitSvc /\ DaemonFairStep(p) /\ UNCHANGED supVars). */
    public static final long DAEMONS = 4;
    /** DaemonFairness's second conjunct: the same for init's own children (svc[p] = InitSvc). */
    public static final long INIT_CHILDREN = 8;

    public static final long WEAK = INIT_LOOP | HELPERS;
    public static final long STRONG = DAEMONS | INIT_CHILDREN;

    /** The groups' names, by bit, as a lasso's explanation tells them. */
    public static String name(int bit) {
        return switch (bit) {
            case 0 -> "init's loop";
            case 1 -> "init's helpers";
            case 2 -> "the daemons' program steps";
            case 3 -> "init's children's program steps";
            default -> "group " + bit;
        };
    }
}
