package adoptsig.tlc;

import adoptsig.system.World;

import java.util.List;

/**
 * A path of Java worlds written as TLC writes a counterexample (state blocks of "/\ var = value"
 * lines, with the spec's variable names and values), so that the Java engine's counterexamples
 * are read, told and replayed by the same code as TLC's.
 */
public final class TraceText {
    private TraceText() {}

    public static String of(List<World> path) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            var vars = Abstraction.vars(path.get(i));
            b.append(i + 1).append(": <").append(i == 0 ? "Initial predicate" : Abstraction.stepOf(vars) + " (Java engine)").append(">\n");
            for (var e : vars.entrySet()) b.append("/\\ ").append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
            b.append('\n');
        }
        return b.toString();
    }
}
