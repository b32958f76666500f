----------------------------- MODULE Supervisors -----------------------------
\* The supervision mechanisms: how init (and, under some mechanisms, a helper
\* process or the daemon itself) learns which processes belong to which service,
\* and when a service has stopped. One section per mechanism (properties/
\* mechanisms.tsv lists them); section M defines
\*   MInit         the initial state (InitWith: what init asks the kernel for at boot),
\*   MNext         every step of the system under M: init's spawns and reads,
\*                 its helpers' steps, and every daemon step as M sees it,
\*   MFairness     init's fairness under M (only M's own steps are listed:
\*                 fairness conditions slow TLC's liveness check down even when
\*                 their action is never enabled),
\*   MSpec         MInit /\ [][MNext]_vars /\ MFairness (a model's SPECIFICATION),
\*   MBelieved(s)  the PIDs M attributes to service s (what the properties judge).
\* Init's steps that several mechanisms share come first, each parameterized by
\* what a mechanism changes in it (when it may read, what proves a service gone).
\*
\* Java twin: one class per section in src/main/java/adoptsig/supervisor/ (the
\* shared steps in InitSteps.java); mapping in docs/MAPPING.md.
EXTENDS Daemons

CONSTANTS
    Supervisor,  \* the mechanism: an id of properties/mechanisms.tsv ("rfc", "classic", ...)
    Without      \* "none", or a rule of rfcWitness that its model leaves out ("W1".."W7")

ASSUME Without \in {"none", "W1", "W2", "W3", "W4", "W5", "W6", "W7"}

VARIABLES
    tracked,     \* tracked[s]: the PIDs init attributes to service s
    gone,        \* gone[s]: PIDs of s that init reaped since the last drained point (rfc: F1)
    status,      \* status[s]: "never" (not spawned), "running", "stopped": what init reports
    supPc,       \* "idle": init reads its next signal; "reaping": inside its waitpid(-1, WNOHANG) loop
    pending,     \* rfcWitness: adoption signals whose previous parent init did not know when it read them
    pidfile,     \* pidfile: pidfile[s] is the PID in service s's PID file, NoPid if not written yet
    forksLeft    \* ptrace: forksLeft[s] is the number of forks of service s that init will still follow

supVars == <<tracked, gone, status, supPc, pending, pidfile, forksLeft>>
vars == <<kernelVars, pc, strangersBegun, supVars>>

\* Program locations of a subreaper mechanism's helper process.
ReaperPcs == {"reaper0", "reaper1", "reaper"}

-----------------------------------------------------------------------------
\* Shared: init's state and the steps of init that several mechanisms take.
\* Java: InitSteps.

\* adopt: what init asks the kernel for at boot: "none", "signal" (the RFC's
\* adoption signal, prctl(PR_SET_ADOPTSIG, SIGRTMIN)) or "keep" (kept reports).
InitWith(adopt) ==
    /\ KernelInitWith(adopt)
    /\ DaemonsInit
    /\ tracked = [s \in Services |-> {}]
    /\ gone = [s \in Services |-> {}]
    /\ status = [s \in Services |-> "never"]
    /\ supPc = "idle"
    /\ pending = {}
    /\ pidfile = [s \in Services |-> NoPid]
    /\ forksLeft = [s \in Services |-> 0]

\* Init has read every notification: no SIGCHLD pending, no adoption signal queued,
\* not inside its wait loop.
Drained == supPc = "idle" /\ ~chldPending /\ rtq = <<>>

\* The services that track, or reaped, PID p.
ServiceOf(p) == {s \in Services : p \in tracked[s] \cup gone[s]}

\* Init forks service s's first process and records its PID (one step: init is
\* single-threaded and reads no signal between fork() returning and the record).
\* tag: the child's service; first: its program location; st: s's status after;
\* follow: forks of s that init will follow (ptrace).
SpawnAs(s, tag, first, st, follow) ==
    /\ status[s] = "never"
    /\ tracked[s] = {}
    /\ NextPid # NoPid
    /\ LET c == NextPid IN
       /\ DoFork(InitPid, c, tag)
       /\ lastAction' = Step("Spawn", InitPid, c, 0, FALSE, c \in everUsed)
       /\ pc' = [pc EXCEPT ![c] = first]
       /\ tracked' = [tracked EXCEPT ![s] = {c}]
       /\ status' = [status EXCEPT ![s] = st]
       /\ forksLeft' = [forksLeft EXCEPT ![s] = follow]
       /\ UNCHANGED <<gone, supPc, pending, pidfile, strangersBegun>>

