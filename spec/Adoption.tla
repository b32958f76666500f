------------------------------ MODULE Adoption ------------------------------
\* The RFC's supervisor (init with PR_SET_ADOPTSIG) over the Kernel, and the
\* daemons it supervises, as programs that the scheduler interleaves freely.
\*
\* The supervisor is modelled as the RFC describes it (kernel-team list,
\* 16 Dec 2008): init tracks the PID of each process it spawns; it reads its
\* signals in dequeue order (SIGCHLD before SIGRTMIN, as signalfd returns them);
\* on SIGCHLD it reaps with a waitpid(-1, WNOHANG) loop; on an adoption signal
\* whose previous parent (si_status) it tracks, it tracks the adopted child
\* (si_pid) instead. Where the RFC is silent we take the reading most
\* favourable to it, and say so:
\*  F1. Because SIGCHLD is dequeued first, init has already reaped the previous
\*      parent when it reads the adoption signal. Init therefore remembers the
\*      PIDs it reaped while tracked (`gone`) and accepts them as previous
\*      parents too; otherwise it could never follow even the first exit.
\*  F2. Init decides that a service has stopped only when it has drained every
\*      notification (no SIGCHLD pending, realtime queue empty, not inside the
\*      wait loop) and tracks no PID of the service: every adoption signal of an
\*      exit is queued before that exit's SIGCHLD, so nothing it could still learn
\*      is pending.
\*  F3. Init forgets `gone` only at such a drained point, never earlier.
\*
\* Supervisor = "classic" is init without the RFC (issue 4, mechanism 1): it never
\* asks for adoption signals and knows only the PIDs it forked. Supervisor =
\* "cgroup" (mechanism 7) knows each service's members by a tag inherited on fork
\* and independent of parentage, as cgroups give systemd: its beliefs are the
\* membership itself (Believed), and it reports a service stopped when the group
\* has no running member (cgroup v2 "populated" turning false).
\*
\* Supervisor = "rfcBest" is the best supervisor we found on the RFC's kernel
\* interface (issue 4, mechanism 4): init reads adoption signals on a signalfd of
\* their own, drains them before reading SIGCHLD and before every waitpid (so it
\* has read a process's adoption before it can reap it), and parks an adoption
\* whose previous parent it does not know yet (`pending`) until a later adoption
\* makes that parent known.
\*
\* Java twin: src/main/java/adoptsig/supervisor/RfcSupervisor.java (supervisor),
\* src/main/java/adoptsig/daemon/Daemons.java (programs), conform/JavaSystem.java (Next).
EXTENDS Kernel

CONSTANTS
    Idiom,       \* "dance": the RFC's double fork; "free": any syscall by any service process
    DanceSync,   \* TRUE: each dance step waits until the parent has exited (the RFC's order)
    Workers,     \* TRUE: the daemon may fork worker processes (and exit leaving them running)
    Supervisor   \* "rfc": the RFC's supervisor as described; "rfcBest": see the header;
                 \* "classic": SIGCHLD and wait only (no PR_SET_ADOPTSIG); "cgroup": membership by lineage

VARIABLES
    pc,          \* pc[p]: where process p is in its daemon program ("none" for a free slot)
    tracked,     \* tracked[s]: the PIDs init attributes to service s
    gone,        \* gone[s]: PIDs of s that init reaped since the last drained point (F1)
    status,      \* status[s]: "never" (not spawned), "running", "stopped": what init reports
    supPc,       \* "idle": init reads its next signal; "reaping": inside the waitpid(-1, WNOHANG) loop
    pending      \* rfcBest: adoption signals whose previous parent init did not know when it read them

supVars == <<tracked, gone, status, supPc, pending>>
vars == <<kernelVars, pc, supVars>>

\* Daemon program locations. The dance: d0 forks and exits; d1 (its child)
\* calls setsid, forks and exits; the grandchild is the daemon, which may fork
\* workers and may exit at any time; workers may exit at any time.
DancePcs == {"d0", "d1", "d2", "exit", "daemon", "worker"}
PcValues == DancePcs \cup {"none", "init", "free", "dead"}

-----------------------------------------------------------------------------
Init ==
    /\ KernelInitWith(Supervisor \in {"rfc", "rfcBest"})
    /\ pc = [p \in Pids |-> IF p = InitPid THEN "init" ELSE "none"]
    /\ tracked = [s \in Services |-> {}]
    /\ gone = [s \in Services |-> {}]
    /\ status = [s \in Services |-> "never"]
    /\ supPc = "idle"
    /\ pending = {}

-----------------------------------------------------------------------------
\* The supervisor (init). Java: RfcSupervisor.

Best == Supervisor = "rfcBest"
\* rfcBest reads SIGCHLD and waits only when no adoption signal is queued.
RtDrained == ~Best \/ rtq = <<>>

Drained == supPc = "idle" /\ ~chldPending /\ rtq = <<>>
Cgroup == Supervisor = "cgroup"
ServiceOf(p) == {s \in Services : p \in tracked[s] \cup gone[s]}
FirstPc == IF Idiom = "dance" THEN "d0" ELSE "free"

\* Init forks the service's first process and records its PID (one step: init
\* is single-threaded and reads no signal between fork() returning and the record).
Spawn(s) ==
    /\ status[s] = "never"
    /\ NextPid # NoPid
    /\ LET c == NextPid IN
       /\ DoFork(InitPid, c, s)
       /\ lastAction' = Step("Spawn", InitPid, c, 0, FALSE, c \in everUsed)
       /\ pc' = [pc EXCEPT ![c] = FirstPc]
       /\ tracked' = [tracked EXCEPT ![s] = {c}]
       /\ status' = [status EXCEPT ![s] = "running"]
       /\ UNCHANGED <<gone, supPc, pending>>

\* signalfd read returns SIGCHLD (17) before SIGRTMIN (34): lowest number first,
\* standard before realtime (kernel/signal.c: next_signal). Init enters its wait loop.
DequeueSigchld ==
    /\ supPc = "idle"
    /\ RtDrained
    /\ chldPending
    /\ chldPending' = FALSE
    /\ supPc' = "reaping"
    /\ lastAction' = Step("DequeueSigchld", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, rtq, pc, tracked, gone, status, pending>>

\* One waitpid(-1, WNOHANG) that returns a zombie child c. If init tracked c,
\* it moves c to `gone` (F1).
WaitNohang(c) ==
    /\ supPc = "reaping"
    /\ RtDrained
    /\ pstate[c] = "zombie"
    /\ parent[c] = InitPid
    /\ DoReap(c)
    /\ lastAction' = Step("WaitNohang", InitPid, c, 0, FALSE, FALSE)
    /\ pc' = [pc EXCEPT ![c] = "none"]
    /\ tracked' = [s \in Services |-> tracked[s] \ {c}]
    /\ gone' = [s \in Services |-> IF c \in tracked[s] THEN gone[s] \cup {c} ELSE gone[s]]
    /\ UNCHANGED <<status, supPc, pending>>

\* waitpid(-1, WNOHANG) returns 0 (children, none a zombie) or ECHILD: the loop ends.
WaitNohangEmpty ==
    /\ supPc = "reaping"
    /\ RtDrained
    /\ \A c \in Pids : ~(pstate[c] = "zombie" /\ parent[c] = InitPid)
    /\ supPc' = "idle"
    /\ lastAction' = Step("WaitNohangEmpty", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, chldPending, rtq, pc, tracked, gone, status, pending>>

\* The PIDs that an adoption of x makes known through parked adoptions: x, the
\* processes parked with previous parent x, theirs, and so on.
RECURSIVE Closure(_, _)
Closure(S, n) == IF n = 0 THEN S
                 ELSE Closure(S \cup {e.pid : e \in {e \in pending : e.prev \in S}}, n - 1)

\* signalfd read returns the oldest queued adoption signal. The RFC's init reads it
\* only when no SIGCHLD is pending and it is not in its wait loop; rfcBest reads it
\* first, whenever one is queued. If its si_status (previous parent) belongs to a
\* service, init tracks si_pid, and (rfcBest) every parked adoption it resolves;
\* rfcBest parks an adoption whose previous parent it does not know.
DequeueAdoption ==
    /\ IF Best THEN TRUE ELSE supPc = "idle" /\ ~chldPending
    /\ rtq # <<>>
    /\ LET m == Head(rtq)
           known == Closure({m.pid}, MaxPid)
       IN
       /\ rtq' = Tail(rtq)
       /\ IF ServiceOf(m.prev) # {}
          THEN /\ tracked' = [s \in Services |-> IF s \in ServiceOf(m.prev) THEN tracked[s] \cup known
                                                ELSE tracked[s]]
               /\ pending' = {e \in pending : e.prev \notin known}
          ELSE /\ pending' = IF Best THEN pending \cup {m} ELSE pending
               /\ UNCHANGED tracked
       /\ lastAction' = Step("DequeueAdoption", InitPid, m.pid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, chldPending, pc, gone, status, supPc>>

