package adoptsig.kernel;

/** Spec: pstate[p] \in {"free", "running", "zombie"}. */
public enum ProcState {
    FREE("free"), RUNNING("running"), ZOMBIE("zombie");

    public final String tla;
    ProcState(String tla) { this.tla = tla; }
}
