package adoptsig.kernel;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The step vocabulary: every step the spec's lastAction can name (the kernel's and the daemons'
 * syscalls, init's calls with each of their results, the helpers' steps), once, with who takes
 * it, the Linux call it stands for, and a short label. Stories, pictures, conflict stories and
 * the real-kernel harness tell a step from here; what they add is the context of the state
 * (which service a PID belongs to, what init believes). In the templates, {a} is the actor and
 * {t} the target (the other process, or the PID the call returned).
 */
public enum StepKind {
    BOOT("Boot", Who.INIT, "init boots", "init boots"),
    FORK("Fork", Who.PROCESS, "{a} forks {t}", "{a}: fork() returns {t}"),
    EXIT("Exit", Who.PROCESS, "{a} exits", "{a}: _exit(0)"),
    REAP("Reap", Who.PROCESS, "{a} reaps {t}", "{a}: waitpid({t}) reaps its child {t}"),
    SETSID("Setsid", Who.PROCESS, "{a}: setsid", "{a}: setsid()"),
    EXEC("Exec", Who.PROCESS, "{a}: exec", "{a}: execve()"),
    OPEN_TTY("OpenTty", Who.PROCESS, "{a} opens the tty", "{a}: open() of the terminal without O_NOCTTY"),
    PRCTL_SET_ADOPTSIG("PrctlSetAdoptsig", Who.PROCESS, "{a}: PR_SET_ADOPTSIG", "{a}: prctl(PR_SET_ADOPTSIG)"),
    PRCTL_SET_CHILD_SUBREAPER("PrctlSetChildSubreaper", Who.PROCESS, "{a}: PR_SET_CHILD_SUBREAPER", "{a}: prctl(PR_SET_CHILD_SUBREAPER, 1)"),
    OUTSIDE_FORK("OutsideFork", Who.OUTSIDE, "the cursor moves to {t}", "processes outside the model fork and exit: the next PID follows {t}"),
    STRANGER_START("StrangerStart", Who.OUTSIDE, "stranger {t} starts", "a stranger's first process {t} appears as a child of init"),
    SIGQUEUE("Sigqueue", Who.PROCESS, "{a} queues a signal to init", "{a}: sigqueue(init, SIGRTMIN)"),

    SPAWN("Spawn", Who.INIT, "init forks service process {t}", "init: fork() returns {t}, a service's first process"),
    PROBE("Probe", Who.INIT, "init probes: {t}", "init: fork() of a child that exits at once returns {t}"),
    READ_SIGCHLD("ReadSigchld", Who.INIT, "init reads SIGCHLD ({t})", "init: sigwaitinfo returns SIGCHLD, si_pid {t}"),
    READ_SIGCHLD_EMPTY("ReadSigchldEmpty", Who.INIT, "init: no SIGCHLD", "init: sigtimedwait({SIGCHLD}) returns EAGAIN"),
    READ_ADOPTION("ReadAdoption", Who.INIT, "init reads the adoption of {t}", "init: sigwaitinfo returns the adoption signal of {t}"),
    READ_ADOPTION_EMPTY("ReadAdoptionEmpty", Who.INIT, "init: no adoption signal", "init: sigtimedwait({SIGRTMIN}) returns EAGAIN"),
    READ_SIGNALS_EMPTY("ReadSignalsEmpty", Who.INIT, "init: nothing pending", "init: sigtimedwait({SIGCHLD, SIGRTMIN}) returns EAGAIN"),
    WAIT_ANY("WaitAny", Who.INIT, "init reaps {t}", "init: waitpid(-1, WNOHANG) returns {t}"),
    WAIT_ANY_NONE("WaitAnyNone", Who.INIT, "init's waitpid: 0", "init: waitpid(-1, WNOHANG) returns 0"),
    WAIT_ANY_ECHILD("WaitAnyEchild", Who.INIT, "init's waitpid: ECHILD", "init: waitpid(-1, WNOHANG) fails with ECHILD"),
    WAIT_PID("WaitPid", Who.INIT, "init reaps {t}", "init: waitpid({t}, WNOHANG) returns {t}"),
    WAIT_PID_NONE("WaitPidNone", Who.INIT, "init's waitpid({t}): 0", "init: waitpid({t}, WNOHANG) returns 0"),
    WAIT_PID_ECHILD("WaitPidEchild", Who.INIT, "init's waitpid({t}): ECHILD", "init: waitpid({t}, WNOHANG) fails with ECHILD"),
    PEEK("Peek", Who.INIT, "init sees zombie {t}", "init: waitid(P_ALL, WEXITED|WNOHANG|WNOWAIT) reports {t}"),
    PEEK_NONE("PeekNone", Who.INIT, "init's waitid: 0", "init: waitid(P_ALL, WEXITED|WNOHANG|WNOWAIT) returns 0"),
    PEEK_ECHILD("PeekEchild", Who.INIT, "init's waitid: ECHILD", "init: waitid(P_ALL, WEXITED|WNOHANG|WNOWAIT) fails with ECHILD"),
    COLLECT_REPORT("CollectReport", Who.INIT, "init collects the report of {t}", "init: the wait-like call returns the adoption report of {t}"),
    COLLECT_REPORT_EMPTY("CollectReportEmpty", Who.INIT, "init: no report", "init: the wait-like call returns EAGAIN"),