\* F2: with nothing pending and no PID tracked, init reports the service stopped.
DecideStopped(s) ==
    /\ Drained
    /\ (~Best \/ pending = {})
    /\ status[s] = "running"
    /\ IF Cgroup THEN \A p \in Pids : ~(Running(p) /\ svc[p] = s) ELSE tracked[s] = {}
    /\ status' = [status EXCEPT ![s] = "stopped"]
    /\ lastAction' = Step("DecideStopped", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, chldPending, rtq, pc, tracked, gone, supPc, pending>>

\* F3: at a drained point init forgets the PIDs it reaped.
ForgetExited ==
    /\ Drained
    /\ \E s \in Services : gone[s] # {}
    /\ gone' = [s \in Services |-> {}]
    /\ lastAction' = Step("ForgetExited", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, chldPending, rtq, pc, tracked, status, supPc, pending>>

SupervisorStep ==
    \/ DequeueSigchld
    \/ \E c \in Pids : WaitNohang(c)
    \/ WaitNohangEmpty
    \/ DequeueAdoption
    \/ \E s \in Services : DecideStopped(s)
    \/ ForgetExited

-----------------------------------------------------------------------------
\* The daemons. A service process makes the calls its program allows; every
\* interleaving with other processes and with init is explored.

\* With DanceSync, a dance step waits until the caller has been reparented to
\* init (its parent exited), as in the RFC's telling.
Ready(p) == ~DanceSync \/ parent[p] = InitPid

