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
\* Supervisor = "rfcStd" (mechanism 3) is the RFC's supervisor with the adoption
\* signal sent as a standard signal (say SIGUSR1) instead of a realtime one: at
\* most one instance is pending (a second is discarded while one is pending,
\* kernel/signal.c: legacy_queue), so the model requires RtLimit = 1; and being
\* numbered below SIGCHLD (10 < 17), it is dequeued before SIGCHLD.
\*
\* Supervisor = "subreaper" (mechanism 5) is one child subreaper per service, as
\* tini, catatonit and systemd --user do: init forks a reaper, the reaper sets
\* PR_SET_CHILD_SUBREAPER and forks the service; every orphan of the service is
\* reparented to the reaper, which reaps its children and names the service's
\* processes as its own children (/proc/PID/task/TID/children); the service has
\* stopped when the reaper has no child left (waitpid: ECHILD).
\*
\* Supervisor = "pidfile" (mechanism 6): the daemon, once daemonized, may write its
\* PID to a file at any time until it holds its PID (WritePidfile); init, once it no longer tracks a PID of the
\* service, reads the file and tracks the PID in it if kill(pid, 0) succeeds
\* (ReadPidfile), drops a tracked PID for which kill(pid, 0) fails (ProbePid),
\* and reports the service stopped when it tracks nothing and the file names no
\* process. Assumed: the file is never removed (a daemon that crashes or is
\* killed leaves it behind) and is written atomically.
\*
\* Supervisor = "ptrace" (mechanism 8): upstart's `expect daemon`: init traces
\* the process it forked and follows its first ExpectForks forks: at each, it
\* moves its attention (and the trace) to the child. The tracee is stopped at the
\* fork event until init has handled it, so following is part of the fork step.
\*
\* Java twin: src/main/java/adoptsig/supervisor/RfcSupervisor.java (supervisor),
\* src/main/java/adoptsig/daemon/Daemons.java (programs), conform/JavaSystem.java (Next).
EXTENDS Kernel

