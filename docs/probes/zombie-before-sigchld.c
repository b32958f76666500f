/* /proc/PID/stat shows 'Z' as soon as exit_notify sets exit_state, and exit_notify sends SIGCHLD
   after that, still under tasklist_lock: a reader of /proc can see the zombie before the signal.
   A waitid (which takes tasklist_lock for reading) after seeing 'Z' closes the window; the driver's
   exit and probe do that (settle()). Run: cc -O2 -Wall -o /tmp/zb docs/probes/zombie-before-sigchld.c && /tmp/zb 20000 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char state(pid_t p) {
    char path[64], b[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int) p);
    int fd = open(path, O_RDONLY);
    if (fd < 0) return '-';
    int r = read(fd, b, sizeof b - 1);
    close(fd);
    if (r <= 0) return '-';
    b[r] = 0;
    char *q = strrchr(b, ')');
    return q ? q[2] : '?';
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 10000;
    sigset_t c;
    sigemptyset(&c);
    sigaddset(&c, SIGCHLD);
    sigprocmask(SIG_BLOCK, &c, NULL);
    int early = 0, early_after_waitid = 0;
    for (int i = 0; i < n; i++) {
        int sync = i % 2;   /* odd rounds: waitid(WNOWAIT) between seeing 'Z' and looking at the signal */
        pid_t k = fork();
        if (k == 0) _exit(0);
        while (state(k) != 'Z') {}
        if (sync) { siginfo_t si; waitid(P_PID, k, &si, WEXITED | WNOHANG | WNOWAIT); }
        sigset_t p;
        sigpending(&p);
        if (!sigismember(&p, SIGCHLD)) { if (sync) early_after_waitid++; else early++; }
        waitpid(k, NULL, 0);
        struct timespec z = { 0, 0 };
        while (sigtimedwait(&c, NULL, &z) > 0) {}
    }
    printf("%d exits: 'Z' seen before SIGCHLD was pending: %d of %d plain, %d of %d with waitid after 'Z'\n",
           n, early, n / 2, early_after_waitid, n - n / 2);
    return 0;
}
