------------------------------- MODULE Daemons -------------------------------
\* The daemon idioms as programs over the Kernel: which syscall each process of a
\* service makes next, by where it is in its program (pc). Every interleaving of
\* the daemons' steps with each other and with the supervisor is explored. A
\* step the program makes the process take (a fork or exit of the dance, setsid,
\* a wait for its child) is strongly fair: a process that can take it again and
\* again eventually does (a fork that finds no free PID is tried again). The daemon's own choices (fork a worker, exit, open
\* the terminal, re-execute) and a worker's exit are not: a daemon may run for
\* ever, and stop at any point.
\*
\* Programs (the constant Idiom):
\*  - noFork: the first process is the daemon (it stays in the foreground);
\*  - dance:  d0 forks and exits; its child d1 calls setsid, forks and exits;
\*            the grandchild is the daemon (daemon(3) then a second fork);
\*  - apue:   a0 forks and waits for its child (await), then exits; the child
\*            a1 forks and exits; the grandchild is the daemon (APUE Fig. 8.8);
\*  - reexec: the dance; then the daemon may re-execute itself once (r0): the
\*            new image forks and exits, and its child (r1) calls setsid and is
\*            the daemon again (daemon2, which does not re-execute again);
\*  - free:   any process of the service may make any syscall at any time.
\* The daemon may fork workers (Workers), exit, or open the terminal; workers
\* may exit. With DanceSync, each dance step waits until the caller's parent
\* has exited (the RFC's telling of the dance).
\*
\* Java twin: src/main/java/adoptsig/daemon/Daemons.java.
EXTENDS Kernel

CONSTANTS
    Idiom,       \* the daemon's program: "noFork", "dance", "apue", "reexec" or "free"
    DanceSync,   \* TRUE: each dance step waits until the caller's parent has exited (the RFC's order)
    Workers,     \* TRUE: the daemon may fork worker processes (and exit leaving them running)
    Strangers    \* open world: daemons init did not start, running the same program ({}: closed world)

ASSUME Strangers \cap Services = {}

VARIABLES
    pc,              \* pc[p]: where process p is in its program ("none" for a free slot, "init" for init)
    strangersBegun   \* open world: the strangers that have started (each starts once, unseen by init)

Programs == {"noFork", "dance", "apue", "reexec", "free"}
ASSUME Idiom \in Programs

