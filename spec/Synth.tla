------------------------------- MODULE Synth -------------------------------
\* A supervisor synthesized by the belief game (src/main/java/adoptsig/game),
\* given as a table: a machine whose states are numbered from 0. In state n, init
\* makes the call Table.states[n].call (with argument .svc or .pid) and answers
\* .believed (the PIDs it attributes to each service, kept in tracked) and
\* .stopped / .started (what it reports, kept in status); the call's result r, a
\* number (Code), picks the next state .next[r]. `answer --tlc` writes a module
\* that defines the table and checks this specification with every catalogued
\* property, as any hand-written supervisor. Java twin: the table as
\* StrategyCheck plays it.
EXTENDS Properties, Integers

CONSTANT Table   \* [mode |-> what init asks the kernel for at boot, states |-> <<[call, svc, pid, believed, stopped, started, next], ...>>]

VARIABLE node    \* the machine's state

synthVars == <<vars, node>>

EAGAIN == -1
ECHILD == -2

\* What the table's results are: a PID, 0, EAGAIN or ECHILD as themselves; a
\* message or report packed (3 bits per PID: its pid, its previous parent, the
\* length of its line and the line); SIGCHLD in one read of both signals flagged.
RECURSIVE PackLine(_, _)
PackLine(l, k) == IF l = <<>> THEN 0 ELSE Head(l) * (2 ^ (9 + 3 * k)) + PackLine(Tail(l), k + 1)
MsgCode(pid, prev, line) == pid + 8 * prev + 64 * Len(line) + PackLine(line, 0) + 2 ^ 29
SigchldFlag == 2 ^ 30

Here == Table.states[node + 1]

\* The answers of machine state n, in init's variables.
Answers(n) ==
    /\ tracked' = [s \in Services |-> Table.states[n + 1].believed[s]]
    /\ status' = [s \in Services |-> IF s \notin Table.states[n + 1].started THEN "never"
                                     ELSE IF s \in Table.states[n + 1].stopped THEN "stopped" ELSE "running"]

\* The call returned r: the next machine state and its answers.
Go(r) == LET n == Here.next[r] IN node' = n /\ Answers(n)

Unmoved == UNCHANGED <<pc, strangersBegun, gone, supPc, carried, pending, pidfile, forksLeft>>

\* What init sees of a queued adoption signal and of a kept report, by interface.
SeenOf(m) == CASE Table.iface = "rfcNoStatus" -> MsgCode(m.pid, 0, <<>>)
               [] Table.iface = "rfcLine" -> MsgCode(m.pid, m.prev, m.line)
               [] OTHER -> MsgCode(m.pid, m.prev, <<>>)
SeenReport(m) == IF Table.iface = "waitLine" THEN MsgCode(m.pid, 0, m.line) ELSE MsgCode(m.pid, m.line[1], <<>>)

SynthSpawn ==
    /\ Here.call = "Spawn" /\ supPc = "idle"
    /\ IF NextPid = NoPid
       THEN /\ lastAction' = Step("Spawn", InitPid, NoPid, 0, FALSE, FALSE) /\ UNCHANGED <<kstate, pc>> /\ Go(EAGAIN)
       ELSE LET c == NextPid IN
            /\ InitFork(c, Here.svc, "Spawn") /\ pc' = [pc EXCEPT ![c] = FirstPc] /\ Go(c)
    /\ UNCHANGED <<strangersBegun, gone, supPc, carried, pending, pidfile, forksLeft>>

\* A probe: fork() of a child that exits at once; init then waits for it (supPc "probe").
SynthProbe ==
    /\ Here.call = "Probe" /\ supPc = "idle"
    /\ IF NextPid = NoPid
       THEN /\ lastAction' = Step("Probe", InitPid, NoPid, 0, FALSE, FALSE) /\ UNCHANGED <<kstate, pc, supPc, carried>> /\ Go(EAGAIN)
       ELSE /\ InitProbe /\ supPc' = "probe" /\ carried' = [svc |-> NoSvc, pid |-> NextPid] /\ Go(NextPid)
    /\ UNCHANGED <<gone, pending, pidfile, forksLeft, strangersBegun>>

\* waitpid(c, 0) for the probe child returns once it has exited.
SynthProbeWait ==
    /\ supPc = "probe"
    /\ WaitPid(carried.pid)
    /\ pc' = [pc EXCEPT ![carried.pid] = "none"]
    /\ supPc' = "idle" /\ carried' = NoCarry
    /\ Go(carried.pid)
    /\ UNCHANGED <<strangersBegun, gone, pending, pidfile, forksLeft>>