\* Java: InitSteps.spawn
Spawn(s) == SpawnAs(s, s, FirstPc, "running", 0)

\* signalfd read returns SIGCHLD: init enters its waitpid(-1, WNOHANG) loop.
\* ready: what the mechanism requires before it reads SIGCHLD. Java: InitSteps.dequeueSigchld
DequeueSigchldWhen(ready) ==
    /\ supPc = "idle"
    /\ ready
    /\ chldPending
    /\ chldPending' = FALSE
    /\ supPc' = "reaping"
    /\ lastAction' = Step("DequeueSigchld", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, adoptKeep, kept, rtq, pc, strangersBegun, tracked, gone, status, pending, pidfile, forksLeft>>

\* kernel/signal.c: next_signal: signalfd returns SIGCHLD (17) before any realtime signal.
DequeueSigchld == DequeueSigchldWhen(TRUE)

\* One waitpid(-1, WNOHANG) that returns a zombie child c (kernel/exit.c:
\* wait_task_zombie). If init tracked c, it moves c to `gone`.
\* ready: what the mechanism requires before it waits. Java: InitSteps.waitNohangWith
WaitNohangWith(c, ready, pend) ==
    /\ supPc = "reaping"
    /\ ready
    /\ pstate[c] = "zombie"
    /\ parent[c] = InitPid
    /\ DoReap(c)
    /\ lastAction' = Step("WaitNohang", InitPid, c, 0, FALSE, FALSE)
    /\ pc' = [pc EXCEPT ![c] = "none"]
    /\ tracked' = [s \in Services |-> tracked[s] \ {c}]
    /\ gone' = [s \in Services |-> IF c \in tracked[s] THEN gone[s] \cup {c} ELSE gone[s]]
    /\ pending' = pend
    /\ UNCHANGED <<status, supPc, pidfile, forksLeft, strangersBegun>>

\* pend: the parked adoptions after the wait (rfcWitness forgets those of c).
WaitNohangWhen(c, ready) == WaitNohangWith(c, ready, pending)

WaitNohang(c) == WaitNohangWhen(c, TRUE)

\* waitpid(-1, WNOHANG) returns 0 (children, none a zombie) or ECHILD: the loop ends.
\* Java: InitSteps.waitNohangEmpty
WaitNohangEmptyWhen(ready) ==
    /\ supPc = "reaping"
    /\ ready
    /\ \A c \in Pids : ~(pstate[c] = "zombie" /\ parent[c] = InitPid)
    /\ supPc' = "idle"
    /\ lastAction' = Step("WaitNohangEmpty", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, adoptKeep, kept, chldPending, rtq, pc, strangersBegun, tracked, gone, status, pending, pidfile, forksLeft>>

WaitNohangEmpty == WaitNohangEmptyWhen(TRUE)

\* With nothing pending, init reports s stopped when the mechanism's evidence says
\* s has no process left (rfc: F2). Java: InitSteps.decideStopped, with the
\* mechanism's stopped(w, s)
DecideStoppedWhen(s, noneLeft) ==
    /\ Drained
    /\ status[s] = "running"
    /\ noneLeft
    /\ status' = [status EXCEPT ![s] = "stopped"]
    /\ lastAction' = Step("DecideStopped", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, adoptKeep, kept, chldPending, rtq, pc, strangersBegun, tracked, gone, supPc, pending, pidfile, forksLeft>>

\* Init tracks no PID of s.
DecideStopped(s) == DecideStoppedWhen(s, tracked[s] = {})

\* At a drained point init forgets the PIDs it reaped (rfc: F3). Java: InitSteps.forgetExited
ForgetExited ==
    /\ Drained
    /\ \E s \in Services : gone[s] # {}
    /\ gone' = [s \in Services |-> {}]
    /\ lastAction' = Step("ForgetExited", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, adoptKeep, kept, chldPending, rtq, pc, strangersBegun, tracked, status, supPc, pending, pidfile, forksLeft>>

