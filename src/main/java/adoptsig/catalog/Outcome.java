package adoptsig.catalog;

/**
 * One property's outcome in one model: the verdict, and for a violated safety property the
 * number of steps of its shortest counterexample (-1 when not recorded: a property that holds,
 * or a temporal property, whose lasso is neither shortest nor stable).
 */
public record Outcome(Expected expected, int steps) {
    /** As the record says it: "holds", "violated", "violated in 12 steps". */
    public String text() { return expected.word() + (steps >= 0 ? " in " + steps + " steps" : ""); }
}