    REAPER_SPAWN("ReaperSpawn", Who.HELPER, "reaper {a} forks service process {t}", "the reaper {a}: fork() returns {t}"),
    REAPER_ECHILD("ReaperEchild", Who.HELPER, "reaper {a}: no child left", "the reaper {a}: waitpid(-1) fails with ECHILD"),
    WRITE_PIDFILE("WritePidfile", Who.PROCESS, "{a} writes its PID file", "{a} writes its PID {a} into its PID file"),
    READ_PIDFILE("ReadPidfile", Who.INIT, "init reads the PID file: {t}", "init reads the PID file: {t}"),
    KILL_ZERO("KillZero", Who.INIT, "kill({t}, 0) succeeds", "init: kill({t}, 0) succeeds"),
    KILL_ZERO_ESRCH("KillZeroEsrch", Who.INIT, "kill({t}, 0): ESRCH", "init: kill({t}, 0) fails with ESRCH"),
    PROBE_PID("ProbePid", Who.INIT, "kill({t}, 0): ESRCH", "init: kill({t}, 0) fails with ESRCH"),
    CGROUP_EMPTY("CgroupEmpty", Who.INIT, "the cgroup is empty", "init: a read of cgroup.events returns \"populated 0\"");

    /** Who takes a step: init, a process of a service or stranger, init's helper process, or the rest of the system. */
    public enum Who { INIT, PROCESS, HELPER, OUTSIDE }

    /** The spec's name of the step (lastAction.name). */
    public final String id;
    public final Who who;
    private final String label, call;

    StepKind(String id, Who who, String label, String call) {
        this.id = id;
        this.who = who;
        this.label = label;
        this.call = call;
    }

    private static final Map<String, StepKind> BY_ID = Arrays.stream(values()).collect(Collectors.toMap(k -> k.id, Function.identity()));

    /** The step of this spec name; null when the vocabulary has none. */
    public static StepKind of(String id) { return BY_ID.get(id); }

    private static String fill(String template, long actor, long target) {
        return template.replace("{a}", actor == Kernel.INIT ? "init" : Long.toString(actor)).replace("{t}", Long.toString(target));
    }

    /** A few words, for pictures. */
    public String label(long actor, long target) { return fill(label, actor, target); }

    /** The Linux call it stands for, with its result, for stories. */
    public String call(long actor, long target) { return fill(call, actor, target); }

    /** A step in a few words, whatever its name (unknown names are shown as they are). */
    public static String labelOf(String id, long actor, long target) {
        StepKind k = of(id);
        return k != null ? k.label(actor, target) : id + (target != 0 ? " " + target : "");
    }
}
