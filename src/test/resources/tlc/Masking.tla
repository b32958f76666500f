---------------------------- MODULE Masking ----------------------------
\* A tiny spec on which TLC's -continue shows how it reports violations (ContinuedRunTest):
\* the state (2, 0) violates InvA, InvB and InvD at once, and the step into it violates ActA and
\* ActB at once; TLC reports only the first property its cfg lists there. Breadth-first:
\* (0,0); (1,0); (2,0) (1,1); (3,0) (2,1); (4,0) (3,1); (4,1).
EXTENDS Naturals
VARIABLES x, y
vars == <<x, y>>
Init == x = 0 /\ y = 0
\* count up to 4; once, at x = 1, a side step sets y
Next == \/ x < 4 /\ x' = x + 1 /\ y' = y
        \/ x = 1 /\ y = 0 /\ y' = 1 /\ x' = x
Spec == Init /\ [][Next]_vars
InvA == x # 2                                          \* violated at (2,0) (depth 2) and (2,1)
InvB == ~(x = 2 /\ y = 0) /\ ~(x = 3 /\ y = 1)         \* violated at (2,0) (depth 2) and (3,1) (depth 4)
InvC == x < 10                                         \* holds
InvD == x # 2 \/ y # 0                                 \* violated at (2,0) only
InvE == ~(x = 2 /\ y = 0) /\ ~(x = 1 /\ y = 1)         \* violated at (2,0) and (1,1), both at depth 2
StepA == x' # 2
ActA == [][StepA]_vars                                 \* violated by the steps into (2,0) and (2,1)
StepB == ~(x' = 2 /\ y' = 0) /\ ~(x' = 3 /\ y' = 1)
ActB == [][StepB]_vars                                 \* by the steps into (2,0) and (3,1)
=============================================================================
