---------------------------- MODULE Count ----------------------------
\* A spec that keeps TLC busy for minutes (TlcRunnerTest stops it at a time limit).
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\ y = 0
Next == \/ x < 100000 /\ x' = x + 1 /\ y' = y
        \/ y < 1000 /\ y' = y + 1 /\ x' = x
Spec == Init /\ [][Next]_<<x, y>>
=============================================================================
