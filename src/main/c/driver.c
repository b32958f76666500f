/*
 * adoptsig's real-kernel driver: runs a script of process operations on this machine's Linux
 * kernel, one operation at a time, and reports what the kernel did. The Java side
 * (adoptsig.fidelity) compiles this file at run time, writes the script to the driver's stdin
 * one command per line, predicts each answer with the Java kernel, and compares.
 *
 * The driver's root process plays init. Where the kernel allows it, it is PID 1 of a new PID
 * namespace (with a new user namespace when not root, and a new mount namespace holding a
 * /proc of its own), so orphans are really reparented to it and /proc/sys/kernel/ns_last_pid
 * moves the PID cursor. Otherwise it is a child subreaper (PR_SET_CHILD_SUBREAPER) and says so.
 *
 * Every process of the script is a copy of this program with a slot number. Before anything
 * forks, init makes one command pipe per slot and one reply pipe; every process inherits all of
 * them, reads its commands from its slot's pipe, and writes one reply line (shorter than
 * PIPE_BUF, so atomic) to the shared reply pipe. Only one command is in flight at a time, so the
 * interleaving is exactly the script's.
 *
 * Commands (to init, on stdin; SLOT 0 is init itself), replies on stdout:
 *   fork SLOT CHILD      -> ok PID | err ERRNO        (CHILD: the new process's slot)
 *   exit SLOT [STATUS]   -> ok                        (_exit(STATUS), default 0; replies after the
 *                                                      process is a zombie or gone and its exit_notify,
 *                                                      so its SIGCHLD and reparenting, is complete)
 *   wait SLOT            -> ok PID | ok 0 | err ERRNO (waitpid(-1, WNOHANG))
 *   waitb SLOT [MS]      -> ok PID | err ERRNO        (waitpid(-1, 0); after MS ms (default 4000) with
 *                                                      nothing to reap a timer interrupts it: err EINTR,
 *                                                      which is how a wait that blocks is told)
 *   waitpid SLOT PIDSLOT -> ok PID | ok 0 | err ERRNO (waitpid(PID of PIDSLOT, WNOHANG); PIDSLOT may be
 *                                                      reaped, its old PID is used)
 *   waitpidv SLOT PID    -> ok PID | ok 0 | err ERRNO (waitpid(PID, WNOHANG), the PID given as a value)
 *   kill0 PID            -> ok | err ERRNO            (init: kill(PID, 0))
 *   peek SLOT            -> ok PID | ok 0 | err ERRNO (waitid(P_ALL, WEXITED|WNOHANG|WNOWAIT): the zombie
 *                                                      a wait would reap next, left unreaped)
 *   clonert SLOT CHILD   -> ok PID | err ERRNO        (like fork, with clone3 (or clone) and exit signal
 *                                                      SIGRTMIN instead of SIGCHLD; a caller other than
 *                                                      init first blocks SIGRTMIN, so that signal cannot
 *                                                      kill it)
 *   probe CHILD          -> ok PID | err ERRNO        (init only: vfork() a child that _exit(0)s at once;
 *                                                      replies once it is a zombie and its SIGCHLD sent;
 *                                                      CHILD names it in later commands)
 *   pdeath SLOT          -> ok | err ERRNO            (SLOT blocks SIGRTMIN, then PR_SET_PDEATHSIG SIGRTMIN)
 *   sigpend SLOT         -> ok RT SI_PID SI_CODE | err EAGAIN  (sigtimedwait({SIGRTMIN}, 0) in SLOT)
 *   blockhup SLOT        -> ok                        (SLOT blocks SIGHUP and SIGCONT, both with default
 *                                                      disposition: they stay pending, see ps)
 *   setsid SLOT          -> ok SID | err ERRNO
 *   exec SLOT            -> ok                        (execve of this program, same slot)
 *   tty SLOT / ttyn SLOT -> ok | err ERRNO            (open the pty's slave, without / with O_NOCTTY)
 *   subreaper SLOT       -> ok | err ERRNO            (PR_SET_CHILD_SUBREAPER, 1)
 *   getsub SLOT          -> ok 0|1                    (PR_GET_CHILD_SUBREAPER)
 *   sigqueue SLOT VALUE  -> ok | err ERRNO            (sigqueue(init, SIGRTMIN, VALUE))
 *   signals              -> ok [CHLD PID] [RT PID VALUE]...  (init drains its signalfd, in order)
 *   sigwait CHLD|RT      -> ok CHLD SI_PID SI_STATUS SI_CODE | ok RT SI_PID SI_STATUS|SI_INT SI_CODE
 *                           | err EAGAIN              (init: sigtimedwait({SIGCHLD} or {SIGRTMIN}, 0);
 *                                                      RT gives si_status for a CLD_* code, else si_int)
 *   sfdread CHLD|RT      -> ok CHLD SSI_PID SSI_STATUS SSI_CODE | ok RT SSI_PID SSI_INT SSI_CODE
 *                           | err EAGAIN              (init: one read of a signalfd holding only that signal)
 *   sfdraw CHLD|RT       -> ok CHLD|RT pid=P uid=U code=C status=S int=I band=B fd=F | err EAGAIN
 *                                                     (the same read, with the fields the CHLD, RT and POLL
 *                                                      layouts fill: a realtime signal with a CLD_* code
 *                                                      comes through as POLL, its PID in band, status in fd)
 *   ps PID...            -> ok PID:STATE:PPID:PGID:SID:TTY[:H][:C] ... (from /proc/PID/stat; "PID:-" if
 *                                                      gone; :H when SIGHUP, :C when SIGCONT is pending at
 *                                                      the process (SigPnd or ShdPnd of /proc/PID/status))
 *   ttysid               -> ok SID | ok 0                 (TIOCGSID on the pty: the session holding it, 0 if none)
 *   lastpid N            -> ok | err ERRNO            (write N to ns_last_pid)
 *   cursor               -> ok N | err ERRNO          (read ns_last_pid: the last PID handed out in the namespace)
 *   pool N               -> ok COUNT | err ERRNO      (namespace only: makes the namespace's PID pool 1..N, as
 *                                                      the model's: pid_max of the namespace becomes 301 (its
 *                                                      least value) and init starts threads, which block every
 *                                                      signal and never run, one for each PID from N+1 to 300;
 *                                                      COUNT threads were started. Then a fork with no PID
 *                                                      free in 2..N fails with EAGAIN, and the allocator wraps
 *                                                      from N to 2 by itself. The cursor is left where it was)
 *   pending              -> ok CHLD RT QUEUED LIMIT   (init: 1/0 whether SIGCHLD and SIGRTMIN are pending, and
 *                                                      SigQ of /proc/self/status: the user's pending signals as
 *                                                      RLIMIT_SIGPENDING counts them, and init's limit)
 *   children PID...      -> ok PID=C1,C2,... ...      (each process's children list, in the kernel's order, from
 *                                                      /proc/PID/task/PID/children; "PID=-" if gone)
 *   rlimit N             -> ok | err ERRNO            (RLIMIT_SIGPENDING of init, soft and hard: it can
 *                                                      only go down; processes forked later inherit it, and
 *                                                      a signal is checked against its recipient's limit)
 *   quit                 -> (init kills every process and exits)
 * At start the driver prints "hello ns|subreaper PID KERNEL-RELEASE [reason]".
 *
 * A command to a process of the script that is a zombie, gone or reaped gets "err ESRCH" (it cannot
 * run anything); one that has not answered after 4.5 s is killed and the answer is "err ETIMEDOUT",
 * so that no late reply can be taken for the answer to a later command.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SLOTS 96
#define LINE 4096
#define ANSWER_MS 4500   /* below the Java side's 5 s: a command is answered or given up before then */
#define WAITB_S 4        /* waitb's alarm */