SynthReadSigchld ==
    /\ Here.call = "ReadSigchld" /\ supPc = "idle"
    /\ \/ ReadSigchld /\ Go(sigchld)
       \/ ReadSigchldEmpty /\ Go(EAGAIN)
    /\ Unmoved

SynthReadAdoption ==
    /\ Here.call = "ReadAdoption" /\ supPc = "idle"
    /\ \/ ReadAdoption /\ Go(SeenOf(Head(rtq)))
       \/ ReadAdoptionEmpty /\ Go(EAGAIN)
    /\ Unmoved

\* One read of both signals: the lower-numbered pending one (SIGCHLD before a
\* realtime signal; a standard adoption signal, numbered lower, before SIGCHLD).
SynthReadAny ==
    /\ Here.call = "ReadAny" /\ supPc = "idle"
    /\ LET chldFirst == adoptMode # "standard" \/ rtq = <<>> IN
       \/ sigchld # NoPid /\ chldFirst /\ ReadSigchld /\ Go(SigchldFlag + sigchld)
       \/ rtq # <<>> /\ (sigchld = NoPid \/ ~chldFirst) /\ ReadAdoption /\ Go(SeenOf(Head(rtq)))
       \/ sigchld = NoPid /\ rtq = <<>> /\ ReadAdoptionEmpty /\ Go(EAGAIN)
    /\ Unmoved

SynthCollect ==
    /\ Here.call = "CollectReport" /\ supPc = "idle"
    /\ \/ CollectReport /\ Go(SeenReport(NextReport))
       \/ CollectReportEmpty /\ Go(EAGAIN)
    /\ Unmoved

SynthWaitAny ==
    /\ Here.call = "WaitAny" /\ supPc = "idle"
    /\ \/ WaitAny /\ pc' = [pc EXCEPT ![lastAction'.target] = "none"] /\ Go(lastAction'.target)
       \/ WaitAnyNone /\ UNCHANGED pc /\ Go(0)
       \/ WaitAnyEchild /\ UNCHANGED pc /\ Go(ECHILD)
    /\ UNCHANGED <<strangersBegun, gone, supPc, carried, pending, pidfile, forksLeft>>

SynthWaitPid ==
    /\ Here.call = "WaitPid" /\ supPc = "idle"
    /\ LET c == Here.pid IN
       \/ WaitPid(c) /\ pc' = [pc EXCEPT ![c] = "none"] /\ Go(c)
       \/ InUse(c) /\ parent[c] = InitPid /\ pstate[c] = "running"
          /\ lastAction' = Step("WaitPidNone", InitPid, c, 0, FALSE, FALSE) /\ UNCHANGED <<kstate, pc>> /\ Go(0)
       \/ ~(InUse(c) /\ parent[c] = InitPid)
          /\ lastAction' = Step("WaitPidEchild", InitPid, c, 0, FALSE, FALSE) /\ UNCHANGED <<kstate, pc>> /\ Go(ECHILD)
    /\ UNCHANGED <<strangersBegun, gone, supPc, carried, pending, pidfile, forksLeft>>

SynthPeek ==
    /\ Here.call = "Peek" /\ supPc = "idle"
    /\ \/ Peek /\ Go(lastAction'.target)
       \/ PeekNone /\ Go(0)
       \/ PeekEchild /\ Go(ECHILD)
    /\ Unmoved

SynthInit == InitWith(Table.mode) /\ node = 0

SynthStep ==
    \/ SynthSpawn \/ SynthProbe \/ SynthProbeWait \/ SynthReadSigchld \/ SynthReadAdoption \/ SynthReadAny
    \/ SynthCollect \/ SynthWaitAny \/ SynthWaitPid \/ SynthPeek

SynthNext ==
    \/ SynthStep
    \/ \E p \in Pids : Unseen(p) /\ UNCHANGED node
    \/ Elsewhere /\ UNCHANGED node

\* Init's machine runs whenever it can (its calls are always enabled, but the
\* wait for a probe child); the daemons as in Supervisors.tla.
SynthSpec == SynthInit /\ [][SynthNext]_synthVars /\ WF_synthVars(SynthStep)
    /\ SF_synthVars(\E p \in Pids : svc[p] # InitSvc /\ DaemonFairStep(p) /\ UNCHANGED supVars /\ UNCHANGED node)
    /\ SF_synthVars(\E p \in Pids : svc[p] = InitSvc /\ DaemonFairStep(p) /\ UNCHANGED supVars /\ UNCHANGED node)

\* The machine's state is one of the table's.
NodeTypeInv == node \in 0..(Len(Table.states) - 1)
=============================================================================