KStep(a) == a /\ UNCHANGED supVars

DanceStep(p) ==
    \/ /\ pc[p] = "d0"
       /\ Fork(p) /\ pc' = [pc EXCEPT ![p] = "exit", ![NextPid] = "d1"]
    \/ /\ pc[p] = "d1" /\ Ready(p)
       /\ Setsid(p) /\ pc' = [pc EXCEPT ![p] = "d2"]
    \/ /\ pc[p] = "d2"
       /\ Fork(p) /\ pc' = [pc EXCEPT ![p] = "exit", ![NextPid] = "daemon"]
    \/ /\ pc[p] = "exit"
       /\ Exit(p) /\ pc' = [pc EXCEPT ![p] = "dead"]
    \/ /\ pc[p] = "daemon" /\ Ready(p)
       /\ \/ Workers /\ Fork(p) /\ pc' = [pc EXCEPT ![NextPid] = "worker"]
          \/ Exit(p) /\ pc' = [pc EXCEPT ![p] = "dead"]
          \/ OpenTty(p) /\ UNCHANGED pc
    \/ /\ pc[p] = "worker"
       /\ Exit(p) /\ pc' = [pc EXCEPT ![p] = "dead"]

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

ProcessStep(p) == p # InitPid /\ KStep(DanceStep(p) \/ FreeStep(p))

Next ==
    \/ \E s \in Services : Spawn(s)
    \/ SupervisorStep
    \/ \E p \in Pids : ProcessStep(p)

\* Init runs whenever it can: weak fairness on each of its steps. Daemons need
\* no fairness (a daemon may run forever).
Fairness ==
    /\ WF_vars(DequeueSigchld)
    /\ \A c \in Pids : WF_vars(WaitNohang(c))
    /\ WF_vars(WaitNohangEmpty)
    /\ WF_vars(DequeueAdoption)
    /\ \A s \in Services : WF_vars(DecideStopped(s))
    /\ WF_vars(ForgetExited)

Spec == Init /\ [][Next]_vars /\ Fairness

-----------------------------------------------------------------------------
\* Properties (ids as in properties/catalogue.tsv).

PcTypeInv == pc \in [Pids -> PcValues]
SupervisorTypeInv ==
    /\ tracked \in [Services -> SUBSET Pids]
    /\ gone \in [Services -> SUBSET Pids]
    /\ status \in [Services -> {"never", "running", "stopped"}]
    /\ supPc \in {"idle", "reaping"}
    /\ pending \subseteq [pid : Pids, prev : Pids]
TypeInv == KernelTypeInv /\ PcTypeInv /\ SupervisorTypeInv

Lives(s) == \E p \in Pids : Running(p) /\ svc[p] = s

\* The PIDs the supervisor attributes to s: what it tracks, or (cgroup) the members
\* of the service's group.
Believed(s) == IF Cgroup THEN {p \in Pids : InUse(p) /\ svc[p] = s} ELSE tracked[s]

\* Soundness: a tracked PID that names a process names a process of that service
\* (a reused PID that now names another service's process is a violation).
SoundAttributionInv ==
    \A s \in Services : \A p \in Believed(s) : InUse(p) => svc[p] = s

\* Completeness: while any process of a service lives, init reports it running.
RunningReportedInv ==
    \A s \in Services : Lives(s) => status[s] = "running"

\* Completeness, stronger: whenever init has read every pending notification
\* (Drained), each service with a running process has at least one running process
\* of its own among init's tracked PIDs: init can name one. A stale PID that keeps
\* the service "running" does not count. (Between an exit and init's reading of
\* its signals, init cannot know yet: that latency is not a violation.)
TracksLiveProcessInv ==
    Drained => \A s \in Services : Lives(s) => \E p \in Believed(s) : Running(p) /\ svc[p] = s

\* Detection: once no process of a spawned service lives, init eventually
\* reports it stopped.
StoppedDetectedProp ==
    \A s \in Services : [](status[s] # "never" /\ ~Lives(s) => <>(status[s] = "stopped"))

\* Every zombie child of init is eventually reaped.
ZombiesReapedProp ==
    \A p \in Pids : (pstate[p] = "zombie" /\ parent[p] = InitPid) ~> (pstate[p] = "free")

-----------------------------------------------------------------------------
\* A state bound that no default model needs (kept for larger experiments).
StateConstraint == TRUE
=============================================================================