\* A daemon step that the supervisor does not see.
Unseen(p) == DaemonStep(p) /\ UNCHANGED supVars

\* The rest of the system: processes outside the model fork and exit (with
\* Outside: only alloc_pid's cursor moves), and strangers start (open world).
Elsewhere ==
    \/ \E q \in Pids : OutsideFork(q) /\ UNCHANGED <<pc, strangersBegun, supVars>>
    \/ \E x \in Strangers : StrangerStart(x) /\ UNCHANGED supVars

\* The fairness of init's shared steps: init runs whenever it can.
InitFairness ==
    /\ WF_vars(DequeueSigchld)
    /\ \A c \in Pids : WF_vars(WaitNohang(c))
    /\ WF_vars(WaitNohangEmpty)
    /\ \A s \in Services : WF_vars(DecideStopped(s))
    /\ WF_vars(ForgetExited)

-----------------------------------------------------------------------------
\* classic: init without the RFC. It never asks for adoption signals and knows
\* only the PIDs it forked: SIGCHLD and waitpid only. Java: Classic.

ClassicInit == InitWith("none")

ClassicNext ==
    \/ \E s \in Services : Spawn(s)
    \/ DequeueSigchld
    \/ \E c \in Pids : WaitNohang(c)
    \/ WaitNohangEmpty
    \/ \E s \in Services : DecideStopped(s)
    \/ ForgetExited
    \/ \E p \in Pids : Unseen(p)
    \/ Elsewhere

ClassicFairness == InitFairness
ClassicSpec == ClassicInit /\ [][ClassicNext]_vars /\ ClassicFairness
ClassicBelieved(s) == tracked[s]

-----------------------------------------------------------------------------
\* rfc: PR_SET_ADOPTSIG as the RFC describes it (kernel-team list, 16 Dec 2008):
\* init tracks the PID of each process it spawns; it reads its signals in dequeue
\* order (SIGCHLD before SIGRTMIN, as signalfd returns them); on SIGCHLD it reaps
\* with a waitpid(-1, WNOHANG) loop; on an adoption signal whose previous parent
\* (si_status) it tracks, it tracks the adopted child (si_pid) instead. Where the
\* RFC is silent we take the reading most favourable to it, and say so:
\*  F1. Because SIGCHLD is dequeued first, init has already reaped the previous
\*      parent when it reads the adoption signal. Init therefore remembers the
\*      PIDs it reaped while tracked (`gone`) and accepts them as previous
\*      parents too; otherwise it could never follow even the first exit.
\*  F2. Init decides that a service has stopped only when it has drained every
\*      notification (Drained) and tracks no PID of the service: every adoption
\*      signal of an exit is queued before that exit's SIGCHLD, so nothing it
\*      could still learn is pending.
\*  F3. Init forgets `gone` only at such a drained point, never earlier.
\* Java: Rfc.

RfcInit == InitWith("signal")

\* The PIDs that an adoption of x makes known through parked adoptions (rfcWitness):
\* x, the processes parked with previous parent x, theirs, and so on.
RECURSIVE Closure(_, _)
Closure(S, n) == IF n = 0 THEN S
                 ELSE Closure(S \cup {e.pid : e \in {e \in pending : e.prev \in S}}, n - 1)

\* signalfd read returns the oldest queued adoption signal. If its si_status
\* (previous parent) belongs to a service, init tracks si_pid for it, and every
\* parked adoption that si_pid resolves. ready: when the mechanism reads it;
\* park: an adoption whose previous parent init does not know is parked
\* rather than ignored. Java: Rfc.dequeueAdoption
DequeueAdoptionWhen(ready, park) ==
    /\ ready
    /\ rtq # <<>>
    /\ LET m == Head(rtq)
           known == Closure({m.pid}, MaxPid)
       IN
       /\ rtq' = Tail(rtq)
       /\ IF ServiceOf(m.prev) # {}
          THEN /\ tracked' = [s \in Services |-> IF s \in ServiceOf(m.prev) THEN tracked[s] \cup known
                                                ELSE tracked[s]]
               /\ pending' = {e \in pending : e.prev \notin known}
          ELSE /\ pending' = IF park THEN pending \cup {m} ELSE pending
               /\ UNCHANGED tracked
       /\ lastAction' = Step("DequeueAdoption", InitPid, m.pid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, adoptKeep, kept, chldPending, pc, strangersBegun, gone, status, supPc, pidfile, forksLeft>>