static int cmd_r[SLOTS], cmd_w[SLOTS], reply_r, reply_w;
static char tty_path[256];
static int tty_master = -1;   /* in init: the pty's master side */
static char self_path[1024];
static pid_t real_pid[SLOTS];   /* in init: the PID of each slot, as init sees it */
static int reaped[SLOTS];       /* in init: the slot's process was reaped by a wait command (its PID may be reused) */
static int ns_mode;

static const char *errname(int e) {
    switch (e) {
    case EPERM: return "EPERM"; case ECHILD: return "ECHILD"; case ESRCH: return "ESRCH";
    case EAGAIN: return "EAGAIN"; case EINVAL: return "EINVAL"; case ENOENT: return "ENOENT";
    case EACCES: return "EACCES"; case ENXIO: return "ENXIO"; case EIO: return "EIO";
    case EINTR: return "EINTR"; case ETIMEDOUT: return "ETIMEDOUT"; case ENOSYS: return "ENOSYS";
    default: return "EOTHER";
    }
}

static void die(const char *what) {
    printf("fatal %s: %s\n", what, strerror(errno));
    fflush(stdout);
    _exit(3);
}

static int read_line(int fd, char *buf, int n) {
    int i = 0;
    while (i < n - 1) {
        char c;
        ssize_t r = read(fd, &c, 1);
        if (r == 0) return -1;
        if (r < 0) { if (errno == EINTR) continue; return -1; }
        if (c == '\n') break;
        buf[i++] = c;
    }
    buf[i] = 0;
    return i;
}

