package adoptsig.game;

/**
 * The system calls init may make in the games (its alphabet), each giving it exactly what
 * Linux returns. The interface decides which of them exist (an adoption read only where the
 * kernel queues adoption signals, a report collection only where it keeps reports); a
 * setting may leave optional ones out (probes, waitid's WNOWAIT, waitpid of one PID, one read
 * of both signals) to find what a verdict needs.
 */
public enum Call {
    /** fork() of a service's first process: its PID, or EAGAIN. */
    SPAWN("Spawn", false),
    /** fork() of a child that exits at once, then waitpid(pid, 0) for it: the PID (the cursor), or EAGAIN. */
    PROBE("Probe", true),
    /** sigtimedwait({SIGCHLD}, zero timeout): si_pid, or EAGAIN. */
    READ_SIGCHLD("ReadSigchld", false),
    /** sigtimedwait({the adoption signal}, zero timeout): what the interface shows of the oldest one, or EAGAIN. */
    READ_ADOPTION("ReadAdoption", false),
    /** sigtimedwait({SIGCHLD, the adoption signal}, zero timeout): the lower-numbered pending one, or EAGAIN. */
    READ_ANY("ReadAny", true),
    /** The wait-like call of kept reports: what the interface shows of the first report, or EAGAIN. */
    COLLECT("CollectReport", false),
    /** waitpid(-1, WNOHANG): the first zombie child reaped, 0, or ECHILD. */
    WAIT_ANY("WaitAny", false),
    /** waitpid(pid, WNOHANG): pid reaped, 0, or ECHILD. */
    WAIT_PID("WaitPid", true),
    /** waitid(P_ALL, WEXITED|WNOHANG|WNOWAIT): the first zombie child, left a zombie, 0, or ECHILD. */
    PEEK("Peek", true);

    /** The name in stories and strategies. */
    public final String id;
    /** Whether a setting may leave the call out of init's alphabet. */
    public final boolean optional;

    Call(String id, boolean optional) {
        this.id = id;
        this.optional = optional;
    }

    /** The call of this name; null if none. */
    public static Call of(String id) {
        for (Call c : values()) if (c.id.equalsIgnoreCase(id)) return c;
        return null;
    }
}