\* Program locations of the daemons (the supervisors add their own helpers' locations).
DaemonPcs == {"d0", "d1", "d2", "exit", "daemon", "worker", "a0", "a1", "await", "r0", "r1", "daemon2",
              "none", "init", "free", "dead"}

DaemonsInit ==
    /\ pc = [p \in Pids |-> IF p = InitPid THEN "init" ELSE "none"]
    /\ strangersBegun = {}

\* Where the service's first process starts. Java: Daemons.firstPc
FirstPc == CASE Idiom \in {"dance", "reexec"} -> "d0"
             [] Idiom = "apue" -> "a0"
             [] Idiom = "noFork" -> "daemon"
             [] OTHER -> "free"

\* With DanceSync, a dance step waits until the caller has been reparented (to
\* init, or to a child subreaper) because its parent exited, as in the RFC's telling.
Ready(p) == ~DanceSync \/ parent[p] = InitPid \/ subreaper[parent[p]]

\* The programs with a fixed course (Idiom # "free"): the steps a process takes
\* because its program says so (forks and exits of the dance, setsid, a wait for
\* its child), which a scheduled process eventually takes (DaemonFairness in
\* Supervisors.tla), and the daemon's own choices (fork a worker, exit, open the
\* terminal, re-execute), which it may put off for ever, as a worker may put off
\* its exit. Java: Daemons.steps
DanceFairStep(p) ==
    \/ /\ pc[p] = "d0"
       /\ Fork(p) /\ pc' = [pc EXCEPT ![p] = "exit", ![NextPid] = "d1"]
    \/ /\ pc[p] = "d1" /\ Ready(p)
       /\ Setsid(p) /\ pc' = [pc EXCEPT ![p] = "d2"]
    \/ /\ pc[p] = "d2"
       /\ Fork(p) /\ pc' = [pc EXCEPT ![p] = "exit", ![NextPid] = "daemon"]
    \/ /\ pc[p] = "a0"
       /\ Fork(p) /\ pc' = [pc EXCEPT ![p] = "await", ![NextPid] = "a1"]
    \/ /\ pc[p] = "a1"
       /\ Fork(p) /\ pc' = [pc EXCEPT ![p] = "exit", ![NextPid] = "daemon"]
    \/ /\ pc[p] = "await"
       /\ \E c \in Pids : Reap(p, c) /\ pc' = [pc EXCEPT ![p] = "exit", ![c] = "none"]
    \/ /\ pc[p] = "exit"
       /\ Exit(p) /\ pc' = [pc EXCEPT ![p] = "dead"]
    \/ /\ pc[p] = "r0"
       /\ Fork(p) /\ pc' = [pc EXCEPT ![p] = "exit", ![NextPid] = "r1"]
    \/ /\ pc[p] = "r1" /\ Ready(p)
       /\ Setsid(p) /\ pc' = [pc EXCEPT ![p] = "daemon2"]

DaemonChoice(p) ==
    \/ /\ pc[p] \in {"daemon", "daemon2"} /\ Ready(p)
       /\ \/ Workers /\ Fork(p) /\ pc' = [pc EXCEPT ![NextPid] = "worker"]
          \/ Exit(p) /\ pc' = [pc EXCEPT ![p] = "dead"]
          \/ OpenTty(p) /\ UNCHANGED pc
          \/ Idiom = "reexec" /\ pc[p] = "daemon" /\ Exec(p) /\ pc' = [pc EXCEPT ![p] = "r0"]
    \/ /\ pc[p] = "worker"
       /\ Exit(p) /\ pc' = [pc EXCEPT ![p] = "dead"]

DanceStep(p) == DanceFairStep(p) \/ DaemonChoice(p)

\* Free mode: any syscall by any process of the service. Java: Daemons.free
FreeStep(p) ==
    /\ pc[p] = "free"
    /\ \/ Fork(p) /\ pc' = [pc EXCEPT ![NextPid] = "free"]
       \/ Exit(p) /\ pc' = [pc EXCEPT ![p] = "dead"]
       \/ \E c \in Pids : Reap(p, c) /\ pc' = [pc EXCEPT ![c] = "none"]
       \/ Setsid(p) /\ UNCHANGED pc
       \/ Exec(p) /\ UNCHANGED pc
       \/ OpenTty(p) /\ UNCHANGED pc
       \/ PrctlSetAdoptsig(p) /\ UNCHANGED pc
       \/ PrctlSetChildSubreaper(p) /\ UNCHANGED pc

\* A stranger (a daemon started from a login shell, say) starts, once: its first
\* process appears as a child of init (the shell that started it is gone), and
\* init is not told. Java: Daemons.strangerStart
StrangerStart(x) ==
    /\ x \notin strangersBegun
    /\ \E c \in {NextPid} :
       /\ c # NoPid
       /\ DoFork(InitPid, c, x)
       /\ lastAction' = Step("StrangerStart", NoPid, c, 0, FALSE, c \in everUsed)
       /\ pc' = [pc EXCEPT ![c] = FirstPc]
    /\ strangersBegun' = strangersBegun \cup {x}

\* A probe: init forks a child that calls _exit(0) at once; the PID fork returns
\* tells init where alloc_pid's cursor is. The child's exit is its own step
\* (pc "exit", strongly fair by DaemonFairness): on Linux it comes after fork, or vfork, returns
\* (vfork returns once the child has released its memory, before it is a
\* zombie). Init reaps the child like any zombie. Java: Daemons.probe
InitProbe ==
    /\ \E c \in {NextPid} :
       /\ c # NoPid
       /\ InitFork(c, InitSvc, "Probe")
       /\ pc' = [pc EXCEPT ![c] = "exit"]
    /\ UNCHANGED strangersBegun

\* One step of a process of a service or a stranger (never init). It changes only
\* the kernel and pc; each supervision mechanism says what it sees of the step.
DaemonStep(p) ==
    /\ p # InitPid
    /\ DanceStep(p) \/ FreeStep(p)
    /\ UNCHANGED strangersBegun

\* The steps of DaemonStep(p) that its program makes it take (DanceFairStep).
DaemonFairStep(p) ==
    /\ p # InitPid
    /\ DanceFairStep(p)
    /\ UNCHANGED strangersBegun
=============================================================================
