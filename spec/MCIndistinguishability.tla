------------------------ MODULE MCIndistinguishability ------------------------
\* The finite models of the indistinguishability check: a cfg generated for each
\* (idiom, interface, world) gives the constants; this module adds nothing yet.
EXTENDS Indistinguishability
=============================================================================