CONSTANTS
    Idiom,       \* the daemon's program: "noFork", "dance" (the RFC's double fork), "apue" (fork
                 \* twice and wait for the first child), "reexec" (the dance; the daemon may
                 \* re-execute itself once, and the new image daemonizes again with one fork),
                 \* "free" (any syscall by any process)
    DanceSync,   \* TRUE: each dance step waits until the parent has exited (the RFC's order)
    Workers,     \* TRUE: the daemon may fork worker processes (and exit leaving them running)
    Supervisor   \* "rfc": the RFC's supervisor as described; "rfcBest", "rfcStd", "subreaper",
                 \* "pidfile", "ptrace": see the header; "classic": SIGCHLD and wait only (no
                 \* PR_SET_ADOPTSIG); "cgroup": membership by lineage

VARIABLES
    pc,          \* pc[p]: where process p is in its daemon program ("none" for a free slot)
    tracked,     \* tracked[s]: the PIDs init attributes to service s
    gone,        \* gone[s]: PIDs of s that init reaped since the last drained point (F1)
    status,      \* status[s]: "never" (not spawned), "running", "stopped": what init reports
    supPc,       \* "idle": init reads its next signal; "reaping": inside the waitpid(-1, WNOHANG) loop
    pending,     \* rfcBest: adoption signals whose previous parent init did not know when it read them
    pidfile,     \* pidfile[s]: the PID in service s's PID file, NoPid if not written yet
    forksLeft    \* ptrace: forksLeft[s]: forks of service s that init will still follow

Supervisors == {"rfc", "rfcBest", "rfcStd", "classic", "cgroup", "subreaper", "pidfile", "ptrace"}
Idioms == {"noFork", "dance", "apue", "reexec", "free"}
ASSUME Supervisor \in Supervisors /\ Idiom \in Idioms
ASSUME Supervisor = "rfcStd" => RtLimit = 1
ExpectForks == 2   \* upstart's `expect daemon`

supVars == <<tracked, gone, status, supPc, pending, pidfile, forksLeft>>
vars == <<kernelVars, pc, supVars>>

\* Daemon program locations. The dance: d0 forks and exits; d1 (its child)
\* calls setsid, forks and exits; the grandchild is the daemon, which may fork
\* workers and may exit at any time; workers may exit at any time.
\* APUE: a0 forks and waits for its child (await), then exits; a1 forks and exits.
\* reexec: the daemon execs itself (r0), forks and exits; the child (r1) calls
\* setsid and is the re-executed daemon (daemon2, which does not re-execute again).
\* reaper0, reaper1, reaper: a service's subreaper (Supervisor = "subreaper").
DancePcs == {"d0", "d1", "d2", "exit", "daemon", "worker", "a0", "a1", "await", "r0", "r1", "daemon2"}
PcValues == DancePcs \cup {"none", "init", "free", "dead", "reaper0", "reaper1", "reaper"}

-----------------------------------------------------------------------------
Init ==
    /\ KernelInitWith(Supervisor \in {"rfc", "rfcBest", "rfcStd"})
    /\ pc = [p \in Pids |-> IF p = InitPid THEN "init" ELSE "none"]
    /\ tracked = [s \in Services |-> {}]
    /\ gone = [s \in Services |-> {}]
    /\ status = [s \in Services |-> "never"]
    /\ supPc = "idle"
    /\ pending = {}
    /\ pidfile = [s \in Services |-> NoPid]
    /\ forksLeft = [s \in Services |-> 0]

-----------------------------------------------------------------------------
\* The supervisor (init). Java: RfcSupervisor.

Best == Supervisor = "rfcBest"
Std == Supervisor = "rfcStd"
Reaper == Supervisor = "subreaper"
PidFile == Supervisor = "pidfile"
Ptrace == Supervisor = "ptrace"
\* rfcBest waits only when no adoption signal is queued.
RtDrained == ~Best \/ rtq = <<>>
\* rfcBest reads SIGCHLD only after every adoption signal; so does rfcStd (its
\* standard signal is numbered below SIGCHLD, so signalfd returns it first).
SigchldAfterAdoption == ~(Best \/ Std) \/ rtq = <<>>

Drained == supPc = "idle" /\ ~chldPending /\ rtq = <<>>
Cgroup == Supervisor = "cgroup"
ServiceOf(p) == {s \in Services : p \in tracked[s] \cup gone[s]}
FirstPc == CASE Idiom \in {"dance", "reexec"} -> "d0"
             [] Idiom = "apue" -> "a0"
             [] Idiom = "noFork" -> "daemon"
             [] OTHER -> "free"

\* Init forks the service's first process and records its PID (one step: init
\* is single-threaded and reads no signal between fork() returning and the record).
\* Under "subreaper" init forks the service's reaper instead (tagged as init's),
\* and tracks the reaper; the service counts as spawned when the reaper forks it.
Spawn(s) ==
    /\ status[s] = "never"
    /\ tracked[s] = {}
    /\ NextPid # NoPid
    /\ LET c == NextPid IN
       /\ DoFork(InitPid, c, IF Reaper THEN InitSvc ELSE s)
       /\ lastAction' = Step("Spawn", InitPid, c, 0, FALSE, c \in everUsed)
       /\ pc' = [pc EXCEPT ![c] = IF Reaper THEN "reaper0" ELSE FirstPc]
       /\ tracked' = [tracked EXCEPT ![s] = {c}]
       /\ status' = IF Reaper THEN status ELSE [status EXCEPT ![s] = "running"]
       /\ forksLeft' = [forksLeft EXCEPT ![s] = IF Ptrace THEN ExpectForks ELSE 0]
       /\ UNCHANGED <<gone, supPc, pending, pidfile>>

\* The service's reaper (subreaper): prctl(PR_SET_CHILD_SUBREAPER, 1), then fork
\* the service, then reap its children for ever.
ReaperOf(r) == CHOOSE s \in Services : r \in tracked[s]
ReaperSetup(r) ==
    /\ pc[r] = "reaper0"
    /\ PrctlSetChildSubreaper(r)
    /\ pc' = [pc EXCEPT ![r] = "reaper1"]
    /\ UNCHANGED supVars
ReaperSpawn(r) ==
    /\ pc[r] = "reaper1"
    /\ NextPid # NoPid
    /\ LET c == NextPid
           s == ReaperOf(r) IN
       /\ DoFork(r, c, s)
       /\ lastAction' = Step("ReaperSpawn", r, c, 0, FALSE, c \in everUsed)
       /\ pc' = [pc EXCEPT ![r] = "reaper", ![c] = FirstPc]
       /\ status' = [status EXCEPT ![s] = "running"]
       /\ UNCHANGED <<tracked, gone, supPc, pending, pidfile, forksLeft>>
ReaperWait(r, c) ==
    /\ pc[r] = "reaper"
    /\ Reap(r, c)
    /\ pc' = [pc EXCEPT ![c] = "none"]
    /\ UNCHANGED supVars

\* signalfd read returns SIGCHLD (17) before SIGRTMIN (34): lowest number first,
\* standard before realtime (kernel/signal.c: next_signal). Init enters its wait loop.
DequeueSigchld ==
    /\ supPc = "idle"
    /\ SigchldAfterAdoption
    /\ chldPending
    /\ chldPending' = FALSE
    /\ supPc' = "reaping"
    /\ lastAction' = Step("DequeueSigchld", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, rtq, pc, tracked, gone, status, pending, pidfile, forksLeft>>

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
    /\ UNCHANGED <<status, supPc, pending, pidfile, forksLeft>>

