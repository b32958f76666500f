------------------------- MODULE Indistinguishability -------------------------
\* Can *any* supervisor on a given kernel interface be correct? Two copies L and
\* R of the kernel and the daemons run side by side (self-composition, as in
\* Lamport and Schneider, "Verifying Hyperproperties With TLA", CSF 2021). The
\* daemons of each copy move freely; init's steps are taken by both copies at
\* once and must give init the same observation in both: the PID its fork
\* returned, what a read of its signalfds returned, what waitpid(-1, WNOHANG)
\* returned. So every behaviour of this module is a pair of behaviours that init
\* cannot tell apart, whatever it does with what it sees; and init may take its
\* steps in any order, so every supervisor strategy on the interface is covered.
\*
\* NoConflictInv: at every point where init has read everything (nothing
\* pending in either copy, and waitpid(-1, WNOHANG) would say the same in both),
\* the two copies must not demand different answers of a correct supervisor:
\*  - a service that runs in both has a PID that is a running process of it in
\*    both (the supervisor must name one: TracksLiveProcessInv), and
\*  - once every service is started (init can learn nothing more from forking),
\*    a service runs in both or in neither (the supervisor must report it
\*    running in one and, eventually, stopped in the other: RunningReportedInv,
\*    StoppedDetectedProp).
\* A violation is two behaviours no supervisor can tell apart that demand
\* different answers. Whether the environment can *force* one against every
\* supervisor is a game on this module's graph, decided in Java
\* (src/main/java/adoptsig/product/Game.java).
\*
\* The interfaces (constant Interface): what init is told when a process is
\* reparented to it, and how:
\*  "classic"     nothing (SIGCHLD and waitpid only);
\*  "rfc"         the RFC's adoption signal: a realtime signal per adopted child,
\*                si_pid = the child, si_status = its previous parent, queued FIFO
\*                up to RtLimit and dropped beyond it;
\*  "rfcStd"      the same message as a standard signal: at most one pending (RtLimit = 1);
\*  "rfcNoStatus" the RFC's signal with si_status hidden (si_pid only);
\*  "rfcLine"     the RFC's signal carrying the previous parent's line of ancestors
\*                (previous parent, its parent, ... up to init), queued like "rfc";
\*  "waitPrev"    the RFC's message (si_pid, previous parent), reported the way the
\*                kernel reports zombies (see "waitLine");
\*  "waitLine"    the line of ancestors, reported the way the kernel reports zombies:
\*                kept with the adopted process until init collects it (with a
\*                wait-like call), so it is never lost (SIGCHLD-like wake-up); it
\*                goes with the process if init reaps the process first.
\* Init reads SIGCHLD and the adoption channel independently (two signalfds with
\* different masks), in any order it likes.
\*
\* Open world: with Strangers, processes that init did not start (a daemon
\* started from a login shell) run the same idiom as init's services, and start
\* again whenever none of theirs is left; their orphans are adopted by init too,
\* and their PIDs are reused like any other.
\*
\* Java twin: src/main/java/adoptsig/product/Product.java.
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    MaxPid, RtLimit, Idiom, DanceSync, Workers, Outside,   \* as in the supervised models
    Services,    \* the services init starts (supervised)
    Strangers,   \* daemons init did not start (open world; {} for a closed world)
    Interface    \* "classic", "rfc", "rfcStd", "rfcNoStatus", "rfcLine", "waitPrev" or "waitLine"

Interfaces == {"classic", "rfc", "rfcStd", "rfcNoStatus", "rfcLine", "waitPrev", "waitLine"}
ASSUME Interface \in Interfaces
ASSUME Interface = "rfcStd" => RtLimit = 1
ASSUME Services \cap Strangers = {}