static void reply(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void reply(const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    if (n > (int) sizeof buf - 2) n = (int) sizeof buf - 2;
    buf[n++] = '\n';
    ssize_t w = write(reply_w, buf, n);
    (void) w;
}

static long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

/* ------------------------------------------------------------ a process of the script */

static void child_loop(int slot);
static int write_file(const char *path, const char *text);

static void on_alarm(int sig) { (void) sig; }

/* The state every new process of the script starts in: no signal blocked, SIGHUP ignored (a
   session leader's exit must not kill its group: the model has no SIGHUP). */
static void become_script_process(int child) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGHUP, SIG_IGN);
    child_loop(child);
}

/* clone3 (or clone) with exit signal SIGRTMIN and otherwise fork's semantics: 0 in the child. */
struct clone_args_v0 { uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls; };
static long clone_rt(void) {
    long r = -1;
    errno = ENOSYS;
#ifdef SYS_clone3
    struct clone_args_v0 ca;
    memset(&ca, 0, sizeof ca);
    ca.exit_signal = (uint64_t) SIGRTMIN;
    r = syscall(SYS_clone3, &ca, sizeof ca);
#endif
    if (r < 0 && errno == ENOSYS) r = syscall(SYS_clone, (unsigned long) SIGRTMIN, 0UL, 0UL, 0UL, 0UL);
    return r;
}

static void block_one(int sig) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_BLOCK, &set, NULL);
}

/* Runs one command in the calling process (init or a script process); replies on the pipe. */
static void run_here(int slot, const char *op, long arg) {
    if (!strcmp(op, "fork")) {
        int child = (int) arg;
        pid_t c = fork();
        if (c < 0) { reply("err %s", errname(errno)); return; }
        if (c == 0) become_script_process(child);
        reply("ok %d", (int) c);
    } else if (!strcmp(op, "clonert")) {
        if (slot != 0) block_one(SIGRTMIN);   /* the child's exit signal must not kill its parent */
        long c = clone_rt();
        if (c < 0) { reply("err %s", errname(errno)); return; }
        if (c == 0) become_script_process((int) arg);
        reply("ok %d", (int) c);
    } else if (!strcmp(op, "exit")) {
        reply("ok");
        _exit((int) arg);
    } else if (!strcmp(op, "wait") || !strcmp(op, "waitpid") || !strcmp(op, "waitpidv")) {
        int st;
        pid_t r = waitpid(!strcmp(op, "wait") ? -1 : (pid_t) arg, &st, WNOHANG);
        if (r < 0) reply("err %s", errname(errno)); else reply("ok %d", (int) r);
    } else if (!strcmp(op, "waitb")) {   /* bounded: nothing else runs while it blocks, so it could block forever */
        struct sigaction sa, old;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_alarm;   /* no SA_RESTART: the timer interrupts waitpid */
        sigemptyset(&sa.sa_mask);
        sigaction(SIGALRM, &sa, &old);
        long ms = arg > 0 ? arg : WAITB_S * 1000L;
        struct itimerval it = { { 0, 0 }, { ms / 1000, (ms % 1000) * 1000 } }, off = { { 0, 0 }, { 0, 0 } };
        setitimer(ITIMER_REAL, &it, NULL);
        int st;
        pid_t r = waitpid(-1, &st, 0);
        int e = errno;
        setitimer(ITIMER_REAL, &off, NULL);
        sigaction(SIGALRM, &old, NULL);
        if (r < 0) reply("err %s", errname(e)); else reply("ok %d", (int) r);
    } else if (!strcmp(op, "peek")) {
        siginfo_t si;
        memset(&si, 0, sizeof si);
        if (waitid(P_ALL, 0, &si, WEXITED | WNOHANG | WNOWAIT) < 0) reply("err %s", errname(errno));
        else reply("ok %d", (int) si.si_pid);
    } else if (!strcmp(op, "setsid")) {
        pid_t r = setsid();
        if (r < 0) reply("err %s", errname(errno)); else reply("ok %d", (int) r);
    } else if (!strcmp(op, "exec")) {   /* the new image replies "ok" once it runs */
        char s[16], a[16], b[16];
        snprintf(s, sizeof s, "%d", slot);
        snprintf(a, sizeof a, "%d", cmd_r[0]);
        snprintf(b, sizeof b, "%d", reply_w);
        char *argv[] = { self_path, "--child", s, a, b, tty_path, NULL };
        execv(self_path, argv);
        reply("err %s", errname(errno));
    } else if (!strcmp(op, "tty") || !strcmp(op, "ttyn")) {
        int fd = open(tty_path, O_RDWR | (!strcmp(op, "ttyn") ? O_NOCTTY : 0));
        if (fd < 0) reply("err %s", errname(errno)); else reply("ok");   /* the fd stays open */
    } else if (!strcmp(op, "subreaper")) {
        if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) < 0) reply("err %s", errname(errno)); else reply("ok");
    } else if (!strcmp(op, "getsub")) {
        int v = 0;
        if (prctl(PR_GET_CHILD_SUBREAPER, &v, 0, 0, 0) < 0) reply("err %s", errname(errno)); else reply("ok %d", v ? 1 : 0);
    } else if (!strcmp(op, "sigqueue")) {
        union sigval v;
        v.sival_int = (int) arg;
        const char *e = getenv("ADOPTSIG_INIT");   /* init's PID, set by init before any fork */
        pid_t init = e ? atoi(e) : 1;
        if (sigqueue(init, SIGRTMIN, v) < 0) reply("err %s", errname(errno)); else reply("ok");
    } else if (!strcmp(op, "pdeath")) {
        block_one(SIGRTMIN);
        if (prctl(PR_SET_PDEATHSIG, SIGRTMIN, 0, 0, 0) < 0) reply("err %s", errname(errno)); else reply("ok");
    } else if (!strcmp(op, "sigpend")) {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGRTMIN);
        struct timespec zero = { 0, 0 };
        siginfo_t si;
        memset(&si, 0, sizeof si);
        if (sigtimedwait(&set, &si, &zero) < 0) reply("err %s", errname(errno));
        else reply("ok RT %d %d", (int) si.si_pid, si.si_code);
    } else if (!strcmp(op, "blockhup")) {   /* blocked first, so that no SIGHUP finds the default action unblocked */
        block_one(SIGHUP);
        block_one(SIGCONT);
        signal(SIGHUP, SIG_DFL);
        signal(SIGCONT, SIG_DFL);
        reply("ok");
    } else {
        reply("err EINVAL");
    }
}

