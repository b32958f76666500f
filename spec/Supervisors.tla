----------------------------- MODULE Supervisors -----------------------------
\* The supervision mechanisms: how init (and, under some mechanisms, a helper
\* process or the daemon itself) learns which processes belong to which service,
\* and when a service has stopped. One section per mechanism (properties/
\* mechanisms.tsv lists them); section M defines
\*   MInit         the initial state (InitWith: what init asks the kernel for at boot),
\*   MNext         every step of the system under M: init's syscalls, its helpers'
\*                 steps, and every daemon step as M sees it,
\*   MFairness     init's fairness under M: weak fairness of the union of M's
\*                 steps of init and its helpers (no two of them are enabled at
\*                 once, and any behaviour takes finitely many, so this is weak
\*                 fairness of each; one condition instead of one per step keeps
\*                 TLC's liveness check small), and the daemons' (DaemonFairness),
\*   MSpec         MInit /\ [][MNext]_vars /\ MFairness (a model's SPECIFICATION),
\*   MBelieved(s)  the PIDs M attributes to service s (what the properties judge).
\*
\* Init is a single-threaded program. Each of its steps is one system call of
\* Kernel.tla ("Init's syscalls"), whose result init then acts on in the same
\* step (its own bookkeeping, which no other process can see or interleave
\* with), or a step of its own memory alone. An init step's enabling condition
\* reads only init's own variables and the result its call returns: init never
\* tests the kernel's state and acts on it in one step, as no real init can.
\* A blocking call (sigwaitinfo, a blocking read) is a step enabled when the
\* kernel has something to return.
\*
\* Java twin: one class per section in src/main/java/adoptsig/supervisor/ (the
\* shared steps in InitSteps.java); mapping in docs/MAPPING.md.
EXTENDS Daemons

CONSTANTS
    Supervisor,  \* the mechanism: an id of properties/mechanisms.tsv ("rfc", "classic", ...)
    Without      \* "none", or a rule of rfcWitness that its model leaves out ("W1".."W6")

ASSUME Without \in {"none", "W1", "W2", "W3", "W4", "W5", "W6"}

NoCarry == [svc |-> NoSvc, pid |-> NoPid]

VARIABLES
    tracked,     \* tracked[s]: the PIDs init attributes to service s
    gone,        \* rfc: gone[s]: PIDs of s that init reaped since it last found nothing pending (F1)
    status,      \* status[s]: "never" (not spawned), "running", "stopped": what init reports
    supPc,       \* where init is in its loop: "idle" (blocked for its next signal), "reaping", ...
    carried,     \* what init carries from one call to the next: [svc |-> s, pid |-> the PID it peeked or read], or NoCarry
    pending,     \* rfcWitness, waitLine: adoptions whose previous parent init did not know when it read them
    pidfile,     \* pidfile: pidfile[s] is the PID in service s's PID file, NoPid if not written yet
    forksLeft    \* ptrace: forksLeft[s] is the number of forks of service s that init will still follow

supVars == <<tracked, gone, status, supPc, carried, pending, pidfile, forksLeft>>
vars == <<kernelVars, pc, strangersBegun, supVars>>

\* Program locations of a subreaper mechanism's helper process.
ReaperPcs == {"reaper0", "reaper1", "reaper"}

-----------------------------------------------------------------------------
\* Shared: init's state and the steps of init that several mechanisms take.
\* Java: InitSteps.

\* adopt: what init asks the kernel for at boot (Kernel.tla: AdoptModes).
InitWith(adopt) ==
    /\ KernelInitWith(adopt)
    /\ DaemonsInit
    /\ tracked = [s \in Services |-> {}]
    /\ gone = [s \in Services |-> {}]
    /\ status = [s \in Services |-> "never"]
    /\ supPc = "idle"
    /\ carried = NoCarry
    /\ pending = {}
    /\ pidfile = [s \in Services |-> NoPid]
    /\ forksLeft = [s \in Services |-> 0]

\* The services that track, or reaped, PID p.
ServiceOf(p) == {s \in Services : p \in tracked[s] \cup gone[s]}

\* Init forks service s's first process and records its PID (one step: fork()
\* returns the PID and init records it before its next call). Disabled while no
\* PID is free (fork fails with EAGAIN; init tries again later).
\* tag: the child's service; first: its program location; st: s's status after;
\* follow: forks of s that init will follow (ptrace). Java: InitSteps.spawnAs
SpawnAs(s, tag, first, st, follow) ==
    /\ supPc = "idle"
    /\ status[s] = "never"
    /\ tracked[s] = {}
    /\ \E c \in {NextPid} :
       /\ c # NoPid
       /\ InitFork(c, tag, "Spawn")
       /\ pc' = [pc EXCEPT ![c] = first]
       /\ tracked' = [tracked EXCEPT ![s] = {c}]
       /\ status' = [status EXCEPT ![s] = st]
       /\ forksLeft' = [forksLeft EXCEPT ![s] = follow]
       /\ UNCHANGED <<gone, supPc, carried, pending, pidfile, strangersBegun>>

\* Java: InitSteps.spawn
Spawn(s) == SpawnAs(s, s, FirstPc, "running", 0)

\* The services init reports running but tracks no PID of, reported stopped.
StopUntracked == [s \in Services |-> IF status[s] = "running" /\ tracked[s] = {} THEN "stopped" ELSE status[s]]

\* init's PID sets after it reaped c.
Untrack(c) == [s \in Services |-> tracked[s] \ {c}]

\* Classic SIGCHLD handling, which most mechanisms share:
\*  idle:    sigwaitinfo({SIGCHLD}) blocks until SIGCHLD is pending and returns it;
\*  reaping: waitpid(-1, WNOHANG) until it returns 0 or ECHILD; each reaped PID
\*           leaves the services' PID sets; at the end of the loop init reports
\*           stopped the services it tracks no PID of (decide: whether this
\*           mechanism decides so).
\* Java: InitSteps.readSigchld, waitAny, waitAnyDone
ClassicReadSigchld ==
    /\ supPc = "idle"
    /\ ReadSigchld
    /\ supPc' = "reaping"
    /\ UNCHANGED <<pc, strangersBegun, tracked, gone, status, carried, pending, pidfile, forksLeft>>

ClassicWaitAny ==
    /\ supPc = "reaping"
    /\ WaitAny
    /\ LET c == lastAction'.target IN
       /\ pc' = [pc EXCEPT ![c] = "none"]
       /\ tracked' = Untrack(c)
    /\ UNCHANGED <<strangersBegun, gone, status, supPc, carried, pending, pidfile, forksLeft>>

ClassicWaitAnyDone(decide) ==
    /\ supPc = "reaping"
    /\ WaitAnyNone \/ WaitAnyEchild
    /\ supPc' = "idle"
    /\ status' = IF decide THEN StopUntracked ELSE status
    /\ UNCHANGED <<pc, strangersBegun, tracked, gone, carried, pending, pidfile, forksLeft>>

\* A daemon step that the supervisor does not see.
Unseen(p) == DaemonStep(p) /\ UNCHANGED supVars

\* The rest of the system: processes outside the model fork and exit (with
\* Outside: only alloc_pid's cursor moves), and strangers start (open world).
Elsewhere ==
    \/ \E q \in Pids : OutsideFork(q) /\ UNCHANGED <<pc, strangersBegun, supVars>>
    \/ \E x \in Strangers : StrangerStart(x) /\ UNCHANGED supVars

\* A process eventually takes the steps its program makes it take, if it can take
\* them again and again: strong fairness, since a fork that finds no free PID is
\* tried again, and another process (init's probes, say) may take the last free
\* PID each time it is freed. One condition for the services' and strangers'
\* processes, one for init's own children (a probe, a reaper): a behaviour takes
\* finitely many steps of the first kind (each process passes each location of
\* its program once), so strong fairness of the union is strong fairness of each
\* process, and init's own children exit one at a time.
DaemonFairness ==
    /\ SF_vars(\E p \in Pids : svc[p] # InitSvc /\ DaemonFairStep(p) /\ UNCHANGED supVars)
    /\ SF_vars(\E p \in Pids : svc[p] = InitSvc /\ DaemonFairStep(p) /\ UNCHANGED supVars)

\* Classic SIGCHLD handling, as one action (for fairness: init runs whenever it can).
ClassicLoop(decide) == ClassicReadSigchld \/ ClassicWaitAny \/ ClassicWaitAnyDone(decide)

-----------------------------------------------------------------------------
\* classic: init without the RFC. It never asks for adoption signals and knows
\* only the PIDs it forked: SIGCHLD and waitpid only. Java: Classic.

ClassicInit == InitWith("none")

ClassicNext ==
    \/ \E s \in Services : Spawn(s)
    \/ ClassicReadSigchld
    \/ ClassicWaitAny
    \/ ClassicWaitAnyDone(TRUE)
    \/ \E p \in Pids : Unseen(p)
    \/ Elsewhere

ClassicFairness == WF_vars(ClassicLoop(TRUE)) /\ DaemonFairness
ClassicSpec == ClassicInit /\ [][ClassicNext]_vars /\ ClassicFairness
ClassicBelieved(s) == tracked[s]

-----------------------------------------------------------------------------
\* rfc: PR_SET_ADOPTSIG as the RFC describes it (kernel-team list, 16 Dec 2008):
\* init tracks the PID of each process it spawns; it reads its signals in dequeue
\* order, SIGCHLD before SIGRTMIN (one sigwaitinfo for both, lowest number
\* first); on SIGCHLD it reaps with a waitpid(-1, WNOHANG) loop; on an adoption
\* signal whose previous parent (si_status) it tracks, it tracks the adopted
\* child (si_pid) instead. Where the RFC is silent we take the reading most
\* favourable to it, and say so:
\*  F1. Because SIGCHLD is dequeued first, init has often reaped the previous
\*      parent when it reads the adoption signal. Init therefore remembers the
\*      PIDs it reaped while tracked (`gone`) and accepts them as previous
\*      parents too; otherwise it could not follow even the first exit.
\*  F2. Init decides that a service has stopped only when it tracks no PID of
\*      it and a read of both signals (sigtimedwait, zero timeout) has just
\*      found nothing pending, outside its wait loop.
\*  F3. Init forgets `gone` only at such a point, never earlier.
\* Java: Rfc.

RfcInit == InitWith("realtime")

\* The PIDs that an adoption of x makes known through parked adoptions (rfcWitness):
\* x, the processes parked with previous parent x, theirs, and so on.
RECURSIVE Closure(_, _)
Closure(S, n) == IF n = 0 THEN S
                 ELSE Closure(S \cup {e.pid : e \in {e \in pending : e.prev \in S}}, n - 1)

\* Init has read adoption signal m (pre-state, in the same step): if m's
\* previous parent belongs to the services `to`, they track m's child and every
\* parked adoption that resolves; else m is parked (park) or ignored.
Place(m, to, park) ==
    IF to # {}
    THEN \E known \in {Closure({m.pid}, MaxPid)} :
         /\ tracked' = [s \in Services |-> IF s \in to THEN tracked[s] \cup known ELSE tracked[s]]
         /\ pending' = {e \in pending : e.prev \notin known}
    ELSE /\ pending' = IF park THEN pending \cup {[pid |-> m.pid, prev |-> m.prev]} ELSE pending
         /\ UNCHANGED tracked

\* sigwaitinfo({SIGCHLD, SIGRTMIN}) returns SIGCHLD, the lower number, when it is
\* pending: init enters its wait loop.
RfcReadSigchld ==
    /\ supPc = "idle"
    /\ ReadSigchld
    /\ supPc' = "reaping"
    /\ UNCHANGED <<pc, strangersBegun, tracked, gone, status, carried, pending, pidfile, forksLeft>>

\* ... and the oldest adoption signal when no SIGCHLD is pending.
RfcReadAdoption ==
    /\ supPc = "idle"
    /\ sigchld = NoPid
    /\ ReadAdoption
    /\ Place(Head(rtq), ServiceOf(Head(rtq).prev), FALSE)
    /\ UNCHANGED <<pc, strangersBegun, gone, status, supPc, carried, pidfile, forksLeft>>

\* waitpid(-1, WNOHANG) returns c: a tracked c moves to `gone` (F1).
RfcWaitAny ==
    /\ supPc = "reaping"
    /\ WaitAny
    /\ LET c == lastAction'.target IN
       /\ pc' = [pc EXCEPT ![c] = "none"]
       /\ tracked' = Untrack(c)
       /\ gone' = [s \in Services |-> IF c \in tracked[s] THEN gone[s] \cup {c} ELSE gone[s]]
    /\ UNCHANGED <<strangersBegun, status, supPc, carried, pending, pidfile, forksLeft>>

\* sigtimedwait({SIGCHLD, SIGRTMIN}, zero timeout) returns EAGAIN while init is
\* idle: it decides the services it tracks nothing of stopped (F2) and forgets
\* `gone` (F3). Init makes this call when it has something to decide or forget.
RfcNothingPending ==
    /\ supPc = "idle"
    /\ (StopUntracked # status \/ \E s \in Services : gone[s] # {})
    /\ sigchld = NoPid /\ rtq = <<>>
    /\ lastAction' = Step("ReadSignalsEmpty", InitPid, NoPid, 0, FALSE, FALSE)
    /\ status' = StopUntracked
    /\ gone' = [s \in Services |-> {}]
    /\ UNCHANGED <<kstate, pc, strangersBegun, tracked, supPc, carried, pending, pidfile, forksLeft>>

RfcNext ==
    \/ \E s \in Services : Spawn(s)
    \/ RfcReadSigchld
    \/ RfcReadAdoption
    \/ RfcWaitAny
    \/ ClassicWaitAnyDone(FALSE)
    \/ RfcNothingPending
    \/ \E p \in Pids : Unseen(p)
    \/ Elsewhere

RfcFairness ==
    /\ WF_vars(RfcReadSigchld \/ RfcReadAdoption \/ RfcWaitAny \/ ClassicWaitAnyDone(FALSE) \/ RfcNothingPending)
    /\ DaemonFairness
RfcSpec == RfcInit /\ [][RfcNext]_vars /\ RfcFairness
RfcBelieved(s) == tracked[s]

-----------------------------------------------------------------------------
\* rfcStd: the RFC's supervisor with the adoption signal sent as a standard
\* signal (say SIGUSR1) instead of a realtime one: at most one instance is
\* pending (a second is discarded while one is pending, kernel/signal.c:
\* legacy_queue), and being numbered below SIGCHLD (10 < 17), sigwaitinfo returns
\* it before SIGCHLD. Java: RfcStd.

RfcStdInit == InitWith("standard")

\* SIGCHLD is returned only when no adoption signal is pending (it is numbered higher).
RfcStdReadSigchld ==
    /\ supPc = "idle"
    /\ rtq = <<>>
    /\ ReadSigchld
    /\ supPc' = "reaping"
    /\ UNCHANGED <<pc, strangersBegun, tracked, gone, status, carried, pending, pidfile, forksLeft>>

\* The adoption signal is returned first whenever init is not in its wait loop.
RfcStdReadAdoption ==
    /\ supPc = "idle"
    /\ ReadAdoption
    /\ Place(Head(rtq), ServiceOf(Head(rtq).prev), FALSE)
    /\ UNCHANGED <<pc, strangersBegun, gone, status, supPc, carried, pidfile, forksLeft>>

RfcStdNext ==
    \/ \E s \in Services : Spawn(s)
    \/ RfcStdReadSigchld
    \/ RfcStdReadAdoption
    \/ RfcWaitAny
    \/ ClassicWaitAnyDone(FALSE)
    \/ RfcNothingPending
    \/ \E p \in Pids : Unseen(p)
    \/ Elsewhere

RfcStdFairness ==
    /\ WF_vars(RfcStdReadSigchld \/ RfcStdReadAdoption \/ RfcWaitAny \/ ClassicWaitAnyDone(FALSE) \/ RfcNothingPending)
    /\ DaemonFairness
RfcStdSpec == RfcStdInit /\ [][RfcStdNext]_vars /\ RfcStdFairness
RfcStdBelieved(s) == tracked[s]

-----------------------------------------------------------------------------
\* rfcWitness: a supervisor on exactly the RFC's interface (the adoption signal,
\* SIGCHLD, waitpid and waitid, fork's PID) that keeps its books right:
\*  W1 peek, drain, reap: on SIGCHLD, init finds a zombie child with
\*     waitid(P_ALL, WEXITED | WNOHANG | WNOWAIT) without reaping it, reads every
\*     queued adoption signal (sigtimedwait until EAGAIN), and only then reaps
\*     that zombie with waitpid(pid, WNOHANG). An orphan's adoption signal is
\*     queued before it can be a zombie child of init, and a parent's signals for
\*     its children before the parent is a zombie, so init has read every signal
\*     naming a process before it reaps it and its PID can be handed out again;
\*  W2 park: an adoption whose previous parent it does not know is parked until
\*     a later adoption makes that parent known (Closure);
\*  W3 forget the reaped: when it reaps a process, its parked adoption goes, and
\*     those naming it as previous parent name its parked previous parent
\*     instead, or go if it had none (its PID may be handed out again);
\*  W4 no reaped parents: only a PID it tracks counts as a known previous parent
\*     (by W1, a reaped PID can only match a process that reused it);
\*  W5 per service: a service is stopped when init tracks none of its processes,
\*     whatever is parked (a parked process hangs from a tracked ancestor);
\*  W6 closed world: when only one service is running, an adoption whose parent
\*     it cannot place is that service's (only init's services run on the machine).
\* Without W1, init reaps with waitpid(-1, WNOHANG) right after SIGCHLD, as the
\* RFC's supervisor does. The constant Without removes one rule (an ablation:
\* what the rule is for). Java: RfcWitness.

RfcWitnessInit == InitWith("realtime")

Rule(r) == Without # r

\* The services an adoption's previous parent p belongs to: those that track p
\* (and without W4 those that reaped it); with W6, when nobody knows p and one
\* service only is running, that one.
RfcWitnessOwners(p) ==
    LET known == IF Rule("W4") THEN {s \in Services : p \in tracked[s]} ELSE ServiceOf(p)
        running == {s \in Services : status[s] = "running"}
    IN IF known = {} /\ Rule("W6") /\ Cardinality(running) = 1 THEN running ELSE known

\* The parked adoptions once init has reaped c (W3): c's own goes, and one that
\* names c as previous parent now names c's parked previous parent instead (a
\* child of c belongs where c belongs; c's PID may be handed out again).
Forget(c) ==
    IF Rule("W3")
    THEN {e \in pending : c \notin {e.pid, e.prev}}
         \cup UNION {{[pid |-> e.pid, prev |-> u.prev] : u \in {u \in pending : u.pid = c /\ u.prev # e.pid}}
                    : e \in {e \in pending : e.prev = c /\ e.pid # c}}
    ELSE pending

\* Idle: sigwaitinfo({SIGCHLD, SIGRTMIN}) returns SIGCHLD when pending: init looks
\* for a zombie (W1) or, without W1, enters the RFC's wait loop.
RfcWitnessReadSigchld ==
    /\ supPc = "idle"
    /\ ReadSigchld
    /\ supPc' = IF Rule("W1") THEN "peek" ELSE "reaping"
    /\ UNCHANGED <<pc, strangersBegun, tracked, gone, status, carried, pending, pidfile, forksLeft>>

\* ... and the oldest adoption signal otherwise; in the drain of W1, a
\* sigtimedwait({SIGRTMIN}, zero timeout) that returns one.
RfcWitnessReadAdoption ==
    /\ \/ supPc = "idle" /\ sigchld = NoPid
       \/ supPc = "drain"
    /\ ReadAdoption
    /\ Place(Head(rtq), RfcWitnessOwners(Head(rtq).prev), Rule("W2"))
    /\ UNCHANGED <<pc, strangersBegun, gone, status, supPc, carried, pidfile, forksLeft>>

\* W1: waitid(..., WNOWAIT) reports zombie z: init drains the adoption queue next.
RfcWitnessPeek ==
    /\ supPc = "peek"
    /\ Peek
    /\ supPc' = "drain"
    /\ carried' = [svc |-> NoSvc, pid |-> lastAction'.target]
    /\ UNCHANGED <<pc, strangersBegun, tracked, gone, status, pending, pidfile, forksLeft>>

\* W1: waitid returns 0 or ECHILD (no zombie child): back to idle.
RfcWitnessPeekDone ==
    /\ supPc = "peek"
    /\ PeekNone \/ PeekEchild
    /\ supPc' = "idle"
    /\ UNCHANGED <<pc, strangersBegun, tracked, gone, status, carried, pending, pidfile, forksLeft>>

\* W1: the drain's sigtimedwait returns EAGAIN: init reaps the zombie it peeked.
RfcWitnessDrained ==
    /\ supPc = "drain"
    /\ ReadAdoptionEmpty
    /\ supPc' = "reap"
    /\ UNCHANGED <<pc, strangersBegun, tracked, gone, status, carried, pending, pidfile, forksLeft>>

\* Bookkeeping when init has reaped c: c leaves the PID sets (without W4 it is
\* remembered as gone), W3 hands on or drops the parked adoptions of and from c, and with W5 a
\* service init tracks nothing of is reported stopped at once.
Reaped(c) ==
    /\ pc' = [pc EXCEPT ![c] = "none"]
    /\ tracked' = Untrack(c)
    /\ gone' = IF Rule("W4") THEN gone ELSE [s \in Services |-> IF c \in tracked[s] THEN gone[s] \cup {c} ELSE gone[s]]
    /\ pending' = Forget(c)
    /\ status' = [s \in Services |-> IF status[s] = "running" /\ tracked'[s] = {} /\ (Rule("W5") \/ pending' = {})
                                     THEN "stopped" ELSE status[s]]

\* W1: waitpid(z, WNOHANG) reaps the zombie init peeked; it looks for the next.
RfcWitnessReap ==
    /\ supPc = "reap"
    /\ WaitPid(carried.pid)
    /\ Reaped(carried.pid)
    /\ supPc' = "peek"
    /\ carried' = NoCarry
    /\ UNCHANGED <<strangersBegun, pidfile, forksLeft>>

\* Without W1: waitpid(-1, WNOHANG) in the wait loop.
RfcWitnessWaitAny ==
    /\ ~Rule("W1")
    /\ supPc = "reaping"
    /\ WaitAny
    /\ Reaped(lastAction'.target)
    /\ UNCHANGED <<strangersBegun, supPc, carried, pidfile, forksLeft>>

RfcWitnessWaitAnyDone == ~Rule("W1") /\ ClassicWaitAnyDone(FALSE)

RfcWitnessNext ==
    \/ \E s \in Services : Spawn(s)
    \/ RfcWitnessReadSigchld
    \/ RfcWitnessReadAdoption
    \/ RfcWitnessPeek
    \/ RfcWitnessPeekDone
    \/ RfcWitnessDrained
    \/ RfcWitnessReap
    \/ RfcWitnessWaitAny
    \/ RfcWitnessWaitAnyDone
    \/ \E p \in Pids : Unseen(p)
    \/ Elsewhere

RfcWitnessFairness ==
    /\ WF_vars(RfcWitnessReadSigchld \/ RfcWitnessReadAdoption \/ RfcWitnessPeek \/ RfcWitnessPeekDone \/ RfcWitnessDrained
               \/ RfcWitnessReap \/ RfcWitnessWaitAny \/ RfcWitnessWaitAnyDone)
    /\ DaemonFairness
RfcWitnessSpec == RfcWitnessInit /\ [][RfcWitnessNext]_vars /\ RfcWitnessFairness
RfcWitnessBelieved(s) == tracked[s]

-----------------------------------------------------------------------------
\* waitLine: a kernel change beyond the RFC, and a supervisor on it. Init asks the
\* kernel (at boot) to keep an adoption report with each process reparented to
\* it, as the kernel keeps a zombie's exit status: the adopted PID and the line
\* of ancestors of its previous parent up to init, so a report cannot be lost
\* to a full queue, and it names the ancestor that was init's child (the line's
\* last element), whose service init knows. SIGCHLD wakes init; it collects the
\* reports with a wait-like call (the report of its first child, in its children
\* list, that has one). The supervisor, on SIGCHLD: collects every report (until
\* EAGAIN); finds a zombie with waitid(WNOWAIT); collects again; reaps that
\* zombie with waitpid(pid); and looks for the next (as rfcWitness W1). It gives
\* a report to the service that tracks the line's last element, and parks it
\* until that process is known (W2); forgets what it parked of, or from, a
\* process it reaps (W3); and decides each service's stop on its own (W5).
\* Java: WaitLine.

WaitLineInit == InitWith("keep")

\* Idle: sigwaitinfo({SIGCHLD}) returns SIGCHLD: init collects the reports.
WaitLineReadSigchld ==
    /\ supPc = "idle"
    /\ ReadSigchld
    /\ supPc' = "collect"
    /\ UNCHANGED <<pc, strangersBegun, tracked, gone, status, carried, pending, pidfile, forksLeft>>

\* The wait-like call returns report m (the first): init places it.
WaitLineCollect ==
    /\ supPc = "collect"
    /\ CollectReport
    /\ \E m \in {NextReport} :
       LET root == m.line[Len(m.line)]
       IN Place([pid |-> m.pid, prev |-> root], {s \in Services : root \in tracked[s]}, TRUE)
    /\ UNCHANGED <<pc, strangersBegun, gone, status, supPc, carried, pidfile, forksLeft>>

\* The call returns EAGAIN: init looks for a zombie, or reaps the one it peeked.
WaitLineCollected ==
    /\ supPc = "collect"
    /\ CollectReportEmpty
    /\ supPc' = IF carried.pid = NoPid THEN "peek" ELSE "reap"
    /\ UNCHANGED <<pc, strangersBegun, tracked, gone, status, carried, pending, pidfile, forksLeft>>

WaitLinePeek ==
    /\ supPc = "peek"
    /\ Peek
    /\ supPc' = "collect"
    /\ carried' = [svc |-> NoSvc, pid |-> lastAction'.target]
    /\ UNCHANGED <<pc, strangersBegun, tracked, gone, status, pending, pidfile, forksLeft>>

WaitLinePeekDone ==
    /\ supPc = "peek"
    /\ PeekNone \/ PeekEchild
    /\ supPc' = "idle"
    /\ UNCHANGED <<pc, strangersBegun, tracked, gone, status, carried, pending, pidfile, forksLeft>>

WaitLineReap ==
    /\ supPc = "reap"
    /\ WaitPid(carried.pid)
    /\ LET c == carried.pid IN
       /\ pc' = [pc EXCEPT ![c] = "none"]
       /\ tracked' = Untrack(c)
       /\ pending' = {e \in pending : c \notin {e.pid, e.prev}}
       /\ status' = [s \in Services |-> IF status[s] = "running" /\ tracked'[s] = {} THEN "stopped" ELSE status[s]]
    /\ supPc' = "peek"
    /\ carried' = NoCarry
    /\ UNCHANGED <<strangersBegun, gone, pidfile, forksLeft>>

WaitLineNext ==
    \/ \E s \in Services : Spawn(s)
    \/ WaitLineReadSigchld
    \/ WaitLineCollect
    \/ WaitLineCollected
    \/ WaitLinePeek
    \/ WaitLinePeekDone
    \/ WaitLineReap
    \/ \E p \in Pids : Unseen(p)
    \/ Elsewhere

WaitLineFairness ==
    /\ WF_vars(WaitLineReadSigchld \/ WaitLineCollect \/ WaitLineCollected \/ WaitLinePeek \/ WaitLinePeekDone \/ WaitLineReap)
    /\ DaemonFairness
WaitLineSpec == WaitLineInit /\ [][WaitLineNext]_vars /\ WaitLineFairness
WaitLineBelieved(s) == tracked[s]

-----------------------------------------------------------------------------
\* subreaper: one child subreaper per service, as tini, catatonit and systemd
\* --user do: init forks a reaper (a process of init, not of the service), the
\* reaper sets PR_SET_CHILD_SUBREAPER and forks the service; every orphan of the
\* service is reparented to the reaper (kernel/exit.c: find_new_reaper), which
\* reaps its children with a blocking waitpid(-1) and names the service's
\* processes as its own children (/proc/PID/task/TID/children, read whenever
\* init is asked); when waitpid fails with ECHILD the service has no process
\* left, and the reaper exits; init reports the service stopped when it reaps
\* the reaper. Java: Subreaper.

SubreaperInit == InitWith("none")

\* Init forks the service's reaper and tracks it; the service counts as spawned
\* when the reaper forks it.
SubreaperSpawn(s) == SpawnAs(s, InitSvc, "reaper0", "never", 0)

\* The service whose reaper r is.
ReaperOf(r) == CHOOSE s \in Services : r \in tracked[s]

\* The reaper calls prctl(PR_SET_CHILD_SUBREAPER, 1). Java: Subreaper.reaperSetup
ReaperSetup(r) ==
    /\ pc[r] = "reaper0"
    /\ PrctlSetChildSubreaper(r)
    /\ pc' = [pc EXCEPT ![r] = "reaper1"]
    /\ UNCHANGED <<strangersBegun, supVars>>

\* The reaper forks the service. Java: Subreaper.reaperSpawn
ReaperSpawn(r) ==
    /\ pc[r] = "reaper1"
    /\ \E c \in {NextPid} :
       /\ c # NoPid
       /\ \E s \in {ReaperOf(r)} :
          /\ DoFork(r, c, s)
          /\ lastAction' = Step("ReaperSpawn", r, c, 0, FALSE, c \in everUsed)
          /\ pc' = [pc EXCEPT ![r] = "reaper", ![c] = FirstPc]
          /\ status' = [status EXCEPT ![s] = "running"]
       /\ UNCHANGED <<tracked, gone, supPc, carried, pending, pidfile, forksLeft, strangersBegun>>

\* The reaper's waitpid(-1) returns its zombie child c. Java: Subreaper.reaperWait
ReaperWait(r, c) ==
    /\ pc[r] = "reaper"
    /\ Reap(r, c)
    /\ pc' = [pc EXCEPT ![c] = "none"]
    /\ UNCHANGED <<strangersBegun, supVars>>

\* The reaper's waitpid(-1) fails with ECHILD: it exits. Java: Subreaper.reaperDone
ReaperDone(r) ==
    /\ pc[r] = "reaper"
    /\ ~HasChildren(r)
    /\ lastAction' = Step("ReaperEchild", r, NoPid, 0, FALSE, FALSE)
    /\ pc' = [pc EXCEPT ![r] = "exit"]
    /\ UNCHANGED <<kstate, strangersBegun, supVars>>

\* Init's wait loop: reaping a service's reaper means the service has stopped.
SubreaperWaitAny ==
    /\ supPc = "reaping"
    /\ WaitAny
    /\ LET c == lastAction'.target IN
       /\ pc' = [pc EXCEPT ![c] = "none"]
       /\ status' = [s \in Services |-> IF c \in tracked[s] THEN "stopped" ELSE status[s]]
       /\ tracked' = Untrack(c)
    /\ UNCHANGED <<strangersBegun, gone, supPc, carried, pending, pidfile, forksLeft>>

SubreaperNext ==
    \/ \E s \in Services : SubreaperSpawn(s)
    \/ ClassicReadSigchld
    \/ SubreaperWaitAny
    \/ ClassicWaitAnyDone(FALSE)
    \/ \E r \in Pids : ReaperSetup(r) \/ ReaperSpawn(r) \/ ReaperDone(r) \/ \E c \in Pids : ReaperWait(r, c)
    \/ \E p \in Pids : Unseen(p)
    \/ Elsewhere

\* A reaper's waits are fair as a group, which suffices: each removes one zombie.
SubreaperFairness ==
    /\ WF_vars(ClassicReadSigchld \/ SubreaperWaitAny \/ ClassicWaitAnyDone(FALSE))
    /\ WF_vars(\E r \in Pids : ReaperSetup(r) \/ ReaperSpawn(r) \/ ReaperDone(r) \/ \E c \in Pids : ReaperWait(r, c))
    /\ DaemonFairness
SubreaperSpec == SubreaperInit /\ [][SubreaperNext]_vars /\ SubreaperFairness
\* The reaper's children.
SubreaperBelieved(s) == {p \in Pids : InUse(p) /\ parent[p] \in tracked[s]}

-----------------------------------------------------------------------------
\* pidfile: the daemon, once daemonized, may write its PID to a file at any time
\* until the file holds its PID (WritePidfile); init, once it no longer tracks a
\* PID of the service, reads the file (one call) and checks the PID it read with
\* kill(pid, 0) (a second call): it tracks that PID if the call succeeds and
\* reports the service stopped if the file is missing or the call fails; it drops
\* a tracked PID for which kill(pid, 0) fails (ProbePid). Assumed: the file is
\* never removed (a daemon that crashes or is killed leaves it behind) and is
\* written atomically. Java: Pidfile.

PidfileInit == InitWith("none")

\* The daemon writes its PID into its service's PID file (not a syscall of the
\* kernel model: only the file changes). Java: Pidfile.writePidfile
WritePidfile(p) ==
    /\ pc[p] \in {"daemon", "daemon2"} /\ Ready(p)
    /\ pidfile[svc[p]] # p
    /\ pidfile' = [pidfile EXCEPT ![svc[p]] = p]
    /\ UNCHANGED <<pc, strangersBegun>>
    /\ lastAction' = Step("WritePidfile", p, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<kstate, tracked, gone, status, supPc, carried, pending, forksLeft>>

\* Init no longer tracks a PID of s: it reads s's PID file. A missing file means
\* no process (stopped); else init keeps the PID for its kill(pid, 0).
\* Java: Pidfile.readPidfile
ReadPidfile(s) ==
    /\ supPc = "idle"
    /\ status[s] = "running"
    /\ tracked[s] = {}
    /\ lastAction' = Step("ReadPidfile", InitPid, pidfile[s], 0, FALSE, FALSE)
    /\ IF pidfile[s] = NoPid
       THEN /\ status' = [status EXCEPT ![s] = "stopped"]
            /\ UNCHANGED <<supPc, carried>>
       ELSE /\ supPc' = "kill"
            /\ carried' = [svc |-> s, pid |-> pidfile[s]]
            /\ UNCHANGED status
    /\ UNCHANGED <<kstate, pc, strangersBegun, tracked, gone, pending, pidfile, forksLeft>>

\* kill(pid, 0) on the PID read from the file: it succeeds (zombies included):
\* init tracks it; it fails with ESRCH: init reports the service stopped.
\* Java: Pidfile.checkPid
CheckPid ==
    /\ supPc = "kill"
    /\ LET s == carried.svc
           q == carried.pid IN
       /\ lastAction' = Step(IF InUse(q) THEN "KillZero" ELSE "KillZeroEsrch", InitPid, q, 0, FALSE, FALSE)
       /\ IF InUse(q) THEN /\ tracked' = [tracked EXCEPT ![s] = {q}] /\ UNCHANGED status
                      ELSE /\ status' = [status EXCEPT ![s] = "stopped"] /\ UNCHANGED tracked
    /\ supPc' = "idle"
    /\ carried' = NoCarry
    /\ UNCHANGED <<kstate, pc, strangersBegun, gone, pending, pidfile, forksLeft>>

\* kill(q, 0) fails with ESRCH for a tracked PID q: init drops it. Java: Pidfile.probePid
ProbePid(s, q) ==
    /\ supPc = "idle"
    /\ q \in tracked[s]
    /\ ~InUse(q)
    /\ tracked' = [tracked EXCEPT ![s] = @ \ {q}]
    /\ lastAction' = Step("ProbePid", InitPid, q, 0, FALSE, FALSE)
    /\ UNCHANGED <<kstate, pc, strangersBegun, gone, status, supPc, carried, pending, pidfile, forksLeft>>

PidfileNext ==
    \/ \E s \in Services : Spawn(s)
    \/ ClassicReadSigchld
    \/ ClassicWaitAny
    \/ ClassicWaitAnyDone(FALSE)
    \/ \E s \in Services : ReadPidfile(s)
    \/ CheckPid
    \/ \E s \in Services, q \in Pids : ProbePid(s, q)
    \/ \E p \in Pids : Unseen(p) \/ WritePidfile(p)
    \/ Elsewhere

\* The PID probes of one service are fair as a group: each removes one PID.
PidfileFairness ==
    /\ WF_vars(ClassicLoop(FALSE) \/ CheckPid \/ \E s \in Services : ReadPidfile(s) \/ \E q \in Pids : ProbePid(s, q))
    /\ DaemonFairness
PidfileSpec == PidfileInit /\ [][PidfileNext]_vars /\ PidfileFairness
PidfileBelieved(s) == tracked[s]

-----------------------------------------------------------------------------
\* cgroup: init knows each service's members by a tag inherited on fork and
\* independent of parentage, as cgroups give systemd: its beliefs are the
\* membership itself (the ghost svc; cgroup.procs, read whenever init is
\* asked), and it reports a service stopped when a read of the group's
\* cgroup.events says "populated 0" (no running member: cgroup_exit runs in
\* do_exit, before the process is a zombie). The model checks what a lineage
\* tag buys, not how cgroups implement it. Java: Cgroup.

CgroupInit == InitWith("none")

\* A blocking read of cgroup.events returns "populated 0".
CgroupStopped(s) ==
    /\ supPc = "idle"
    /\ status[s] = "running"
    /\ \A p \in Pids : ~(Running(p) /\ svc[p] = s)
    /\ status' = [status EXCEPT ![s] = "stopped"]
    /\ lastAction' = Step("CgroupEmpty", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<kstate, pc, strangersBegun, tracked, gone, supPc, carried, pending, pidfile, forksLeft>>

CgroupNext ==
    \/ \E s \in Services : Spawn(s)
    \/ ClassicReadSigchld
    \/ ClassicWaitAny
    \/ ClassicWaitAnyDone(FALSE)
    \/ \E s \in Services : CgroupStopped(s)
    \/ \E p \in Pids : Unseen(p)
    \/ Elsewhere

CgroupFairness ==
    /\ WF_vars(ClassicLoop(FALSE) \/ \E s \in Services : CgroupStopped(s))
    /\ DaemonFairness
CgroupSpec == CgroupInit /\ [][CgroupNext]_vars /\ CgroupFairness
\* The members of the service's group.
CgroupBelieved(s) == {p \in Pids : InUse(p) /\ svc[p] = s}

-----------------------------------------------------------------------------
\* ptrace: upstart's `expect daemon`: init traces the process it forked and
\* follows its first ExpectForks forks: at each, it moves its attention (and the
\* trace) to the child. The tracee is stopped at the fork event until init has
\* handled it, so following is part of the fork step. Java: Ptrace.

ExpectForks == 2   \* upstart's `expect daemon`

PtraceInit == InitWith("none")

PtraceSpawn(s) == SpawnAs(s, s, FirstPc, "running", ExpectForks)

\* Init follows p's next fork.
Follows(p) == svc[p] \in Services /\ p \in tracked[svc[p]] /\ forksLeft[svc[p]] > 0

\* The supervisor's side of a daemon step of p: a fork by the process init
\* follows (while forks are left to follow) moves init's attention to the child;
\* every other step leaves the supervisor unchanged. Java: Ptrace.traced
Traced(p) ==
    IF lastAction'.name = "Fork" /\ Follows(p)
    THEN /\ tracked' = [tracked EXCEPT ![svc[p]] = {lastAction'.target}]
         /\ forksLeft' = [forksLeft EXCEPT ![svc[p]] = @ - 1]
         /\ UNCHANGED <<gone, status, supPc, carried, pending, pidfile>>
    ELSE UNCHANGED supVars

PtraceNext ==
    \/ \E s \in Services : PtraceSpawn(s)
    \/ ClassicReadSigchld
    \/ ClassicWaitAny
    \/ ClassicWaitAnyDone(TRUE)
    \/ \E p \in Pids : DaemonStep(p) /\ Traced(p)
    \/ Elsewhere

PtraceFairness ==
    /\ WF_vars(ClassicLoop(TRUE))
    /\ SF_vars(\E p \in Pids : DaemonFairStep(p) /\ Traced(p))
PtraceSpec == PtraceInit /\ [][PtraceNext]_vars /\ PtraceFairness
PtraceBelieved(s) == tracked[s]

-----------------------------------------------------------------------------
\* What the properties judge: the PIDs the chosen mechanism attributes to s.
Believed(s) == CASE Supervisor = "classic" -> ClassicBelieved(s)
                 [] Supervisor = "rfc" -> RfcBelieved(s)
                 [] Supervisor = "rfcStd" -> RfcStdBelieved(s)
                 [] Supervisor = "rfcWitness" -> RfcWitnessBelieved(s)
                 [] Supervisor = "waitLine" -> WaitLineBelieved(s)
                 [] Supervisor = "subreaper" -> SubreaperBelieved(s)
                 [] Supervisor = "pidfile" -> PidfileBelieved(s)
                 [] Supervisor = "cgroup" -> CgroupBelieved(s)
                 [] Supervisor = "ptrace" -> PtraceBelieved(s)
                 [] OTHER -> tracked[s]                     \* a supervisor that keeps its answer in tracked (Synth.tla)
=============================================================================