VARIABLES
    lpstate, lparent, lpgid, lsid, ltty, ladoptSig, lsubreaper, lsvc, ldanced, llastPid,
    leverUsed, lchld, lrtq, lkeep, lkept, llast, lpc, lbegun,   \* copy L: the kernel's and the daemons' variables
    rpstate, rparent, rpgid, rsid, rtty, radoptSig, rsubreaper, rsvc, rdanced, rlastPid,
    reverUsed, rchld, rrtq, rkeep, rkept, rlast, rpc, rbegun,   \* copy R
    lchan,       \* L's adoption channel: the messages init has not read (a sequence, or a set when kept with the processes)
    rchan,       \* R's adoption channel
    started      \* the services init has started (init's own memory: the same in both copies)

L == INSTANCE Daemons WITH pstate <- lpstate, parent <- lparent, pgid <- lpgid, sid <- lsid,
        ttySession <- ltty, adoptSig <- ladoptSig, subreaper <- lsubreaper, svc <- lsvc,
        danced <- ldanced, lastPid <- llastPid, everUsed <- leverUsed, chldPending <- lchld,
        rtq <- lrtq, adoptKeep <- lkeep, kept <- lkept, lastAction <- llast, pc <- lpc, strangersBegun <- lbegun
R == INSTANCE Daemons WITH pstate <- rpstate, parent <- rparent, pgid <- rpgid, sid <- rsid,
        ttySession <- rtty, adoptSig <- radoptSig, subreaper <- rsubreaper, svc <- rsvc,
        danced <- rdanced, lastPid <- rlastPid, everUsed <- reverUsed, chldPending <- rchld,
        rtq <- rrtq, adoptKeep <- rkeep, kept <- rkept, lastAction <- rlast, pc <- rpc, strangersBegun <- rbegun

lvars == <<lpstate, lparent, lpgid, lsid, ltty, ladoptSig, lsubreaper, lsvc, ldanced, llastPid, leverUsed, lchld, lrtq, lkeep, lkept, llast, lpc, lbegun>>
rvars == <<rpstate, rparent, rpgid, rsid, rtty, radoptSig, rsubreaper, rsvc, rdanced, rlastPid, reverUsed, rchld, rrtq, rkeep, rkept, rlast, rpc, rbegun>>
vars == <<lvars, rvars, lchan, rchan, started>>

Pids == 1..MaxPid
InitPid == 1
NoPid == 0
Queued == Interface \notin {"waitPrev", "waitLine"}     \* the channel is a bounded queue (else: kept with each process)
Empty == IF Queued THEN <<>> ELSE {}
Messages(ch) == IF Queued THEN {ch[i] : i \in 1..Len(ch)} ELSE ch

-----------------------------------------------------------------------------
\* What init is told of an adoption, by interface, from the state in which the
\* previous parent p exits (the kernel fills in the message then).

\* p's line of ancestors up to init (p first), in a copy with parent function par.
RECURSIVE Line(_, _, _)
Line(p, par, n) == IF p = InitPid \/ n = 0 THEN <<>> ELSE <<p>> \o Line(par[p], par, n - 1)

Msg(c, p, par) ==
    CASE Interface = "rfcNoStatus" -> [pid |-> c]
      [] Interface \in {"rfcLine", "waitLine"} -> [pid |-> c, line |-> Line(p, par, MaxPid)]
      [] OTHER -> [pid |-> c, prev |-> p]

\* The messages of one exit step of copy X (pre-state pst, par; step st): one
\* per child of the exiting process when its new reaper is init, in ascending PID order.
Msgs(pst, par, st) ==
    IF Interface = "classic" \/ st.name # "Exit" \/ st.target # InitPid THEN <<>>
    ELSE LET kids == {c \in Pids : pst[c] # "free" /\ par[c] = st.actor}
             sorted == L!Ascending(kids)
         IN [i \in 1..Len(sorted) |-> Msg(sorted[i], st.actor, par)]

\* The channel once init has reaped c: a report kept with a process goes with it;
\* a queued signal stays. Java: Product.released
Released(ch, c) == IF Queued THEN ch ELSE {m \in ch : m.pid # c}

\* The channel after messages ms arrive: a queue keeps them up to RtLimit and
\* drops the rest (kernel/signal.c: __send_signal); "waitLine" keeps every one.
Deliver(ch, ms) == IF Queued THEN L!Enqueue(ch, ms) ELSE ch \cup {ms[i] : i \in 1..Len(ms)}

-----------------------------------------------------------------------------
Init ==
    /\ L!KernelInitWith("none") /\ L!DaemonsInit
    /\ R!KernelInitWith("none") /\ R!DaemonsInit
    /\ lchan = Empty /\ rchan = Empty
    /\ started = {}

\* The environment: a daemon step in one copy (the messages it makes are
\* delivered to that copy's channel), a stranger starting (open world), or
\* processes outside the model moving the PID cursor.
LStep(p) ==
    /\ L!DaemonStep(p)
    /\ lchan' = Deliver(lchan, Msgs(lpstate, lparent, llast'))
    /\ UNCHANGED <<rvars, rchan, started>>
RStep(p) ==
    /\ R!DaemonStep(p)
    /\ rchan' = Deliver(rchan, Msgs(rpstate, rparent, rlast'))
    /\ UNCHANGED <<lvars, lchan, started>>
