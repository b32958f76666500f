----------------------------- MODULE MCAdoption -----------------------------
\* The finite models: every model of properties/models.tsv checks this module
\* with a cfg generated from its row (constants, the mechanism's specification
\* and the properties it checks). `java -jar target/adoptsig.jar cfg MODEL`
\* prints one. This module only adds what a cfg cannot say (nothing so far).
EXTENDS Properties
=============================================================================