/* The command pipes are numbered from cmd_r[0]: slot k reads fd cmd_r[0] + 2k (see make_pipes). */
static void child_loop(int slot) {
    char line[LINE], op[32];
    const char *e = getenv("ADOPTSIG_INIT");
    pid_t init = e ? atoi(e) : 1;
    for (;;) {
        /* a process of the script never outlives the driver's init (in a PID namespace the kernel
           sees to it; as a subreaper, init may have been killed without a chance to kill us) */
        struct pollfd pf = { cmd_r[slot], POLLIN, 0 };
        int ready = poll(&pf, 1, 500);
        if (ready == 0) {
            if (kill(init, 0) < 0 && errno == ESRCH) _exit(0);
            continue;
        }
        if (read_line(cmd_r[slot], line, sizeof line) < 0) _exit(0);
        long arg = 0;
        op[0] = 0;
        sscanf(line, "%31s %ld", op, &arg);
        run_here(slot, op, arg);
    }
}

/* ------------------------------------------------------------ init */

static void make_pipes(void) {
    /* pipes at known, consecutive descriptors, so that an exec'd copy can find them again */
    int base = 100;
    for (int k = 0; k < SLOTS; k++) {
        int p[2];
        if (pipe(p) < 0) die("pipe");
        if (dup2(p[0], base + 2 * k) < 0 || dup2(p[1], base + 2 * k + 1) < 0) die("dup2");
        close(p[0]); close(p[1]);
        cmd_r[k] = base + 2 * k;
        cmd_w[k] = base + 2 * k + 1;
    }
    int p[2];
    if (pipe(p) < 0) die("pipe");
    reply_r = base + 2 * SLOTS;
    reply_w = base + 2 * SLOTS + 1;
    if (dup2(p[0], reply_r) < 0 || dup2(p[1], reply_w) < 0) die("dup2");
    close(p[0]); close(p[1]);
}

static void find_pipes(int first, int rw) {
    for (int k = 0; k < SLOTS; k++) { cmd_r[k] = first + 2 * k; cmd_w[k] = first + 2 * k + 1; }
    reply_w = rw;
    reply_r = rw - 1;
}

/* SIGHUP and SIGCONT pending at PID (per thread or shared), as bits 1 and 2; -1 if unknown. */
static int pending_hup_cont(pid_t pid) {
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%d/status", (int) pid);
    int fd = open(path, O_RDONLY);
    if (fd < 0) return -1;
    ssize_t r = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (r <= 0) return -1;
    buf[r] = 0;
    unsigned long long pend = 0;
    const char *keys[] = { "\nSigPnd:", "\nShdPnd:" };
    for (int i = 0; i < 2; i++) {
        char *p = strstr(buf, keys[i]);
        if (p) pend |= strtoull(p + strlen(keys[i]), NULL, 16);
    }
    return ((pend >> (SIGHUP - 1)) & 1 ? 1 : 0) | ((pend >> (SIGCONT - 1)) & 1 ? 2 : 0);
}