\* waitpid(-1, WNOHANG) returns 0 (children, none a zombie) or ECHILD: the loop ends.
WaitNohangEmpty ==
    /\ supPc = "reaping"
    /\ RtDrained
    /\ \A c \in Pids : ~(pstate[c] = "zombie" /\ parent[c] = InitPid)
    /\ supPc' = "idle"
    /\ lastAction' = Step("WaitNohangEmpty", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, chldPending, rtq, pc, tracked, gone, status, pending, pidfile, forksLeft>>

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
    /\ CASE Best -> TRUE
         [] Std -> supPc = "idle"
         [] OTHER -> supPc = "idle" /\ ~chldPending
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
                   lastPid, everUsed, chldPending, pc, gone, status, supPc, pidfile, forksLeft>>

\* pidfile: kill(pid, 0) succeeds on the PID in the file (zombies included).
PidfileNamesProcess(s) == pidfile[s] # NoPid /\ InUse(pidfile[s])

\* F2: with nothing pending and no PID tracked, init reports the service stopped.
\* cgroup: the group has no running member; subreaper: the reaper has no child;
\* pidfile: also the file names no process.
DecideStopped(s) ==
    /\ Drained
    /\ (~Best \/ pending = {})
    /\ status[s] = "running"
    /\ CASE Cgroup -> \A p \in Pids : ~(Running(p) /\ svc[p] = s)
         [] Reaper -> \E r \in tracked[s] : pc[r] = "reaper" /\ ChildrenOf(r) = {}
         [] PidFile -> tracked[s] = {} /\ ~PidfileNamesProcess(s)
         [] OTHER -> tracked[s] = {}
    /\ status' = [status EXCEPT ![s] = "stopped"]
    /\ lastAction' = Step("DecideStopped", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, chldPending, rtq, pc, tracked, gone, supPc, pending, pidfile, forksLeft>>

\* F3: at a drained point init forgets the PIDs it reaped.
ForgetExited ==
    /\ Drained
    /\ \E s \in Services : gone[s] # {}
    /\ gone' = [s \in Services |-> {}]
    /\ lastAction' = Step("ForgetExited", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, chldPending, rtq, pc, tracked, status, supPc, pending, pidfile, forksLeft>>

\* pidfile: init no longer tracks a PID of s, and kill(pid, 0) succeeds on the PID
\* in the file: init tracks that PID.
ReadPidfile(s) ==
    /\ PidFile
    /\ Drained
    /\ status[s] = "running"
    /\ tracked[s] = {}
    /\ PidfileNamesProcess(s)
    /\ tracked' = [tracked EXCEPT ![s] = {pidfile[s]}]
    /\ lastAction' = Step("ReadPidfile", InitPid, pidfile[s], 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, chldPending, rtq, pc, gone, status, supPc, pending, pidfile, forksLeft>>

\* pidfile: kill(q, 0) fails with ESRCH for a tracked PID q: init drops it.
ProbePid(s, q) ==
    /\ PidFile
    /\ q \in tracked[s]
    /\ ~InUse(q)
    /\ tracked' = [tracked EXCEPT ![s] = @ \ {q}]
    /\ lastAction' = Step("ProbePid", InitPid, q, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, chldPending, rtq, pc, gone, status, supPc, pending, pidfile, forksLeft>>

SupervisorStep ==
    \/ DequeueSigchld
    \/ \E c \in Pids : WaitNohang(c)
    \/ WaitNohangEmpty
    \/ DequeueAdoption
    \/ \E s \in Services : DecideStopped(s)
    \/ ForgetExited
    \/ \E s \in Services : ReadPidfile(s)
    \/ \E s \in Services, q \in Pids : ProbePid(s, q)
    \/ \E r \in Pids : ReaperSetup(r) \/ ReaperSpawn(r) \/ \E c \in Pids : ReaperWait(r, c)

-----------------------------------------------------------------------------
\* The daemons. A service process makes the calls its program allows; every
\* interleaving with other processes and with init is explored.

\* With DanceSync, a dance step waits until the caller has been reparented to
\* init (its parent exited), as in the RFC's telling.
Ready(p) == ~DanceSync \/ parent[p] = InitPid

