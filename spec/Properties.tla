------------------------------ MODULE Properties ------------------------------
\* Every property of properties/catalogue.tsv, under its catalogue id: the type
\* invariants (one per variable or group, so that TLC names the one that broke),
\* the kernel's properties, the supervisors' properties, and the Debug
\* reachability checks. The Java checks of the same ids are in
\* src/main/java/adoptsig/engine/JavaInvariants.java and JavaProperties.java.
\* Each action property is written XProp == [][XAction]_kernelVars on one line,
\* so that `check` can wrap it to be reported once (tlc/ReportOnce.java).
EXTENDS Supervisors

-----------------------------------------------------------------------------
\* Type invariants. TypeInv is their conjunction; a model checks each part
\* separately (the catalogue's `parts` column).

\* The types, as definitions of constants: TLC computes each once, not at every
\* state (the same invariants, evaluated faster).
PidOrNone == Pids \cup {NoPid}
PstateType == [Pids -> ProcStates]
PidMapType == [Pids -> PidOrNone]
FlagType == [Pids -> BOOLEAN]
SvcType == [Pids -> Services \cup Strangers \cup {InitSvc, NoSvc}]
RtqType == Seq([pid : Pids, prev : Pids]) \cup Seq([pid : Pids, prev : Pids, line : Seq(Pids)])
OtherPids == Pids \ {InitPid}    \* every PID but init's
JoinedType == Seq(OtherPids)
KeptType == [pid : Pids, line : Seq(Pids)]
PcType == [Pids -> DaemonPcs \cup ReaperPcs]
PidSetsType == [Services -> SUBSET Pids]
StatusType == [Services -> {"never", "running", "stopped"}]
SupPcs == {"idle", "reaping", "peek", "drain", "reap", "collect", "kill", "probe"}
CarriedType == [svc : Services \cup {NoSvc}, pid : PidOrNone]
PendingType == [pid : Pids, prev : Pids]
PidfileType == [Services -> PidOrNone]
ForksLeftType == [Services -> 0..ExpectForks]

PstateTypeInv == pstate \in PstateType
ParentTypeInv == parent \in PidMapType
PgidTypeInv == pgid \in PidMapType /\ sid \in PidMapType
TtyTypeInv == ttySession \in PidOrNone
FlagsTypeInv == adoptSig \in FlagType /\ subreaper \in FlagType /\ danced \in FlagType
SvcTypeInv == svc \in SvcType
SignalTypeInv == /\ sigchld \in PidOrNone
                 /\ rtq \in RtqType
                 /\ Len(rtq) <= IF adoptMode = "standard" THEN 1 ELSE SigLimit
AllocTypeInv == lastPid \in Pids /\ everUsed \subseteq Pids
\* joined lists every process in use but init, once each.
JoinedTypeInv == /\ joined \in JoinedType
                 /\ {joined[i] : i \in 1..Len(joined)} = {p \in OtherPids : InUse(p)}
                 /\ Len(joined) = Cardinality({p \in OtherPids : InUse(p)})
KeptTypeInv == adoptMode \in AdoptModes /\ kept \subseteq KeptType
PcTypeInv == pc \in PcType
BegunTypeInv == strangersBegun \subseteq Strangers
TrackedTypeInv == tracked \in PidSetsType
GoneTypeInv == gone \in PidSetsType
StatusTypeInv == status \in StatusType
SupPcTypeInv == /\ supPc \in SupPcs
                /\ carried \in CarriedType
PendingTypeInv == pending \subseteq PendingType
PidfileTypeInv == pidfile \in PidfileType
ForksLeftTypeInv == forksLeft \in ForksLeftType

TypeInv ==
    /\ PstateTypeInv /\ ParentTypeInv /\ PgidTypeInv /\ TtyTypeInv /\ FlagsTypeInv
    /\ SvcTypeInv /\ SignalTypeInv /\ AllocTypeInv /\ JoinedTypeInv /\ KeptTypeInv /\ PcTypeInv /\ BegunTypeInv /\ TrackedTypeInv
    /\ GoneTypeInv /\ StatusTypeInv /\ SupPcTypeInv /\ PendingTypeInv /\ PidfileTypeInv
    /\ ForksLeftTypeInv

-----------------------------------------------------------------------------
\* The kernel's properties.

\* Every process in use except init has a running parent (so no zombie has children:
\* wait() can never see a zombie that still has children attached).
LiveParentInv == \A p \in OtherPids : InUse(p) => Running(parent[p])

\* A PID names at most one process: no live process group or session ID, and no
\* terminal's session, names a PID that was handed to a process of another group.
PidNamesOneProcessInv ==
    \A q \in Pids : InUse(q) =>
        /\ (InUse(pgid[q]) => pgid[pgid[q]] = pgid[q])
        /\ (InUse(sid[q]) => sid[sid[q]] = sid[q])

InitNeverExitsInv == pstate[InitPid] = "running"

\* A zombie leaves the table only through a wait by its parent, and a wait
\* takes only a zombie child (so a zombie is reaped exactly once).
ReapNames == {"Reap", "WaitAny", "WaitPid"}
ReapStep == lastAction'.name \in ReapNames
ReapOnceAction ==
    /\ \A c \in Pids : (pstate[c] = "zombie" /\ pstate'[c] = "free") =>
          (ReapStep /\ lastAction'.target = c /\ lastAction'.actor = parent[c])
    /\ ReapStep => pstate[lastAction'.target] = "zombie"
ReapOnceProp == [][ReapOnceAction]_kernelVars

\* A process that has danced (forked by a session leader, no setsid since) never
\* acquires a controlling terminal, whatever it opens.
DancedNeverAcquiresTtyAction ==
    (lastAction'.name = "OpenTty" /\ danced[lastAction'.actor]) => ttySession' = ttySession
DancedNeverAcquiresTtyProp == [][DancedNeverAcquiresTtyAction]_kernelVars

\* Every zombie child of init is eventually reaped.
ZombiesReapedProp ==
    \A p \in Pids : (pstate[p] = "zombie" /\ parent[p] = InitPid) ~> (pstate[p] = "free")

-----------------------------------------------------------------------------
\* The supervisors' properties, judged on what the mechanism believes (Believed).

Lives(s) == \E p \in Pids : Running(p) /\ svc[p] = s

\* Soundness: a PID the supervisor attributes to s that names a process names a
\* process of s (a reused PID that now names another service's process is a violation).
SoundAttributionInv ==
    \A s \in Services : \A p \in Believed(s) : InUse(p) => svc[p] = s

\* Completeness: while any process of a service lives, init reports it running.
RunningReportedInv ==
    \A s \in Services : Lives(s) => status[s] = "running"

\* Init has every notification the kernel has for it: no zombie child to reap,
\* no adoption signal queued, no report kept. (SIGCHLD is only a wake-up: what
\* it tells, a zombie tells too.) A state of the kernel, not something init can
\* test: the properties judge what init believes, and does, at such points.
Drained == InitZombies = <<>> /\ rtq = <<>> /\ kept = {}

\* Completeness, stronger: whenever init has every pending notification
\* (Drained), each service with a running process has at least one running process
\* of its own among the PIDs the supervisor attributes to it: init can name one. A
\* stale PID that keeps the service "running" does not count. (Between an exit and
\* init's reading of its signals, init cannot know yet: that latency is not a violation.)
TracksLiveProcessInv ==
    Drained => \A s \in Services : Lives(s) => \E p \in Believed(s) : Running(p) /\ svc[p] = s

\* Detection: once no process of a spawned service lives, init eventually
\* reports it stopped.
StoppedDetectedProp ==
    \A s \in Services : [](status[s] # "never" /\ ~Lives(s) => <>(status[s] = "stopped"))

\* Init reads what the kernel tells it: again and again it has every
\* notification (Drained), so no zombie, adoption signal or report waits for
\* ever (and TracksLiveProcessInv cannot be dodged by leaving one unread).
NotificationsReadProp == []<>Drained

-----------------------------------------------------------------------------
\* Reachability checks, meant to fail where a model claims the situation.
DebugPidReuseAction == ~lastAction'.reused
DebugPidReuseProp == [][DebugPidReuseAction]_kernelVars
DebugQueueOverflowAction == lastAction'.dropped = 0
DebugQueueOverflowProp == [][DebugQueueOverflowAction]_kernelVars
DebugZombieAdoptedAction == ~lastAction'.zadopt
DebugZombieAdoptedProp == [][DebugZombieAdoptedAction]_kernelVars
=============================================================================