\* The RFC's init reads an adoption signal only when no SIGCHLD is pending and it
\* is not in its wait loop (SIGCHLD is dequeued first).
DequeueAdoption == DequeueAdoptionWhen(supPc = "idle" /\ ~chldPending, FALSE)

RfcNext ==
    \/ \E s \in Services : Spawn(s)
    \/ DequeueSigchld
    \/ \E c \in Pids : WaitNohang(c)
    \/ WaitNohangEmpty
    \/ DequeueAdoption
    \/ \E s \in Services : DecideStopped(s)
    \/ ForgetExited
    \/ \E p \in Pids : Unseen(p)
    \/ Elsewhere

RfcFairness == InitFairness /\ WF_vars(DequeueAdoption)
RfcSpec == RfcInit /\ [][RfcNext]_vars /\ RfcFairness
RfcBelieved(s) == tracked[s]

-----------------------------------------------------------------------------
\* rfcStd: the RFC's supervisor with the adoption signal sent as a standard
\* signal (say SIGUSR1) instead of a realtime one: at most one instance is
\* pending (a second is discarded while one is pending, kernel/signal.c:
\* legacy_queue), so the model requires RtLimit = 1; and being numbered below
\* SIGCHLD (10 < 17), it is dequeued before SIGCHLD. Java: RfcStd.

ASSUME Supervisor = "rfcStd" => RtLimit = 1

RfcStdInit == InitWith("signal")

\* SIGCHLD is read only when no adoption signal is pending (it is numbered higher).
RfcStdDequeueSigchld == DequeueSigchldWhen(rtq = <<>>)

\* The adoption signal is read whenever init is not in its wait loop.
RfcStdDequeueAdoption == DequeueAdoptionWhen(supPc = "idle", FALSE)

RfcStdNext ==
    \/ \E s \in Services : Spawn(s)
    \/ RfcStdDequeueSigchld
    \/ \E c \in Pids : WaitNohang(c)
    \/ WaitNohangEmpty
    \/ RfcStdDequeueAdoption
    \/ \E s \in Services : DecideStopped(s)
    \/ ForgetExited
    \/ \E p \in Pids : Unseen(p)
    \/ Elsewhere

RfcStdFairness ==
    /\ WF_vars(RfcStdDequeueSigchld)
    /\ \A c \in Pids : WF_vars(WaitNohang(c))
    /\ WF_vars(WaitNohangEmpty)
    /\ WF_vars(RfcStdDequeueAdoption)
    /\ \A s \in Services : WF_vars(DecideStopped(s))
    /\ WF_vars(ForgetExited)
RfcStdSpec == RfcStdInit /\ [][RfcStdNext]_vars /\ RfcStdFairness
RfcStdBelieved(s) == tracked[s]

-----------------------------------------------------------------------------
\* rfcWitness: a supervisor on exactly the RFC's interface (the adoption signal,
\* SIGCHLD, waitpid(-1, WNOHANG), fork's PID) that keeps its books right:
\*  W1 drain: it reads every queued adoption signal before it reads SIGCHLD or
\*     waits (two signalfds, the adoption one read first), so it has read a
\*     process's adoption before it can reap it, and a previous parent named in
\*     a signal is still an unreaped zombie (its PID not reused) when it is read;
\*  W2 park: an adoption whose previous parent it does not know is parked until
\*     a later adoption makes that parent known (Closure);
\*  W3 forget the reaped: when it reaps a process, the parked adoptions of it, and
\*     those naming it as previous parent, go (its PID may be handed out again;
\*     by W1, an adoption naming it that could still be placed already was);
\*  W4 no reaped parents: only a PID it tracks counts as a known previous parent
\*     (by W1, a reaped PID can only match a process that reused it);
\*  W5 per service: a service is stopped when init tracks none of its processes,
\*     whatever is parked (a parked process hangs from a tracked ancestor);
\*  W6 closed world: when only one service is running, an adoption whose parent
\*     it cannot place is that service's (only init's services run on the machine);
\*  W7 drain before spawning: it reads every queued adoption signal before it
\*     forks a new service (a PID the new service gets may be one a queued signal
\*     names as previous parent).
\* Real system calls: two signalfds (SIGRTMIN, SIGCHLD); read the first until
\* EAGAIN before each read of the second and before each waitpid(-1, WNOHANG).
\* The constant Without removes one rule (an ablation: what the rule is for).
\* Java: RfcWitness.