\* The supervisor's side of a process step: under ptrace, a fork by the process
\* init follows (while forks are left to follow) moves init's attention to the
\* child; every other step leaves the supervisor unchanged.
Follows(p) == Ptrace /\ svc[p] \in Services /\ p \in tracked[svc[p]] /\ forksLeft[svc[p]] > 0
Traced(p) ==
    IF lastAction'.name = "Fork" /\ Follows(p)
    THEN /\ tracked' = [tracked EXCEPT ![svc[p]] = {lastAction'.target}]
         /\ forksLeft' = [forksLeft EXCEPT ![svc[p]] = @ - 1]
         /\ UNCHANGED <<gone, status, supPc, pending, pidfile>>
    ELSE UNCHANGED supVars

\* The daemon programs (Idiom): the dance (d0, d1, d2), APUE (a0, a1, await), or
\* none (noFork starts as the daemon); then the daemon, and its workers.
DanceStep(p) ==
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
    \/ /\ pc[p] \in {"daemon", "daemon2"} /\ Ready(p)
       /\ \/ Workers /\ Fork(p) /\ pc' = [pc EXCEPT ![NextPid] = "worker"]
          \/ Exit(p) /\ pc' = [pc EXCEPT ![p] = "dead"]
          \/ OpenTty(p) /\ UNCHANGED pc
          \/ Idiom = "reexec" /\ pc[p] = "daemon" /\ Exec(p) /\ pc' = [pc EXCEPT ![p] = "r0"]
    \/ /\ pc[p] = "r0"
       /\ Fork(p) /\ pc' = [pc EXCEPT ![p] = "exit", ![NextPid] = "r1"]
    \/ /\ pc[p] = "r1" /\ Ready(p)
       /\ Setsid(p) /\ pc' = [pc EXCEPT ![p] = "daemon2"]
    \/ /\ pc[p] = "worker"
       /\ Exit(p) /\ pc' = [pc EXCEPT ![p] = "dead"]

\* pidfile: the daemon writes its PID into its service's PID file (not a syscall
\* of the kernel model: only the file changes).
WritePidfile(p) ==
    /\ PidFile
    /\ pc[p] \in {"daemon", "daemon2"} /\ Ready(p)
    /\ pidfile[svc[p]] # p
    /\ pidfile' = [pidfile EXCEPT ![svc[p]] = p]
    /\ UNCHANGED pc
    /\ lastAction' = Step("WritePidfile", p, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced,
                   lastPid, everUsed, chldPending, rtq, tracked, gone, status, supPc, pending, forksLeft>>

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

ProcessStep(p) ==
    /\ p # InitPid
    /\ \/ (DanceStep(p) \/ FreeStep(p)) /\ Traced(p)
       \/ WritePidfile(p)

Next ==
    \/ \E s \in Services : Spawn(s)
    \/ SupervisorStep
    \/ \E p \in Pids : ProcessStep(p)

\* Init runs whenever it can: weak fairness on each of its steps. Daemons need
\* no fairness (a daemon may run forever). The steps of one mechanism only are
\* listed for it (fairness conditions make TLC's liveness check slower, even when
\* their action is never enabled); a reaper's waits and the PID probes of one
\* service are fair as a group, which suffices: each removes one zombie or one
\* PID, and there are finitely many.
Fairness ==
    /\ WF_vars(DequeueSigchld)
    /\ \A c \in Pids : WF_vars(WaitNohang(c))
    /\ WF_vars(WaitNohangEmpty)
    /\ WF_vars(DequeueAdoption)
    /\ \A s \in Services : WF_vars(DecideStopped(s))
    /\ WF_vars(ForgetExited)
    /\ IF PidFile THEN \A s \in Services : WF_vars(ReadPidfile(s)) /\ WF_vars(\E q \in Pids : ProbePid(s, q))
                   ELSE TRUE
    /\ IF Reaper THEN \A r \in Pids : /\ WF_vars(ReaperSetup(r)) /\ WF_vars(ReaperSpawn(r))
                                      /\ WF_vars(\E c \in Pids : ReaperWait(r, c))
                  ELSE TRUE

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
    /\ pidfile \in [Services -> Pids \cup {NoPid}]
    /\ forksLeft \in [Services -> 0..ExpectForks]
TypeInv == KernelTypeInv /\ PcTypeInv /\ SupervisorTypeInv

Lives(s) == \E p \in Pids : Running(p) /\ svc[p] = s

\* The PIDs the supervisor attributes to s: what it tracks, or (cgroup) the members
\* of the service's group, or (subreaper) the children of the service's reaper.
Believed(s) == CASE Cgroup -> {p \in Pids : InUse(p) /\ svc[p] = s}
                 [] Reaper -> {p \in Pids : InUse(p) /\ parent[p] \in tracked[s]}
                 [] OTHER -> tracked[s]

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