LOutside(q) == L!OutsideFork(q) /\ UNCHANGED <<lpc, lbegun, rvars, lchan, rchan, started>>
ROutside(q) == R!OutsideFork(q) /\ UNCHANGED <<rpc, rbegun, lvars, lchan, rchan, started>>

\* A stranger starts in one copy (Daemons.tla: StrangerStart); init is not told.
LStranger(x) == L!StrangerStart(x) /\ lchan' = lchan /\ UNCHANGED <<rvars, rchan, started>>
RStranger(x) == R!StrangerStart(x) /\ rchan' = rchan /\ UNCHANGED <<lvars, lchan, started>>

-----------------------------------------------------------------------------
\* Init: every step is taken in both copies and gives the same observation.

\* fork() returns the same PID in both.
Spawn(s) ==
    /\ s \in Services \ started
    /\ L!NextPid # NoPid
    /\ L!NextPid = R!NextPid
    /\ LET c == L!NextPid IN
       /\ L!DoFork(InitPid, c, s)
       /\ R!DoFork(InitPid, c, s)
       /\ llast' = L!Step("Spawn", InitPid, c, 0, FALSE, c \in leverUsed)
       /\ rlast' = R!Step("Spawn", InitPid, c, 0, FALSE, c \in reverUsed)
       /\ lpc' = [lpc EXCEPT ![c] = L!FirstPc]
       /\ rpc' = [rpc EXCEPT ![c] = R!FirstPc]
    /\ started' = started \cup {s}
    /\ UNCHANGED <<lchan, rchan, lbegun, rbegun>>

\* A read of the SIGCHLD signalfd returns SIGCHLD in both.
ReadSigchld ==
    /\ lchld /\ rchld
    /\ lchld' = FALSE /\ rchld' = FALSE
    /\ llast' = L!Step("ReadSigchld", InitPid, NoPid, 0, FALSE, FALSE)
    /\ rlast' = R!Step("ReadSigchld", InitPid, NoPid, 0, FALSE, FALSE)
    /\ UNCHANGED <<lpstate, lparent, lpgid, lsid, ltty, ladoptSig, lsubreaper, lsvc, ldanced, llastPid, leverUsed, lrtq, lkeep, lkept, lpc, lbegun,
                   rpstate, rparent, rpgid, rsid, rtty, radoptSig, rsubreaper, rsvc, rdanced, rlastPid, reverUsed, rrtq, rkeep, rkept, rpc, rbegun,
                   lchan, rchan, started>>

\* A read of the adoption channel returns the same message m in both: the oldest
\* of a queue, or (waitLine) one that the kernel chooses among those kept.
ReadAdoption(m) ==
    /\ Interface # "classic"
    /\ IF Queued THEN lchan # <<>> /\ rchan # <<>> /\ m = Head(lchan) /\ m = Head(rchan)
                 ELSE m \in lchan /\ m \in rchan
    /\ lchan' = IF Queued THEN Tail(lchan) ELSE lchan \ {m}
    /\ rchan' = IF Queued THEN Tail(rchan) ELSE rchan \ {m}
    /\ llast' = L!Step("ReadAdoption", InitPid, m.pid, 0, FALSE, FALSE)
    /\ rlast' = R!Step("ReadAdoption", InitPid, m.pid, 0, FALSE, FALSE)
    /\ UNCHANGED <<lpstate, lparent, lpgid, lsid, ltty, ladoptSig, lsubreaper, lsvc, ldanced, llastPid, leverUsed, lchld, lrtq, lkeep, lkept, lpc, lbegun,
                   rpstate, rparent, rpgid, rsid, rtty, radoptSig, rsubreaper, rsvc, rdanced, rlastPid, reverUsed, rchld, rrtq, rkeep, rkept, rpc, rbegun,
                   started>>