static int proc_state(pid_t pid, char *out, int n) {
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int) pid);
    int fd = open(path, O_RDONLY);
    if (fd < 0) { snprintf(out, n, "%d:-", (int) pid); return 0; }
    ssize_t r = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (r <= 0) { snprintf(out, n, "%d:-", (int) pid); return 0; }
    buf[r] = 0;
    char *p = strrchr(buf, ')');
    if (!p) { snprintf(out, n, "%d:-", (int) pid); return 0; }
    char state; int ppid, pgrp, sid, tty;
    if (sscanf(p + 2, "%c %d %d %d %d", &state, &ppid, &pgrp, &sid, &tty) != 5) { snprintf(out, n, "%d:-", (int) pid); return 0; }
    snprintf(out, n, "%d:%c:%d:%d:%d:%d", (int) pid, state, ppid, pgrp, sid, tty);
    return 1;
}

/* 1 when PID is a process that can still run a command (not a zombie, not gone). */
static int runnable(pid_t pid) {
    char s[128];
    if (!proc_state(pid, s, sizeof s)) return 0;
    char *c = strchr(s, ':');
    return !(c && (c[1] == 'Z' || c[1] == 'X'));
}

/* 1 when PID runs this program (so that a PID reused by a stranger is never signalled). */
static int ours(pid_t pid) {
    char path[64], exe[1024];
    snprintf(path, sizeof path, "/proc/%d/exe", (int) pid);
    ssize_t n = readlink(path, exe, sizeof exe - 1);
    if (n < 0) return 0;
    exe[n] = 0;
    return !strcmp(exe, self_path);
}

/* Returns once PID is a zombie or gone and its exit_notify is over: exit_notify sets the zombie
   state that /proc shows and then signals the parent, both under tasklist_lock held for writing;
   waitid takes that lock for reading, so it returns only after the whole section. WNOWAIT: nothing
   is reaped. Returns 0 if PID is still running at the deadline. */
static int settle(pid_t pid, long deadline) {
    while (runnable(pid)) {
        if (now_ms() > deadline) return 0;
        struct timespec t = { 0, 100000 };
        nanosleep(&t, NULL);
    }
    siginfo_t si;
    waitid(P_PID, (id_t) pid, &si, WEXITED | WNOHANG | WNOWAIT | __WALL);
    return 1;
}

static void kill_all(void) {
    for (int k = 1; k < SLOTS; k++) if (real_pid[k] > 0 && !reaped[k] && ours(real_pid[k])) kill(real_pid[k], SIGKILL);
}

/* The reply of SLOT's process to the command just sent: "err ESRCH" if it dies without one, and
   "err ETIMEDOUT" (after killing it, so that no late reply follows) if it does not answer in time. */
static void await_reply(int slot, long deadline, char *answer, int n) {
    struct pollfd pf = { reply_r, POLLIN, 0 };
    for (;;) {
        if (poll(&pf, 1, 20) > 0) {
            if (read_line(reply_r, answer, n) < 0) die("reply");
            return;
        }
        if (slot == 0) continue;   /* init wrote its own reply before coming here */
        pid_t pid = real_pid[slot];
        int dead = !runnable(pid);
        if (!dead && now_ms() > deadline) {
            if (ours(pid)) kill(pid, SIGKILL);
            settle(pid, now_ms() + 300);
            dead = 2;
        }
        if (dead) {
            if (poll(&pf, 1, 0) > 0) { if (read_line(reply_r, answer, n) < 0) die("reply"); return; }
            snprintf(answer, n, "err %s", dead == 2 ? "ETIMEDOUT" : "ESRCH");
            return;
        }
    }
}

static int slot_of_live_pid(pid_t pid) {
    if (pid <= 0) return -1;
    for (int k = 1; k < SLOTS; k++) if (real_pid[k] == pid && !reaped[k]) return k;
    return -1;
}

/* sigwait / sfdread / sfdraw: one non-blocking read of SIGCHLD or SIGRTMIN at init. */
static void read_signal(const char *op, const char *which, int sfd_chld, int sfd_rt) {
    int chld = !strcmp(which, "CHLD");
    if (!chld && strcmp(which, "RT")) { printf("err EINVAL\n"); return; }
    if (!strcmp(op, "sigwait")) {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, chld ? SIGCHLD : SIGRTMIN);
        struct timespec zero = { 0, 0 };
        siginfo_t si;
        memset(&si, 0, sizeof si);
        if (sigtimedwait(&set, &si, &zero) < 0) { printf("err %s\n", errname(errno)); return; }
        int cld = si.si_code > 0 && si.si_code <= CLD_CONTINUED;
        printf("ok %s %d %d %d\n", which, (int) si.si_pid, chld || cld ? si.si_status : si.si_value.sival_int, si.si_code);
        return;
    }
    struct signalfd_siginfo si;
    ssize_t r = read(chld ? sfd_chld : sfd_rt, &si, sizeof si);
    if (r != sizeof si) { printf("err %s\n", errname(r < 0 ? errno : EIO)); return; }
    if (!strcmp(op, "sfdread"))
        printf("ok %s %d %d %d\n", which, (int) si.ssi_pid, chld ? si.ssi_status : si.ssi_int, si.ssi_code);
    else
        printf("ok %s pid=%u uid=%u code=%d status=%d int=%d band=%u fd=%d\n", which, si.ssi_pid, si.ssi_uid,
               si.ssi_code, si.ssi_status, si.ssi_int, si.ssi_band, si.ssi_fd);
}

