package adoptsig.kernel;

/** The step just taken (spec: lastAction), with the same fields and action names as the spec. */
public record Step(String name, int actor, int target, int dropped, boolean zadopt, boolean reused) {
    public static Step of(String name, int actor, int target) { return new Step(name, actor, target, 0, false, false); }
}
