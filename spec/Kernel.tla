------------------------------- MODULE Kernel -------------------------------
\* The Linux process lifecycle as far as supervision needs it: fork, exit with
\* reparenting to the nearest living subreaper or init, wait, setsid, exec,
\* controlling terminals, PID allocation with reuse, and the signals that reach
\* init: SIGCHLD (a standard signal, coalescing) and the adoption signal of the
\* 2008 PR_SET_ADOPTSIG RFC (a realtime signal, queued FIFO, bounded).
\*
\* Java twin: src/main/java/adoptsig/kernel/Kernel.java. The mapping between the
\* variables below and Java fields is in docs/MAPPING.md.
\*
\* Simplifications (also in README "Assumptions"):
\*  - single-threaded processes, one PID namespace, one terminal;
\*  - pending signals are modelled at init only: init (the supervisor) is the
\*    only process that reads signals, and no property looks at another
\*    process's pending set;
\*  - stopped processes and job control are not modelled, so the orphaned
\*    process-group SIGHUP/SIGCONT of exit_notify is left out;
\*  - SIG_IGN / SA_NOCLDWAIT for SIGCHLD are not modelled (no mechanism needs them);
\*  - the prctls only set their flag (no PR_SET_* 0), which is all the daemons
\*    in the models do.
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    MaxPid,     \* size of the PID pool: PIDs are 1..MaxPid, 1 is global init
    Services,   \* names of the services init supervises (strings)
    RtLimit,    \* RLIMIT_SIGPENDING as seen by init's adoption-signal queue
    Outside     \* TRUE: processes outside the model fork and exit, moving alloc_pid's cursor

Pids == 1..MaxPid
InitPid == 1
NoPid == 0                 \* "no process": parent of init, pgid/sid of a free slot
InitSvc == "init"          \* lineage tag of init itself
NoSvc == "none"            \* lineage tag of a free slot
ProcStates == {"free", "running", "zombie"}

VARIABLES
    pstate,      \* pstate[p]: "free" (slot unused), "running", or "zombie"
    parent,      \* parent[p]: PID of the parent (real_parent), NoPid for init and free slots
    pgid,        \* pgid[p]: process group ID, NoPid for a free slot
    sid,         \* sid[p]: session ID, NoPid for a free slot
    ttySession,  \* the session whose controlling terminal is the one tty, NoPid if none
    adoptSig,    \* adoptSig[p]: PR_SET_ADOPTSIG is set (non-zero) for p
    subreaper,   \* subreaper[p]: PR_SET_CHILD_SUBREAPER is set for p
    svc,         \* ghost: the service p descends from (inherited on fork); invisible to supervisors
    danced,      \* ghost: p was forked by a session leader (or by a danced process) and has not called setsid since
    lastPid,     \* alloc_pid's cyclic cursor (pid_ns->idr next): the last PID handed out
    everUsed,    \* ghost: PIDs handed out at least once, to see reuse
    chldPending, \* SIGCHLD is pending at init (standard signal: one bit, coalesces)
    rtq,         \* init's queued adoption signals, FIFO: <<[pid |-> adopted, prev |-> previous parent], ...>>
    adoptKeep,   \* init asked the kernel to keep an adoption report with each process reparented to it
    kept,        \* the reports kept: {[pid |-> adopted, line |-> <<previous parent, its parent, ...>>], ...}
    lastAction   \* the step just taken with its parameters (TLC traces do not print parameters)

kernelVars == <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc,
                danced, lastPid, everUsed, chldPending, rtq, adoptKeep, kept, lastAction>>

\* A step record: every action fills every field so that records compare.
\*  actor: the calling process; target: the other process (child, reaped zombie,
\*  new reaper); dropped: adoption signals lost to a full queue in this step;
\*  zadopt: a zombie was reparented in this step; reused: the PID handed out was used before.
Step(name, actor, target, dropped, zadopt, reused) ==
    [name |-> name, actor |-> actor, target |-> target,
     dropped |-> dropped, zadopt |-> zadopt, reused |-> reused]

-----------------------------------------------------------------------------
\* Helpers.

InUse(p) == pstate[p] # "free"
Running(p) == pstate[p] = "running"
ChildrenOf(p) == {c \in Pids : InUse(c) /\ parent[c] = p}