/* A placeholder thread of init: it holds one PID of the namespace and never runs again (every signal is
   blocked in it, so pause never returns, and it touches nothing it shares with init but its own stack). */
static int placeholder(void *unused) {
    (void) unused;
    for (;;) syscall(SYS_pause);
    return 0;
}

static long read_long_file(const char *path) {
    char b[64];
    int fd = open(path, O_RDONLY);
    if (fd < 0) return -1;
    ssize_t r = read(fd, b, sizeof b - 1);
    close(fd);
    if (r <= 0) return -1;
    b[r] = 0;
    return strtol(b, NULL, 10);
}

/* pool N: PIDs N+1..300 taken by threads of init, so that the namespace hands out 2..N only. */
static void make_pool(int n) {
    if (!ns_mode || n < 2 || n >= 300) { printf("err EINVAL\n"); return; }
    long cursor = read_long_file("/proc/sys/kernel/ns_last_pid");
    char b[32];
    if (write_file("/proc/sys/kernel/pid_max", "301") < 0) { printf("err %s\n", errname(errno)); return; }
    snprintf(b, sizeof b, "%d", n);
    if (write_file("/proc/sys/kernel/ns_last_pid", b) < 0) { printf("err %s\n", errname(errno)); return; }
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_SETMASK, &all, &old);   /* the threads start with every signal blocked */
    /* bare clone() threads (no thread library): each needs only a small stack of its own */
    enum { STACK = 8192 };
    char *stacks = malloc((size_t) (300 - n) * STACK);
    int count = 0;
    while (stacks && count < 300 - n) {
        if (clone(placeholder, stacks + (size_t) (count + 1) * STACK,
                  CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM, NULL) < 0) break;
        count++;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (cursor >= 0) { snprintf(b, sizeof b, "%ld", cursor); write_file("/proc/sys/kernel/ns_last_pid", b); }
    printf("ok %d\n", count);
}

/* pending: SIGCHLD and SIGRTMIN pending at init, and SigQ. */
static void report_pending(void) {
    char buf[4096];
    int fd = open("/proc/self/status", O_RDONLY);
    ssize_t r = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
    if (fd >= 0) close(fd);
    if (r <= 0) { printf("err EIO\n"); return; }
    buf[r] = 0;
    unsigned long long pend = 0;
    const char *keys[] = { "\nSigPnd:", "\nShdPnd:" };
    for (int i = 0; i < 2; i++) {
        char *p = strstr(buf, keys[i]);
        if (p) pend |= strtoull(p + strlen(keys[i]), NULL, 16);
    }
    long q = -1, lim = -1;
    char *p = strstr(buf, "\nSigQ:");
    if (p) sscanf(p + 6, " %ld/%ld", &q, &lim);
    printf("ok %d %d %ld %ld\n", (int) ((pend >> (SIGCHLD - 1)) & 1), (int) ((pend >> (SIGRTMIN - 1)) & 1), q, lim);
}

/* children PID...: each process's children list in the kernel's order. */
static void report_children(char *p) {
    printf("ok");
    for (;;) {
        while (*p == ' ') p++;
        if (!*p) break;
        char *q = p;
        pid_t pid = (pid_t) strtol(p, &p, 10);
        if (p == q) break;
        char path[96], buf[4096];
        snprintf(path, sizeof path, "/proc/%d/task/%d/children", (int) pid, (int) pid);
        int fd = open(path, O_RDONLY);
        ssize_t r = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
        if (fd >= 0) close(fd);
        if (r < 0) { printf(" %d=-", (int) pid); continue; }
        buf[r] = 0;
        printf(" %d=", (int) pid);
        int first = 1;
        for (char *t = strtok(buf, " \n"); t; t = strtok(NULL, " \n")) { printf("%s%s", first ? "" : ",", t); first = 0; }
    }
    printf("\n");
}

