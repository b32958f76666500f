package adoptsig.kernel;

/** The errno values the modelled syscalls return, as Linux does. */
public enum Errno {
    /** setsid() by a process-group leader; a call by a process that may not make it. */
    EPERM,
    /** wait with no children at all. */
    ECHILD,
    /** no such (running) process. */
    ESRCH,
    /** fork with the PID pool exhausted. */
    EAGAIN,
    /** an argument out of range (a PID outside the pool, a call init may not make). */
    EINVAL
}