RfcWitnessInit == InitWith("signal")

Rule(r) == Without # r

RfcWitnessDrained == ~Rule("W1") \/ rtq = <<>>
RfcWitnessSpawn(s) == (~Rule("W7") \/ rtq = <<>>) /\ Spawn(s)
RfcWitnessDequeueSigchld == DequeueSigchldWhen(RfcWitnessDrained)
RfcWitnessWaitNohang(c) ==
    WaitNohangWith(c, RfcWitnessDrained, IF Rule("W3") THEN {e \in pending : c \notin {e.pid, e.prev}} ELSE pending)
RfcWitnessWaitNohangEmpty == WaitNohangEmptyWhen(RfcWitnessDrained)

\* The services an adoption's previous parent p belongs to: those that track p
\* (and without W4 those that reaped it); with W6, when nobody knows p and one
\* service only is running, that one.
RfcWitnessOwners(p) ==
    LET known == IF Rule("W4") THEN {s \in Services : p \in tracked[s]} ELSE ServiceOf(p)
        running == {s \in Services : status[s] = "running"}
    IN IF known = {} /\ Rule("W6") /\ Cardinality(running) = 1 THEN running ELSE known

\* With W1 init reads an adoption signal whenever one is queued; without it, in the
\* RFC's order (no SIGCHLD pending, not in its wait loop).
RfcWitnessDequeueAdoption ==
    /\ Rule("W1") \/ (supPc = "idle" /\ ~chldPending)
    /\ rtq # <<>>
    /\ LET m == Head(rtq)
           known == Closure({m.pid}, MaxPid)
           to == RfcWitnessOwners(m.prev)
       IN
       /\ rtq' = Tail(rtq)
       /\ IF to # {}
          THEN /\ tracked' = [s \in Services |-> IF s \in to THEN tracked[s] \cup known ELSE tracked[s]]
               /\ pending' = {e \in pending : e.prev \notin known}
          ELSE /\ pending' = IF Rule("W2") THEN pending \cup {m} ELSE pending
               /\ UNCHANGED tracked
       /\ lastAction' = Step("DequeueAdoption", InitPid, m.pid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, adoptKeep, kept, chldPending, pc, strangersBegun, gone, status, supPc, pidfile, forksLeft>>

RfcWitnessDecideStopped(s) == DecideStoppedWhen(s, tracked[s] = {} /\ (Rule("W5") \/ pending = {}))

RfcWitnessNext ==
    \/ \E s \in Services : RfcWitnessSpawn(s)
    \/ RfcWitnessDequeueSigchld
    \/ \E c \in Pids : RfcWitnessWaitNohang(c)
    \/ RfcWitnessWaitNohangEmpty
    \/ RfcWitnessDequeueAdoption
    \/ \E s \in Services : RfcWitnessDecideStopped(s)
    \/ ForgetExited
    \/ \E p \in Pids : Unseen(p)
    \/ Elsewhere

RfcWitnessFairness ==
    /\ WF_vars(RfcWitnessDequeueSigchld)
    /\ \A c \in Pids : WF_vars(RfcWitnessWaitNohang(c))
    /\ WF_vars(RfcWitnessWaitNohangEmpty)
    /\ WF_vars(RfcWitnessDequeueAdoption)
    /\ \A s \in Services : SF_vars(RfcWitnessDecideStopped(s))
    /\ WF_vars(ForgetExited)
