------------------------------- MODULE Kernel -------------------------------
\* The Linux process lifecycle as far as supervision needs it: fork, exit with
\* reparenting to the nearest living subreaper or init, wait, setsid, exec,
\* controlling terminals, PID allocation with reuse, the children lists the
\* kernel walks, and the signals that reach init: SIGCHLD (a standard signal,
\* coalescing, carrying the si_pid of the first child that raised it) and the
\* adoption signal of the 2008 PR_SET_ADOPTSIG RFC, all counted against one
\* RLIMIT_SIGPENDING as Linux counts them.
\*
\* Java twin: src/main/java/adoptsig/kernel/Kernel.java. The mapping between the
\* variables below and Java fields is in docs/MAPPING.md.
\*
\* Simplifications (also in the documentation's assumptions):
\*  - single-threaded processes, one PID namespace, one terminal;
\*  - pending signals are modelled at init only. Init blocks SIGCHLD and the
\*    adoption signal and reads them synchronously, so they stay pending and
\*    count against its user's RLIMIT_SIGPENDING. Every other process keeps
\*    SIGCHLD at its default disposition, under which Linux discards it when it
\*    is generated (kernel/signal.c: sig_ignored), so it is never pending and
\*    never counts; and every process ignores SIGHUP (as a daemon does before
\*    its second fork), so the SIGHUP a session leader's exit sends to its
\*    terminal's foreground group changes nothing and is discarded too;
\*  - stopped processes and job control are not modelled, so the orphaned
\*    process-group SIGHUP/SIGCONT of exit_notify is left out;
\*  - SIG_IGN / SA_NOCLDWAIT for SIGCHLD are not modelled (no mechanism needs them);
\*  - every process exits with status 0, so an exit status tells init nothing;
\*  - the prctls only set their flag (no PR_SET_* 0), which is all the daemons
\*    in the models do.
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    MaxPid,     \* size of the PID pool: PIDs are 1..MaxPid, 1 is global init
    Services,   \* names of the services init supervises (strings)
    SigLimit,   \* RLIMIT_SIGPENDING of init's user: init's pending SIGCHLD and each queued realtime signal take one
    Outside     \* TRUE: processes outside the model fork and exit, moving alloc_pid's cursor

Pids == 1..MaxPid
InitPid == 1
NoPid == 0                 \* "no process": parent of init, pgid/sid of a free slot, no SIGCHLD pending
InitSvc == "init"          \* lineage tag of init itself and of init's probes
NoSvc == "none"            \* lineage tag of a free slot
ProcStates == {"free", "running", "zombie"}

\* What init asked the kernel for at boot (the variable adoptMode):
\*  "none"      nothing (classic init);
\*  "realtime"  the RFC: prctl(PR_SET_ADOPTSIG, SIGRTMIN), one realtime signal per
\*              adopted child, si_pid = the child, si_status = its previous parent;
\*  "standard"  the same message on a standard signal (SIGUSR1): at most one pending;
\*  "line"      the realtime signal naming the previous parent's line of ancestors;
\*  "keep"      a report kept with each adopted process (its PID and the previous
\*              parent's line of ancestors), collected by a wait-like call, and
\*              SIGCHLD to wake init (a kernel change beyond the RFC).
AdoptModes == {"none", "realtime", "standard", "line", "keep"}

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
    joined,      \* the processes in use but init, in the order they joined their parent's children list
    sigchld,     \* SIGCHLD pending at init: NoPid if none, else its si_pid (the first child that raised it)
    rtq,         \* init's queued adoption signals, oldest first: <<[pid |-> adopted, prev |-> previous parent (, line |-> ...)], ...>>
    adoptMode,   \* what init asked the kernel for at boot (AdoptModes)
    kept,        \* the reports kept: {[pid |-> adopted, line |-> <<previous parent, its parent, ...>>], ...}
    lastAction   \* the step just taken with its parameters (TLC traces do not print parameters)

\* Every kernel variable but lastAction, and all of them.
kstate == <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc,
            danced, lastPid, everUsed, joined, sigchld, rtq, adoptMode, kept>>
kernelVars == <<kstate, lastAction>>

\* A step record: every action fills every field so that records compare.
\*  actor: the calling process; target: the other process (child, reaped zombie,
\*  new reaper, the PID a call returned); dropped: adoption signals lost in this
\*  step; zadopt: a zombie was reparented in this step; reused: the PID handed
\*  out was used before.
Step(name, actor, target, dropped, zadopt, reused) ==
    [name |-> name, actor |-> actor, target |-> target,
     dropped |-> dropped, zadopt |-> zadopt, reused |-> reused]

-----------------------------------------------------------------------------
\* Helpers.
\*
\* In an action, `\E x \in {e} : A` stands for `LET x == e IN A`: TLC evaluates e
\* once there, but a LET definition of an action again at every use of its name
\* (an operator's argument, once).

InUse(p) == pstate[p] # "free"
Running(p) == pstate[p] = "running"
ChildrenOf(p) == {c \in Pids : InUse(c) /\ parent[c] = p}
HasChildren(p) == \E c \in Pids : InUse(c) /\ parent[c] = p   \* ChildrenOf(p) # {}

\* The elements of sequence s that are in S, in order. (SelectSeq is built into
\* TLC; S, an argument, is evaluated once.)
Keep(s, S) == SelectSeq(s, LAMBDA x : x \in S)

\* kernel/fork.c: copy_process adds a child at the tail of its parent's children
\* list; kernel/exit.c: forget_original_parent splices an exiting process's
\* children, in their order, onto the tail of the new reaper's list. So every
\* process's children list is `joined` restricted to its children.
ChildList(p) == Keep(joined, ChildrenOf(p))

\* Init's zombie children in its children list's order: the order in which
\* waitpid(-1, ...) and waitid(P_ALL, ...) find them (kernel/exit.c: do_wait_thread
\* walks the list and takes the first zombie).
InitZombies == Keep(joined, {c \in Pids : pstate[c] = "zombie" /\ parent[c] = InitPid})

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

\* The line of ancestors of p up to init, p first: what a kept report names.
RECURSIVE Line(_, _)
Line(p, n) == IF p = InitPid \/ n = 0 THEN <<>> ELSE <<p>> \o Line(parent[p], n - 1)

\* kernel/signal.c: the signals pending for init's user, as RLIMIT_SIGPENDING
\* counts them (inc_rlimit_get_ucounts in sigqueue_alloc): a pending SIGCHLD
\* and each queued realtime signal take one.
Budget(c, q) == (IF c # NoPid THEN 1 ELSE 0) + Len(q)

\* The adoption message the kernel fills in for child k of the exiting process p.
AdoptMsg(k, p) == IF adoptMode = "line" THEN [pid |-> k, prev |-> p, line |-> Line(p, MaxPid)]
                  ELSE [pid |-> k, prev |-> p]

\* kernel/exit.c: forget_original_parent's loop over the exiting process p's
\* children ks, in their list's order, each moved to the new reaper r. For each:
\* the RFC's adoption signal to init if it asked for one (kernel/signal.c:
\* __send_signal: a realtime signal carrying siginfo is queued while the user's
\* pending signals are under RLIMIT_SIGPENDING and dropped entirely over it; a
\* standard one is discarded while one is pending, legacy_queue), then
\* reparent_leader's SIGCHLD to the new reaper for a child that is already a
\* zombie (a standard signal: it coalesces, and bypasses the limit). In "keep"
\* mode the kernel keeps a report instead (added by Exit) and wakes init with
\* SIGCHLD. acc: [q |-> init's queue, c |-> init's SIGCHLD, d |-> signals dropped].
RECURSIVE Orphan(_, _, _, _)
Orphan(acc, ks, r, p) ==
    IF ks = <<>> THEN acc
    ELSE LET k == Head(ks)
             toInit == r = InitPid
             rt == toInit /\ adoptMode \in {"realtime", "line"}
             std == toInit /\ adoptMode = "standard"
             fits == Budget(acc.c, acc.q) < SigLimit
             q1 == IF rt /\ fits THEN Append(acc.q, AdoptMsg(k, p))
                   ELSE IF std /\ acc.q = <<>> THEN <<AdoptMsg(k, p)>>
                   ELSE acc.q
             lost == (rt /\ ~fits) \/ (std /\ acc.q # <<>>)
             c1 == IF toInit /\ acc.c = NoPid /\ (pstate[k] = "zombie" \/ adoptMode = "keep") THEN k ELSE acc.c
         IN Orphan([q |-> q1, c |-> c1, d |-> acc.d + (IF lost THEN 1 ELSE 0)], Tail(ks), r, p)

-----------------------------------------------------------------------------
\* Initial state: only init runs, session and group leader of 1; adopt says what
\* init asked for at boot (AdoptModes).

KernelInitWith(adopt) ==
    /\ pstate = [p \in Pids |-> IF p = InitPid THEN "running" ELSE "free"]
    /\ parent = [p \in Pids |-> NoPid]
    /\ pgid = [p \in Pids |-> IF p = InitPid THEN InitPid ELSE NoPid]
    /\ sid = [p \in Pids |-> IF p = InitPid THEN InitPid ELSE NoPid]
    /\ ttySession = NoPid
    /\ adoptSig = [p \in Pids |-> p = InitPid /\ adopt \in {"realtime", "standard", "line"}]
    /\ subreaper = [p \in Pids |-> FALSE]
    /\ svc = [p \in Pids |-> IF p = InitPid THEN InitSvc ELSE NoSvc]
    /\ danced = [p \in Pids |-> FALSE]
    /\ lastPid = InitPid
    /\ everUsed = {InitPid}
    /\ joined = <<>>
    /\ sigchld = NoPid
    /\ rtq = <<>>
    /\ adoptMode = adopt
    /\ kept = {}
    /\ lastAction = Step("Boot", InitPid, NoPid, 0, FALSE, FALSE)

KernelInit == KernelInitWith("realtime")

-----------------------------------------------------------------------------
\* Syscalls of the daemons. Each is an operator over the caller (and its
\* argument); the daemon programs in Daemons.tla decide when a process makes
\* which call. An operator is enabled exactly when Linux would succeed; where
\* Linux would return an errno the operator is disabled (the Java kernel returns
\* the errno and leaves the state unchanged).

\* kernel/fork.c: copy_process + alloc_pid. Disabled when no PID is free (EAGAIN).
\* The child inherits pgid, sid (and so the controlling terminal) and the
\* service tag; PR_SET_ADOPTSIG (like pdeath_signal) and the subreaper flag are
\* not inherited; the child starts with no pending signals (not modelled) and
\* joins the tail of its parent's children list.
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
    /\ joined' = Append(joined, c)
    /\ UNCHANGED <<ttySession, sigchld, rtq, adoptMode, kept>>

Fork(p) ==
    /\ Running(p)
    /\ \E c \in {NextPid} :
       /\ c # NoPid
       /\ DoFork(p, c, svc[p])
       /\ lastAction' = Step("Fork", p, c, 0, FALSE, c \in everUsed)

\* kernel/exit.c: do_exit -> exit_notify, one atomic step (under tasklist_lock)
\* in the kernel's order:
\*  1. forget_original_parent: every child, in its list's order, is reparented to
\*     the new reaper, with the RFC's adoption signal (or a kept report) and
\*     reparent_leader's SIGCHLD for a zombie child (Orphan); the children join
\*     the tail of the reaper's list;
\*  2. (orphaned process-group checks: not modelled, see header);
\*  3. the process becomes a zombie;
\*  4. do_notify_parent: SIGCHLD to the parent (si_pid = p) if it is init and no
\*     SIGCHLD is pending there yet (a pending one keeps its first si_pid).
\* A session leader's exit also drops the controlling terminal (disassociate_ctty).
\* Init never exits (global init's exit panics the kernel).
\* Java: Kernel.exit
Exit(p) ==
    /\ p # InitPid
    /\ Running(p)
    /\ \E r \in {NewReaper(p)}, kids \in {ChildrenOf(p)} :
       \E ks \in {Keep(joined, kids)} :   \* ChildList(p)
       \E acc \in {Orphan([q |-> rtq, c |-> sigchld, d |-> 0], ks, r, p)} :
       LET reports == IF r = InitPid /\ adoptMode = "keep" THEN {[pid |-> c, line |-> Line(p, MaxPid)] : c \in kids} ELSE {}
       IN
       /\ parent' = [c \in Pids |-> IF c \in kids THEN r ELSE parent[c]]
       /\ joined' = Keep(joined, Pids \ kids) \o ks
       /\ rtq' = acc.q
       /\ kept' = kept \cup reports
       /\ pstate' = [pstate EXCEPT ![p] = "zombie"]
       /\ sigchld' = IF acc.c = NoPid /\ parent[p] = InitPid THEN p ELSE acc.c
       /\ ttySession' = IF sid[p] = p /\ ttySession = p THEN NoPid ELSE ttySession
       /\ lastAction' = Step("Exit", p, r, acc.d, \E c \in kids : pstate[c] = "zombie", FALSE)
       /\ UNCHANGED <<pgid, sid, adoptSig, subreaper, svc, danced, lastPid, everUsed, adoptMode>>

\* kernel/exit.c: wait_task_zombie: the parent reaps a zombie child, exactly
\* once; the slot and its PID become free (release_task -> free_pid) and it
\* leaves its parent's children list; a report still kept with it goes with it.
\* Java: Kernel.reap
DoReap(c) ==
    /\ pstate' = [pstate EXCEPT ![c] = "free"]
    /\ parent' = [parent EXCEPT ![c] = NoPid]
    /\ pgid' = [pgid EXCEPT ![c] = NoPid]
    /\ sid' = [sid EXCEPT ![c] = NoPid]
    /\ adoptSig' = [adoptSig EXCEPT ![c] = FALSE]
    /\ subreaper' = [subreaper EXCEPT ![c] = FALSE]
    /\ svc' = [svc EXCEPT ![c] = NoSvc]
    /\ danced' = [danced EXCEPT ![c] = FALSE]
    /\ joined' = Keep(joined, Pids \ {c})
    /\ kept' = {m \in kept : m.pid # c}
    /\ UNCHANGED <<ttySession, lastPid, everUsed, sigchld, rtq, adoptMode>>

\* A daemon's wait for a child (its only one in every program that waits).
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
    /\ UNCHANGED <<pstate, parent, ttySession, subreaper, svc, lastPid, everUsed, joined, sigchld, rtq, adoptMode, kept>>

\* fs/exec.c: execve keeps PID, parent, pgid, sid, terminal, subreaper flag and
\* pending signals; the RFC: exec clears PR_SET_ADOPTSIG.
\* Java: Kernel.exec
Exec(p) ==
    /\ Running(p)
    /\ adoptSig' = [adoptSig EXCEPT ![p] = FALSE]
    /\ lastAction' = Step("Exec", p, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, subreaper, svc, danced, lastPid, everUsed, joined, sigchld, rtq, adoptMode, kept>>

\* drivers/tty/tty_jobctrl.c: tty_open_proc_set_tty: open() without O_NOCTTY
\* makes the tty the controlling terminal only for a session leader without one,
\* and only if the tty belongs to no session. Otherwise the open succeeds
\* without acquiring.
\* Java: Kernel.openTty
OpenTty(p) ==
    /\ Running(p)
    /\ ttySession' = IF sid[p] = p /\ ttySession = NoPid THEN p ELSE ttySession
    /\ lastAction' = Step("OpenTty", p, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, adoptSig, subreaper, svc, danced, lastPid, everUsed, joined, sigchld, rtq, adoptMode, kept>>

\* The RFC: prctl(PR_SET_ADOPTSIG, sig). Java: Kernel.prctlSetAdoptsig
PrctlSetAdoptsig(p) ==
    /\ Running(p)
    /\ adoptSig' = [adoptSig EXCEPT ![p] = TRUE]
    /\ lastAction' = Step("PrctlSetAdoptsig", p, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, subreaper, svc, danced, lastPid, everUsed, joined, sigchld, rtq, adoptMode, kept>>

\* kernel/sys.c: prctl(PR_SET_CHILD_SUBREAPER, 1). Java: Kernel.prctlSetChildSubreaper
PrctlSetChildSubreaper(p) ==
    /\ Running(p)
    /\ subreaper' = [subreaper EXCEPT ![p] = TRUE]
    /\ lastAction' = Step("PrctlSetChildSubreaper", p, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, svc, danced, lastPid, everUsed, joined, sigchld, rtq, adoptMode, kept>>

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
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced, everUsed, joined, sigchld, rtq, adoptMode, kept>>

-----------------------------------------------------------------------------
\* Init's syscalls. Each is one step and gives init exactly what Linux returns;
\* the supervisors (Supervisors.tla) say what init does with the result. Where a
\* call can return different things, each result is its own operator, enabled
\* exactly when Linux returns it. `name` is the step's name in traces.

\* fork() by init: the child c (the PID fork returns) runs program tag's first
\* location, as the supervisor decides. Java: Kernel.fork
InitFork(c, tag, name) ==
    /\ DoFork(InitPid, c, tag)
    /\ lastAction' = Step(name, InitPid, c, 0, FALSE, c \in everUsed)

\* sigtimedwait({SIGCHLD}, zero timeout) returns the pending SIGCHLD and its
\* si_pid (the first child that raised it), and SIGCHLD is no longer pending.
\* Java: Kernel.readSigchld
ReadSigchld ==
    /\ sigchld # NoPid
    /\ sigchld' = NoPid
    /\ lastAction' = Step("ReadSigchld", InitPid, sigchld, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced, lastPid, everUsed, joined, rtq, adoptMode, kept>>

\* The same read when no SIGCHLD is pending: EAGAIN, nothing changes.
ReadSigchldEmpty ==
    /\ sigchld = NoPid
    /\ lastAction' = Step("ReadSigchldEmpty", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced, lastPid, everUsed, joined, sigchld, rtq, adoptMode, kept>>

\* sigtimedwait({the adoption signal}, zero timeout) returns the oldest queued
\* adoption signal (realtime signals of one number are dequeued FIFO) with its
\* whole siginfo (si_pid, si_status: sigtimedwait copies every field, whatever
\* layout the kernel chose; a signalfd would not, see the documentation).
\* Java: Kernel.readAdoption
ReadAdoption ==
    /\ rtq # <<>>
    /\ rtq' = Tail(rtq)
    /\ lastAction' = Step("ReadAdoption", InitPid, Head(rtq).pid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced, lastPid, everUsed, joined, sigchld, adoptMode, kept>>

\* The same read with nothing queued: EAGAIN.
ReadAdoptionEmpty ==
    /\ rtq = <<>>
    /\ lastAction' = Step("ReadAdoptionEmpty", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced, lastPid, everUsed, joined, sigchld, rtq, adoptMode, kept>>

\* waitpid(-1, WNOHANG) reaps init's first zombie child in its children list and
\* returns its PID. Java: Kernel.waitAny
WaitAny ==
    \E zs \in {InitZombies} :
       /\ zs # <<>>
       /\ DoReap(Head(zs))
       /\ lastAction' = Step("WaitAny", InitPid, Head(zs), 0, FALSE, FALSE)

\* waitpid(-1, WNOHANG) returns 0: init has children, none a zombie.
WaitAnyNone ==
    /\ InitZombies = <<>>
    /\ HasChildren(InitPid)
    /\ lastAction' = Step("WaitAnyNone", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED kstate

\* waitpid(-1, WNOHANG) fails with ECHILD: init has no children.
WaitAnyEchild ==
    /\ ~HasChildren(InitPid)
    /\ lastAction' = Step("WaitAnyEchild", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED kstate

\* waitpid(c, WNOHANG) reaps c when it is a zombie child of init.
WaitPid(c) ==
    /\ pstate[c] = "zombie" /\ parent[c] = InitPid
    /\ DoReap(c)
    /\ lastAction' = Step("WaitPid", InitPid, c, 0, FALSE, FALSE)

\* waitid(P_ALL, 0, WEXITED | WNOHANG | WNOWAIT) reports init's first zombie child
\* (its PID) and leaves it a zombie. Java: Kernel.peek
Peek ==
    /\ \E zs \in {InitZombies} :
       /\ zs # <<>>
       /\ lastAction' = Step("Peek", InitPid, Head(zs), 0, FALSE, FALSE)
    /\ UNCHANGED kstate

\* The same call returns 0 (init has children, none a zombie) or fails with ECHILD.
PeekNone ==
    /\ InitZombies = <<>>
    /\ HasChildren(InitPid)
    /\ lastAction' = Step("PeekNone", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED kstate
PeekEchild ==
    /\ ~HasChildren(InitPid)
    /\ lastAction' = Step("PeekEchild", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED kstate

\* The wait-like call of "keep" mode returns the report of init's first child
\* (in its children list) that has one, and the report is collected.
\* Java: Kernel.collect
FirstReported == Head(Keep(joined, {m.pid : m \in kept}))
\* The report CollectReport returns (in the state before the step).
NextReport == LET first == FirstReported IN CHOOSE x \in kept : x.pid = first
CollectReport ==
    /\ kept # {}
    /\ \E m \in {NextReport} :
       /\ kept' = kept \ {m}
       /\ lastAction' = Step("CollectReport", InitPid, m.pid, 0, FALSE, FALSE)
    /\ UNCHANGED <<pstate, parent, pgid, sid, ttySession, adoptSig, subreaper, svc, danced, lastPid, everUsed, joined, sigchld, rtq, adoptMode>>

\* The same call with no report kept: EAGAIN.
CollectReportEmpty ==
    /\ kept = {}
    /\ lastAction' = Step("CollectReportEmpty", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED kstate
=============================================================================