\* waitpid(-1, WNOHANG) reaps the same zombie child c in both (the kernel
\* chooses among init's zombie children; the model lets it choose any).
WaitNohang(c) ==
    /\ lpstate[c] = "zombie" /\ lparent[c] = InitPid
    /\ rpstate[c] = "zombie" /\ rparent[c] = InitPid
    /\ L!DoReap(c) /\ R!DoReap(c)
    /\ llast' = L!Step("WaitNohang", InitPid, c, 0, FALSE, FALSE)
    /\ rlast' = R!Step("WaitNohang", InitPid, c, 0, FALSE, FALSE)
    /\ lpc' = [lpc EXCEPT ![c] = "none"]
    /\ rpc' = [rpc EXCEPT ![c] = "none"]
    /\ lchan' = Released(lchan, c)
    /\ rchan' = Released(rchan, c)
    /\ UNCHANGED <<started, lbegun, rbegun>>

InitStep ==
    \/ \E s \in Services : Spawn(s)
    \/ ReadSigchld
    \/ \E m \in Messages(lchan) : ReadAdoption(m)
    \/ \E c \in Pids : WaitNohang(c)

EnvStep ==
    \/ \E p \in Pids : LStep(p) \/ RStep(p)
    \/ \E x \in Strangers : LStranger(x) \/ RStranger(x)
    \/ \E q \in Pids : LOutside(q) \/ ROutside(q)

Next == InitStep \/ EnvStep
Spec == Init /\ [][Next]_vars

\* What no step, observation or conflict depends on is left out of a state's
\* identity (the cfg's VIEW): the ghosts lastAction, everUsed and danced; and the
\* two copies are unordered (swapping L and R maps every behaviour pair onto
\* another). Java: Game.fingerprint
LView == <<lpstate, lparent, lpgid, lsid, ltty, ladoptSig, lsubreaper, lsvc, llastPid, lchld, lrtq, lkeep, lkept, lpc, lbegun, lchan>>
RView == <<rpstate, rparent, rpgid, rsid, rtty, radoptSig, rsubreaper, rsvc, rlastPid, rchld, rrtq, rkeep, rkept, rpc, rbegun, rchan>>
View == <<{LView, RView}, started>>

-----------------------------------------------------------------------------
\* Init has read everything: nothing pending in either copy, and
\* waitpid(-1, WNOHANG) would return the same (0 or ECHILD) in both.
Quiet(chld, ch, pst, par) == ~chld /\ ch = Empty /\ \A c \in Pids : ~(pst[c] = "zombie" /\ par[c] = InitPid)
HasChildren(pst, par) == \E c \in Pids : pst[c] # "free" /\ par[c] = InitPid
SameView ==
    /\ Quiet(lchld, lchan, lpstate, lparent)
    /\ Quiet(rchld, rchan, rpstate, rparent)
    /\ HasChildren(lpstate, lparent) = HasChildren(rpstate, rparent)

RunningOf(pst, sv, p, s) == pst[p] = "running" /\ sv[p] = s
LLives(s) == \E p \in Pids : RunningOf(lpstate, lsvc, p, s)
RLives(s) == \E p \in Pids : RunningOf(rpstate, rsvc, p, s)

\* A service running in both has a running process under the same PID in both.
CommonNameInv ==
    SameView => \A s \in Services :
        (LLives(s) /\ RLives(s)) => \E p \in Pids : RunningOf(lpstate, lsvc, p, s) /\ RunningOf(rpstate, rsvc, p, s)

\* Once every service is started, a service runs in both or in neither.
SameLivenessInv ==
    (SameView /\ Services \subseteq started) => \A s \in Services : LLives(s) = RLives(s)

NoConflictInv == CommonNameInv /\ SameLivenessInv
=============================================================================