\* Init checks for stopped services every time it has drained its signals: strong
\* fairness, so that strangers starting and exiting for ever cannot keep it from it.
RfcWitnessSpec == RfcWitnessInit /\ [][RfcWitnessNext]_vars /\ RfcWitnessFairness
RfcWitnessBelieved(s) == tracked[s]

-----------------------------------------------------------------------------
\* waitLine: a kernel change beyond the RFC, and a supervisor on it. Init asks the
\* kernel (at boot) to keep an adoption report with each process reparented to
\* it, as the kernel keeps a zombie's exit status: the adopted PID and the line
\* of ancestors of its previous parent up to init, so a report cannot be lost
\* to a full queue, and it names the ancestor that was init's child (the line's
\* last element), whose service init knows. SIGCHLD wakes init; it collects the
\* reports with a wait-like call. The supervisor: collects every report before
\* it reads SIGCHLD or waits (as rfcWitness W1); gives a report to the service
\* that tracks the line's last element, and parks it until that process is
\* known (W2); forgets what it parked of, or from, a process it reaps (W3); and
\* decides each service's stop on its own (W5). Java: WaitLine.

WaitLineInit == InitWith("keep")

WaitLineCollected == kept = {}
WaitLineDequeueSigchld == DequeueSigchldWhen(WaitLineCollected)
WaitLineWaitNohang(c) == WaitNohangWith(c, WaitLineCollected, {e \in pending : c \notin {e.pid, e.prev}})
WaitLineWaitNohangEmpty == WaitNohangEmptyWhen(WaitLineCollected)

\* The wait-like call returns a kept report m (the kernel chooses which).
CollectReport(m) ==
    /\ m \in kept
    /\ LET root == m.line[Len(m.line)]
           known == Closure({m.pid}, MaxPid)
           to == {s \in Services : root \in tracked[s]}
       IN
       /\ kept' = kept \ {m}
       /\ IF to # {}
          THEN /\ tracked' = [s \in Services |-> IF s \in to THEN tracked[s] \cup known ELSE tracked[s]]
               /\ pending' = {e \in pending : e.prev \notin known}
          ELSE /\ pending' = pending \cup {[pid |-> m.pid, prev |-> root]}
               /\ UNCHANGED tracked
       /\ lastAction' = Step("CollectReport", InitPid, m.pid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, adoptKeep, chldPending, rtq, pc, strangersBegun, gone, status, supPc, pidfile, forksLeft>>

WaitLineDecideStopped(s) == DecideStoppedWhen(s, tracked[s] = {} /\ kept = {})

WaitLineNext ==
    \/ \E s \in Services : Spawn(s)
    \/ WaitLineDequeueSigchld
    \/ \E c \in Pids : WaitLineWaitNohang(c)
    \/ WaitLineWaitNohangEmpty
    \/ \E m \in kept : CollectReport(m)
    \/ \E s \in Services : WaitLineDecideStopped(s)
    \/ ForgetExited
    \/ \E p \in Pids : Unseen(p)
    \/ Elsewhere

WaitLineFairness ==
    /\ WF_vars(WaitLineDequeueSigchld)
    /\ \A c \in Pids : WF_vars(WaitLineWaitNohang(c))
    /\ WF_vars(WaitLineWaitNohangEmpty)
    /\ WF_vars(\E m \in kept : CollectReport(m))
    /\ \A s \in Services : SF_vars(WaitLineDecideStopped(s))
    /\ WF_vars(ForgetExited)
WaitLineSpec == WaitLineInit /\ [][WaitLineNext]_vars /\ WaitLineFairness
WaitLineBelieved(s) == tracked[s]

-----------------------------------------------------------------------------
\* subreaper: one child subreaper per service, as tini, catatonit and systemd
\* --user do: init forks a reaper (a process of init, not of the service), the
\* reaper sets PR_SET_CHILD_SUBREAPER and forks the service; every orphan of the
\* service is reparented to the reaper (kernel/exit.c: find_new_reaper), which
\* reaps its children and names the service's processes as its own children
\* (/proc/PID/task/TID/children); the service has stopped when the reaper has no
\* child left (waitpid: ECHILD). Java: Subreaper.

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
    /\ NextPid # NoPid
    /\ LET c == NextPid
           s == ReaperOf(r) IN
       /\ DoFork(r, c, s)
       /\ lastAction' = Step("ReaperSpawn", r, c, 0, FALSE, c \in everUsed)
       /\ pc' = [pc EXCEPT ![r] = "reaper", ![c] = FirstPc]
       /\ status' = [status EXCEPT ![s] = "running"]
       /\ UNCHANGED <<tracked, gone, supPc, pending, pidfile, forksLeft, strangersBegun>>