static void init_loop(int sfd, int sfd_chld, int sfd_rt) {
    char line[LINE], op[32], answer[LINE];
    for (;;) {
        if (read_line(0, line, sizeof line) < 0 || !strncmp(line, "quit", 4)) { kill_all(); _exit(0); }
        long deadline = now_ms() + ANSWER_MS;
        int slot = 0; long arg = 0;
        op[0] = 0;
        int got = sscanf(line, "%31s %d %ld", op, &slot, &arg);
        if (!strcmp(op, "signals")) {   /* printed as it is read: a long queue needs no buffer */
            printf("ok");
            struct signalfd_siginfo si;
            while (read(sfd, &si, sizeof si) == sizeof si) {
                if ((int) si.ssi_signo == SIGCHLD) printf(" CHLD %d", (int) si.ssi_pid);
                else printf(" RT %d %d", (int) si.ssi_pid, si.ssi_int);
            }
            printf("\n");
            continue;
        }
        if (!strcmp(op, "sigwait") || !strcmp(op, "sfdread") || !strcmp(op, "sfdraw")) {
            char which[16] = "";
            sscanf(line, "%*s %15s", which);
            read_signal(op, which, sfd_chld, sfd_rt);
            continue;
        }
        if (!strcmp(op, "ps")) {
            printf("ok");
            char *p = line + 2;
            char s[128];
            for (;;) {
                while (*p == ' ') p++;
                if (!*p) break;
                char *q = p;
                pid_t pid = (pid_t) strtol(p, &p, 10);
                if (p == q) break;
                int alive = proc_state(pid, s, sizeof s);
                int pend = alive ? pending_hup_cont(pid) : -1;
                printf(" %s%s%s", s, pend > 0 && (pend & 1) ? ":H" : "", pend > 0 && (pend & 2) ? ":C" : "");
            }
            printf("\n");
            continue;
        }
        if (!strcmp(op, "ttysid")) {   /* the session the terminal belongs to, if any */
            pid_t sid;
            if (ioctl(tty_master, TIOCGSID, &sid) < 0) printf("ok 0\n"); else printf("ok %d\n", (int) sid);
            continue;
        }
        if (!strcmp(op, "lastpid")) {
            int fd = open("/proc/sys/kernel/ns_last_pid", O_WRONLY);
            char b[32];
            int len = snprintf(b, sizeof b, "%d", slot);
            if (fd < 0 || write(fd, b, len) != len) printf("err %s\n", errname(errno)); else printf("ok\n");
            if (fd >= 0) close(fd);
            continue;
        }
        if (!strcmp(op, "rlimit")) {
            struct rlimit r = { (rlim_t) slot, (rlim_t) slot };
            if (setrlimit(RLIMIT_SIGPENDING, &r) < 0) printf("err %s\n", errname(errno)); else printf("ok\n");
            continue;
        }
        if (!strcmp(op, "pool")) { make_pool(slot); continue; }
        if (!strcmp(op, "cursor")) {
            long c = read_long_file("/proc/sys/kernel/ns_last_pid");
            if (c < 0) printf("err %s\n", errname(errno)); else printf("ok %ld\n", c);
            continue;
        }
        if (!strcmp(op, "pending")) { report_pending(); continue; }
        if (!strcmp(op, "children")) { report_children(line + 8); continue; }
        if (!strcmp(op, "kill0")) {
            if (got < 2 || slot <= 0) { printf("err EINVAL\n"); continue; }
            if (kill((pid_t) slot, 0) < 0) printf("err %s\n", errname(errno)); else printf("ok\n");
            continue;
        }
        if (!strcmp(op, "probe")) {   /* probe CHILD: init vforks a child that exits at once */
            int child = slot;
            if (got < 2 || child <= 0 || child >= SLOTS || real_pid[child] != 0) { printf("err EINVAL\n"); continue; }
            pid_t c = vfork();
            if (c == 0) _exit(0);
            if (c < 0) { printf("err %s\n", errname(errno)); continue; }
            real_pid[child] = c;
            /* vfork returns when the child releases its memory (exit_mm), which do_exit does before
               exit_notify: wait for the zombie and the SIGCHLD, as exit does */
            if (!settle(c, deadline)) { printf("err ETIMEDOUT\n"); continue; }
            printf("ok %d\n", (int) c);
            continue;
        }
        if (got < 2 || slot < 0 || slot >= SLOTS || (slot > 0 && real_pid[slot] <= 0)) { printf("err EINVAL\n"); continue; }
        int forking = !strcmp(op, "fork") || !strcmp(op, "clonert");
        if (forking && (arg <= 0 || arg >= SLOTS || real_pid[arg] != 0)) { printf("err EINVAL\n"); continue; }
        if (!strcmp(op, "waitpid")) {
            if (arg <= 0 || arg >= SLOTS || real_pid[arg] <= 0) { printf("err EINVAL\n"); continue; }
            arg = real_pid[arg];
        }
        if (!strcmp(op, "waitpidv") && arg <= 0) { printf("err EINVAL\n"); continue; }
        if (slot > 0 && (reaped[slot] || !runnable(real_pid[slot]))) { printf("err ESRCH\n"); continue; }
        if (slot == 0) {
            if (!strcmp(op, "exit") || !strcmp(op, "exec")) { printf("err EINVAL\n"); continue; }
            run_here(0, op, arg);
        } else {
            char c[64];
            int len = snprintf(c, sizeof c, "%s %ld\n", op, arg);
            if (write(cmd_w[slot], c, len) != len) die("write");
        }
        await_reply(slot, deadline, answer, sizeof answer);
        if (forking && !strncmp(answer, "ok ", 3)) real_pid[arg] = (pid_t) atoi(answer + 3);
        if ((!strcmp(op, "wait") || !strcmp(op, "waitb") || !strcmp(op, "waitpid") || !strcmp(op, "waitpidv")) && !strncmp(answer, "ok ", 3)) {
            int k = slot_of_live_pid((pid_t) atoi(answer + 3));
            if (k > 0) reaped[k] = 1;
        }
        if (!strcmp(op, "exit") && !strcmp(answer, "ok") && !settle(real_pid[slot], deadline)) snprintf(answer, sizeof answer, "err ETIMEDOUT");
        printf("%s\n", answer);
    }
}