\* kernel/pid.c: a PID stays allocated while any task uses it as its PID,
\* process-group ID or session ID, or a tty holds it as its session
\* (struct pid is reference counted). Only then can alloc_pid hand it out.
Allocatable(q) ==
    /\ q # InitPid
    /\ pstate[q] = "free"
    /\ \A r \in Pids : InUse(r) => (pgid[r] # q /\ sid[r] # q)
    /\ ttySession # q

\* kernel/pid.c: alloc_pid -> idr_alloc_cyclic: the first free PID after the
\* last one handed out, wrapping around (to 2 here; Linux wraps to 300).
NextAfter(q) == IF q >= MaxPid THEN 2 ELSE q + 1
RECURSIVE ScanFree(_, _)
ScanFree(q, n) == IF n = 0 THEN NoPid
                  ELSE IF Allocatable(q) THEN q ELSE ScanFree(NextAfter(q), n - 1)
NextPid == ScanFree(NextAfter(lastPid), MaxPid - 1)

\* kernel/exit.c: find_new_reaper: from the exiting process's parent, walk up to
\* the nearest ancestor that is a child subreaper and still alive; else init.
\* The exiting process's own flag does not matter.
RECURSIVE ReaperFrom(_)
ReaperFrom(a) == IF a = InitPid THEN InitPid
                 ELSE IF subreaper[a] /\ Running(a) THEN a
                 ELSE ReaperFrom(parent[a])
NewReaper(p) == ReaperFrom(parent[p])

\* The PIDs of a set in ascending order: the order in which the model reparents
\* several children in one exit (Linux walks the children list; the order of
\* the adoption signals among one exit's children is not part of any claim).
RECURSIVE Ascending(_)
Ascending(S) == IF S = {} THEN <<>>
                ELSE LET m == CHOOSE x \in S : \A y \in S : x <= y
                     IN <<m>> \o Ascending(S \ {m})

\* The line of ancestors of p up to init, p first: what a kept report names.
RECURSIVE Line(_, _)
Line(p, n) == IF p = InitPid \/ n = 0 THEN <<>> ELSE <<p>> \o Line(parent[p], n - 1)

\* kernel/signal.c: __send_signal for a realtime signal generated by the kernel:
\* queued FIFO while under RLIMIT_SIGPENDING, dropped entirely over it.
RECURSIVE Enqueue(_, _)
Enqueue(q, sigs) == IF sigs = <<>> THEN q
                    ELSE IF Len(q) < RtLimit THEN Enqueue(Append(q, Head(sigs)), Tail(sigs))
                    ELSE Enqueue(q, Tail(sigs))
Dropped(q, sigs) == Len(q) + Len(sigs) - Len(Enqueue(q, sigs))

-----------------------------------------------------------------------------
\* Initial state: only init runs, session and group leader of 1; adopt says what
\* init asked for at boot: "none", "signal" (the RFC: prctl(PR_SET_ADOPTSIG,
\* SIGRTMIN)) or "keep" (reports kept with the adopted processes).

KernelInitWith(adopt) ==
    /\ pstate = [p \in Pids |-> IF p = InitPid THEN "running" ELSE "free"]
    /\ parent = [p \in Pids |-> NoPid]
    /\ pgid = [p \in Pids |-> IF p = InitPid THEN InitPid ELSE NoPid]
    /\ sid = [p \in Pids |-> IF p = InitPid THEN InitPid ELSE NoPid]
    /\ ttySession = NoPid
    /\ adoptSig = [p \in Pids |-> p = InitPid /\ adopt = "signal"]
    /\ subreaper = [p \in Pids |-> FALSE]
    /\ svc = [p \in Pids |-> IF p = InitPid THEN InitSvc ELSE NoSvc]
    /\ danced = [p \in Pids |-> FALSE]
    /\ lastPid = InitPid
    /\ everUsed = {InitPid}
    /\ chldPending = FALSE
    /\ rtq = <<>>
    /\ adoptKeep = (adopt = "keep")
    /\ kept = {}
    /\ lastAction = Step("Boot", InitPid, NoPid, 0, FALSE, FALSE)

KernelInit == KernelInitWith("signal")

-----------------------------------------------------------------------------
\* Syscalls. Each is an operator over the caller (and its argument); the
\* daemon programs in Adoption.tla decide when a process makes which call.
\* An operator is enabled exactly when Linux would succeed; where Linux would
\* return an errno the operator is disabled (the Java kernel returns the errno
\* and leaves the state unchanged).

\* kernel/fork.c: copy_process + alloc_pid. Disabled when no PID is free (EAGAIN).
\* The child inherits pgid, sid (and so the controlling terminal) and the
\* service tag; PR_SET_ADOPTSIG (like pdeath_signal) and the subreaper flag are
\* not inherited; the child starts with no pending signals (not modelled).
\* `tag` is the child's service: the parent's own, except when init spawns a service.
\* Java: Kernel.fork
DoFork(p, c, tag) ==
    /\ pstate' = [pstate EXCEPT ![c] = "running"]
    /\ parent' = [parent EXCEPT ![c] = p]
    /\ pgid' = [pgid EXCEPT ![c] = pgid[p]]
    /\ sid' = [sid EXCEPT ![c] = sid[p]]
    /\ adoptSig' = [adoptSig EXCEPT ![c] = FALSE]
    /\ subreaper' = [subreaper EXCEPT ![c] = FALSE]
    /\ svc' = [svc EXCEPT ![c] = tag]
    /\ danced' = [danced EXCEPT ![c] = (p # InitPid /\ (sid[p] = p \/ danced[p]))]
    /\ lastPid' = c
    /\ everUsed' = everUsed \cup {c}
    /\ UNCHANGED <<ttySession, chldPending, rtq, adoptKeep, kept>>

Fork(p) ==
    /\ Running(p)
    /\ NextPid # NoPid
    /\ LET c == NextPid IN
       /\ DoFork(p, c, svc[p])
       /\ lastAction' = Step("Fork", p, c, 0, FALSE, c \in everUsed)

\* kernel/exit.c: do_exit -> exit_notify, one atomic step in the kernel's order:
\*  1. forget_original_parent: every child is reparented to the new reaper;
\*     reparent_leader: a child that is already a zombie makes the new reaper
\*     get a fresh SIGCHLD; the RFC: the new reaper gets an adoption signal per
\*     adopted child if it has PR_SET_ADOPTSIG (queued before the SIGCHLD below);
\*     or, if init asked for kept reports (adoptKeep), a report per adopted child
\*     kept with the child, and SIGCHLD to wake init;
\*  2. (orphaned process-group checks: not modelled, see header);
\*  3. the process becomes a zombie;
\*  4. do_notify_parent: SIGCHLD to the parent.
\* A session leader's exit also drops the controlling terminal (disassociate_ctty).
\* Init never exits (global init's exit panics the kernel).
\* Java: Kernel.exit
Exit(p) ==
    /\ p # InitPid
    /\ Running(p)
    /\ LET r == NewReaper(p)
           kids == ChildrenOf(p)
           zkids == {c \in kids : pstate[c] = "zombie"}
           sigs == IF r = InitPid /\ adoptSig[r]
                   THEN [i \in 1..Cardinality(kids) |-> [pid |-> Ascending(kids)[i], prev |-> p]]
                   ELSE <<>>
           reports == IF r = InitPid /\ adoptKeep THEN {[pid |-> c, line |-> Line(p, MaxPid)] : c \in kids} ELSE {}
       IN
       /\ parent' = [c \in Pids |-> IF c \in kids THEN r ELSE parent[c]]
       /\ rtq' = Enqueue(rtq, sigs)
       /\ kept' = kept \cup reports
       /\ pstate' = [pstate EXCEPT ![p] = "zombie"]
       /\ chldPending' = (chldPending \/ (r = InitPid /\ zkids # {}) \/ parent[p] = InitPid \/ reports # {})
       /\ ttySession' = IF sid[p] = p /\ ttySession = p THEN NoPid ELSE ttySession
       /\ lastAction' = Step("Exit", p, r, Dropped(rtq, sigs), zkids # {}, FALSE)
       /\ UNCHANGED <<pgid, sid, adoptSig, subreaper, svc, danced, lastPid, everUsed, adoptKeep>>

\* kernel/exit.c: wait_task_zombie: the parent reaps a zombie child, exactly
\* once; the slot and its PID become free (release_task -> free_pid); a report
\* still kept with it goes with it. Java: Kernel.reap
DoReap(c) ==
    /\ pstate' = [pstate EXCEPT ![c] = "free"]
    /\ parent' = [parent EXCEPT ![c] = NoPid]
    /\ pgid' = [pgid EXCEPT ![c] = NoPid]
    /\ sid' = [sid EXCEPT ![c] = NoPid]
    /\ adoptSig' = [adoptSig EXCEPT ![c] = FALSE]
    /\ subreaper' = [subreaper EXCEPT ![c] = FALSE]
    /\ svc' = [svc EXCEPT ![c] = NoSvc]
    /\ danced' = [danced EXCEPT ![c] = FALSE]
    /\ kept' = {m \in kept : m.pid # c}
    /\ UNCHANGED <<ttySession, lastPid, everUsed, chldPending, rtq, adoptKeep>>

Reap(p, c) ==
    /\ Running(p)
    /\ pstate[c] = "zombie"
    /\ parent[c] = p
    /\ DoReap(c)
    /\ lastAction' = Step("Reap", p, c, 0, FALSE, FALSE)

\* kernel/sys.c: ksys_setsid: EPERM if a process group whose ID is the caller's
\* PID exists (the caller leads a group); else sid = pgid = pid, no controlling
\* terminal. The RFC: setsid() clears the caller's PR_SET_ADOPTSIG.
\* Java: Kernel.setsid
Setsid(p) ==
    /\ Running(p)
    /\ \A r \in Pids : InUse(r) => pgid[r] # p
    /\ sid' = [sid EXCEPT ![p] = p]
    /\ pgid' = [pgid EXCEPT ![p] = p]
    /\ adoptSig' = [adoptSig EXCEPT ![p] = FALSE]
    /\ danced' = [danced EXCEPT ![p] = FALSE]
    /\ lastAction' = Step("Setsid", p, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, ttySession, subreaper, svc, lastPid, everUsed, chldPending, rtq, adoptKeep, kept>>

\* fs/exec.c: execve keeps PID, parent, pgid, sid, terminal, subreaper flag and
\* pending signals; the RFC: exec clears PR_SET_ADOPTSIG.
\* Java: Kernel.exec
Exec(p) ==
    /\ Running(p)
    /\ adoptSig' = [adoptSig EXCEPT ![p] = FALSE]
    /\ lastAction' = Step("Exec", p, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, subreaper, svc, danced, lastPid, everUsed, chldPending, rtq, adoptKeep, kept>>

\* drivers/tty/tty_jobctrl.c: tty_open_proc_set_tty: open() without O_NOCTTY
\* makes the tty the controlling terminal only for a session leader without one,
\* and only if the tty belongs to no session. Otherwise the open succeeds
\* without acquiring.
\* Java: Kernel.openTty
OpenTty(p) ==
    /\ Running(p)
    /\ ttySession' = IF sid[p] = p /\ ttySession = NoPid THEN p ELSE ttySession
    /\ lastAction' = Step("OpenTty", p, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, adoptSig, subreaper, svc, danced, lastPid, everUsed, chldPending, rtq, adoptKeep, kept>>

\* The RFC: prctl(PR_SET_ADOPTSIG, sig). Java: Kernel.prctlSetAdoptsig
PrctlSetAdoptsig(p) ==
    /\ Running(p)
    /\ adoptSig' = [adoptSig EXCEPT ![p] = TRUE]
    /\ lastAction' = Step("PrctlSetAdoptsig", p, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, subreaper, svc, danced, lastPid, everUsed, chldPending, rtq, adoptKeep, kept>>

\* kernel/sys.c: prctl(PR_SET_CHILD_SUBREAPER, 1). Java: Kernel.prctlSetChildSubreaper
PrctlSetChildSubreaper(p) ==
    /\ Running(p)
    /\ subreaper' = [subreaper EXCEPT ![p] = TRUE]
    /\ lastAction' = Step("PrctlSetChildSubreaper", p, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, svc, danced, lastPid, everUsed, chldPending, rtq, adoptKeep, kept>>

\* Processes outside the model (other users' programs, the rest of the system)
\* fork and exit between any two steps, so alloc_pid's cursor moves: the next
\* fork may get any free PID. With it, "holds" covers every order in which PIDs
\* are reused, not only the order the model's own forks produce.
\* Java: Kernel.outsideFork
OutsideFork(q) ==
    /\ Outside
    /\ q \in Pids
    /\ q # lastPid
    /\ lastPid' = q
    /\ lastAction' = Step("OutsideFork", NoPid, q, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced, everUsed, chldPending, rtq, adoptKeep, kept>>

=============================================================================