\* The reaper reaps its zombie child c, for ever. Java: Subreaper.reaperWait
ReaperWait(r, c) ==
    /\ pc[r] = "reaper"
    /\ Reap(r, c)
    /\ pc' = [pc EXCEPT ![c] = "none"]
    /\ UNCHANGED <<strangersBegun, supVars>>

\* Stopped: the service's reaper has no child left.
SubreaperDecideStopped(s) ==
    DecideStoppedWhen(s, \E r \in tracked[s] : pc[r] = "reaper" /\ ChildrenOf(r) = {})

SubreaperNext ==
    \/ \E s \in Services : SubreaperSpawn(s)
    \/ DequeueSigchld
    \/ \E c \in Pids : WaitNohang(c)
    \/ WaitNohangEmpty
    \/ \E s \in Services : SubreaperDecideStopped(s)
    \/ ForgetExited
    \/ \E r \in Pids : ReaperSetup(r) \/ ReaperSpawn(r) \/ \E c \in Pids : ReaperWait(r, c)
    \/ \E p \in Pids : Unseen(p)
    \/ Elsewhere

\* A reaper's waits are fair as a group, which suffices: each removes one zombie.
SubreaperFairness ==
    /\ WF_vars(DequeueSigchld)
    /\ \A c \in Pids : WF_vars(WaitNohang(c))
    /\ WF_vars(WaitNohangEmpty)
    /\ \A s \in Services : WF_vars(SubreaperDecideStopped(s))
    /\ WF_vars(ForgetExited)
    /\ \A r \in Pids : /\ WF_vars(ReaperSetup(r)) /\ WF_vars(ReaperSpawn(r))
                       /\ WF_vars(\E c \in Pids : ReaperWait(r, c))
SubreaperSpec == SubreaperInit /\ [][SubreaperNext]_vars /\ SubreaperFairness
\* The reaper's children.
SubreaperBelieved(s) == {p \in Pids : InUse(p) /\ parent[p] \in tracked[s]}

-----------------------------------------------------------------------------
\* pidfile: the daemon, once daemonized, may write its PID to a file at any time
\* until the file holds its PID (WritePidfile); init, once it no longer tracks a
\* PID of the service, reads the file and tracks the PID in it if kill(pid, 0)
\* succeeds (ReadPidfile), drops a tracked PID for which kill(pid, 0) fails
\* (ProbePid), and reports the service stopped when it tracks nothing and the
\* file names no process. Assumed: the file is never removed (a daemon that
\* crashes or is killed leaves it behind) and is written atomically. Java: Pidfile.

PidfileInit == InitWith("none")

\* kill(pid, 0) succeeds on the PID in the file (zombies included).
PidfileNamesProcess(s) == pidfile[s] # NoPid /\ InUse(pidfile[s])

\* The daemon writes its PID into its service's PID file (not a syscall of the
\* kernel model: only the file changes). Java: Pidfile.writePidfile
WritePidfile(p) ==
    /\ pc[p] \in {"daemon", "daemon2"} /\ Ready(p)
    /\ pidfile[svc[p]] # p
    /\ pidfile' = [pidfile EXCEPT ![svc[p]] = p]
    /\ UNCHANGED <<pc, strangersBegun>>
    /\ lastAction' = Step("WritePidfile", p, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, adoptKeep, kept, chldPending, rtq, tracked, gone, status, supPc, pending, forksLeft>>

