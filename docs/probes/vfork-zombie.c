/* Is a vfork child that calls _exit(0) at once a zombie when vfork returns in the parent?
   vfork returns when the child releases its memory (do_exit -> exit_mm -> mm_release ->
   complete_vfork_done), which comes before exit_notify makes it a zombie and sends SIGCHLD.
   Build and run: cc -O2 -Wall -o /tmp/vfork-zombie docs/probes/vfork-zombie.c && /tmp/vfork-zombie 20000 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 10000;
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    int no_sigchld = 0, no_zombie = 0;
    for (int i = 0; i < n; i++) {
        pid_t c = vfork();
        if (c == 0) _exit(0);
        if (c < 0) { perror("vfork"); return 1; }
        sigset_t pend;
        sigpending(&pend);                      /* first: is SIGCHLD pending yet? */
        if (!sigismember(&pend, SIGCHLD)) no_sigchld++;
        siginfo_t si;
        memset(&si, 0, sizeof si);              /* then: is it a zombie yet? (si_pid 0: no) */
        waitid(P_PID, c, &si, WEXITED | WNOHANG | WNOWAIT);
        if (si.si_pid == 0) no_zombie++;
        waitpid(c, NULL, 0);
        struct timespec zero = { 0, 0 };
        while (sigtimedwait(&chld, NULL, &zero) > 0) {}
    }
    printf("%d vforks: SIGCHLD not yet pending when vfork returned: %d; not yet a zombie at the waitid after it: %d\n",
           n, no_sigchld, no_zombie);
    return 0;
}