static void become_init(const char *mode, const char *why) {
    if (setsid() < 0 && errno != EPERM) die("setsid");
    make_pipes();
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0 || grantpt(m) < 0 || unlockpt(m) < 0) die("posix_openpt");
    tty_master = m;
    snprintf(tty_path, sizeof tty_path, "%s", ptsname(m));
    sigset_t set, chld, rt;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    sigaddset(&set, SIGRTMIN);
    if (sigprocmask(SIG_BLOCK, &set, NULL) < 0) die("sigprocmask");
    int sfd = signalfd(-1, &set, SFD_NONBLOCK);
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigemptyset(&rt);
    sigaddset(&rt, SIGRTMIN);
    int sfd_chld = signalfd(-1, &chld, SFD_NONBLOCK);
    int sfd_rt = signalfd(-1, &rt, SFD_NONBLOCK);
    if (sfd < 0 || sfd_chld < 0 || sfd_rt < 0) die("signalfd");
    char env[32];
    snprintf(env, sizeof env, "%d", (int) getpid());
    setenv("ADOPTSIG_INIT", env, 1);
    real_pid[0] = getpid();
    struct utsname u;
    uname(&u);
    printf("hello %s %d %s%s%s\n", mode, (int) getpid(), u.release, why ? " " : "", why ? why : "");
    fflush(stdout);
    init_loop(sfd, sfd_chld, sfd_rt);
}

static int write_file(const char *path, const char *text) {
    int fd = open(path, O_WRONLY);
    if (fd < 0) return -1;
    int len = (int) strlen(text);
    int r = write(fd, text, len) == len ? 0 : -1;
    close(fd);
    return r;
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc >= 6 && !strcmp(argv[1], "--child")) {   /* an exec'd process of the script */
        int slot = atoi(argv[2]);
        find_pipes(atoi(argv[3]), atoi(argv[4]));
        snprintf(tty_path, sizeof tty_path, "%s", argv[5]);
        snprintf(self_path, sizeof self_path, "%s", argv[0]);
        reply("ok");
        child_loop(slot);
    }
    ssize_t n = readlink("/proc/self/exe", self_path, sizeof self_path - 1);
    if (n < 0) die("readlink");
    self_path[n] = 0;
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);   /* the driver dies with the Java process */
    uid_t uid = geteuid();
    gid_t gid = getegid();
    const char *why = NULL;
    /* a user namespace of our own even as root: RLIMIT_SIGPENDING then counts only our signals */
    int flags = CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWUSER;
    static char reason[512];
    if (getenv("ADOPTSIG_NO_NAMESPACE")) {   /* its value says why */
        snprintf(reason, sizeof reason, "(%s)", getenv("ADOPTSIG_NO_NAMESPACE"));
        why = reason;
        flags = 0;
    }
    else if (unshare(flags) < 0 && (uid != 0 || (flags &= ~CLONE_NEWUSER, unshare(flags) < 0))) {
        why = "(no new PID namespace: orphans go to a child subreaper, PID values are not compared)";
        flags = 0;
    }
    if (flags == 0) {
        if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) < 0) die("PR_SET_CHILD_SUBREAPER");
        become_init("subreaper", why);
    }
    if (flags & CLONE_NEWUSER) {
        char map[64];
        write_file("/proc/self/setgroups", "deny");
        snprintf(map, sizeof map, "0 %d 1", (int) uid);
        if (write_file("/proc/self/uid_map", map) < 0) die("uid_map");
        snprintf(map, sizeof map, "0 %d 1", (int) gid);
        if (write_file("/proc/self/gid_map", map) < 0) die("gid_map");
    }
    fflush(stdout);
    pid_t init = fork();
    if (init < 0) die("fork");
    if (init == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
        ns_mode = 1;
        if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) die("mount --make-rprivate /");
        if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0) die("mount /proc");
        become_init("ns", NULL);
    }
    int st;
    while (waitpid(init, &st, 0) < 0 && errno == EINTR) {}
    return WIFEXITED(st) ? WEXITSTATUS(st) : 3;
}