\* Init no longer tracks a PID of s, and kill(pid, 0) succeeds on the PID in the
\* file: init tracks that PID. Java: Pidfile.readPidfile
ReadPidfile(s) ==
    /\ Drained
    /\ status[s] = "running"
    /\ tracked[s] = {}
    /\ PidfileNamesProcess(s)
    /\ tracked' = [tracked EXCEPT ![s] = {pidfile[s]}]
    /\ lastAction' = Step("ReadPidfile", InitPid, pidfile[s], 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, adoptKeep, kept, chldPending, rtq, pc, strangersBegun, gone, status, supPc, pending, pidfile, forksLeft>>

\* kill(q, 0) fails with ESRCH for a tracked PID q: init drops it. Java: Pidfile.probePid
ProbePid(s, q) ==
    /\ q \in tracked[s]
    /\ ~InUse(q)
    /\ tracked' = [tracked EXCEPT ![s] = @ \ {q}]
    /\ lastAction' = Step("ProbePid", InitPid, q, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, adoptKeep, kept, chldPending, rtq, pc, strangersBegun, gone, status, supPc, pending, pidfile, forksLeft>>

\* Stopped: init tracks nothing and the file names no process.
PidfileDecideStopped(s) == DecideStoppedWhen(s, tracked[s] = {} /\ ~PidfileNamesProcess(s))

PidfileNext ==
    \/ \E s \in Services : Spawn(s)
    \/ DequeueSigchld
    \/ \E c \in Pids : WaitNohang(c)
    \/ WaitNohangEmpty
    \/ \E s \in Services : PidfileDecideStopped(s)
    \/ ForgetExited
    \/ \E s \in Services : ReadPidfile(s)
    \/ \E s \in Services, q \in Pids : ProbePid(s, q)
    \/ \E p \in Pids : Unseen(p) \/ WritePidfile(p)
    \/ Elsewhere

\* The PID probes of one service are fair as a group: each removes one PID.
PidfileFairness ==
    /\ WF_vars(DequeueSigchld)
    /\ \A c \in Pids : WF_vars(WaitNohang(c))
    /\ WF_vars(WaitNohangEmpty)
    /\ \A s \in Services : WF_vars(PidfileDecideStopped(s))
    /\ WF_vars(ForgetExited)
    /\ \A s \in Services : WF_vars(ReadPidfile(s)) /\ WF_vars(\E q \in Pids : ProbePid(s, q))
PidfileSpec == PidfileInit /\ [][PidfileNext]_vars /\ PidfileFairness
PidfileBelieved(s) == tracked[s]

-----------------------------------------------------------------------------
\* cgroup: init knows each service's members by a tag inherited on fork and
\* independent of parentage, as cgroups give systemd: its beliefs are the
\* membership itself (the ghost svc), and it reports a service stopped when the
\* group has no running member (cgroup v2 "populated" turning false). The model
\* checks what a lineage tag buys, not how cgroups implement it. Java: Cgroup.

CgroupInit == InitWith("none")

\* Stopped: the group has no running member.
CgroupDecideStopped(s) == DecideStoppedWhen(s, \A p \in Pids : ~(Running(p) /\ svc[p] = s))

CgroupNext ==
    \/ \E s \in Services : Spawn(s)
    \/ DequeueSigchld
    \/ \E c \in Pids : WaitNohang(c)
    \/ WaitNohangEmpty
    \/ \E s \in Services : CgroupDecideStopped(s)
    \/ ForgetExited
    \/ \E p \in Pids : Unseen(p)
    \/ Elsewhere

CgroupFairness ==
    /\ WF_vars(DequeueSigchld)
    /\ \A c \in Pids : WF_vars(WaitNohang(c))
    /\ WF_vars(WaitNohangEmpty)
    /\ \A s \in Services : WF_vars(CgroupDecideStopped(s))
    /\ WF_vars(ForgetExited)
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
         /\ UNCHANGED <<gone, status, supPc, pending, pidfile>>
    ELSE UNCHANGED supVars

PtraceNext ==
    \/ \E s \in Services : PtraceSpawn(s)
    \/ DequeueSigchld
    \/ \E c \in Pids : WaitNohang(c)
    \/ WaitNohangEmpty
    \/ \E s \in Services : DecideStopped(s)
    \/ ForgetExited
    \/ \E p \in Pids : DaemonStep(p) /\ Traced(p)
    \/ Elsewhere

PtraceFairness == InitFairness
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
=============================================================================
