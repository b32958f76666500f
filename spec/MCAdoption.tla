----------------------------- MODULE MCAdoption -----------------------------
\* The finite models of Adoption: the constants are given in each
\* MCAdoption*.cfg; this module only adds what a cfg cannot say.
EXTENDS Adoption
=============================================================================
