package adoptsig.product;

import adoptsig.conform.Abstraction;
import adoptsig.tlc.TlaValue;
import adoptsig.tlc.Trace;
import adoptsig.tlc.TraceState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a conflict TLC found in spec/Indistinguishability.tla on the Java kernel and daemons:
 * from the Java product's initial state, each next state of the trace must be reached by one
 * of Java's moves (an init step taken in both copies with the same observation, or a step of
 * one copy); then Java must see the same conflict: two behaviours that init cannot tell apart
 * and that demand different answers.
 */
public final class ProductReplay {
    public record Result(boolean replayed, String conflict, String explanation, List<Pair> states) {}

    /** The spec's names of a copy's variables (Kernel.tla and Daemons.tla names -> the product's). */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        String[][] n = {{"pstate", "pstate"}, {"parent", "parent"}, {"pgid", "pgid"}, {"sid", "sid"}, {"ttySession", "tty"},
                {"adoptSig", "adoptSig"}, {"subreaper", "subreaper"}, {"svc", "svc"}, {"danced", "danced"}, {"lastPid", "lastPid"},
                {"everUsed", "everUsed"}, {"chldPending", "chld"}, {"rtq", "rtq"}, {"adoptKeep", "keep"}, {"kept", "kept"},
                {"lastAction", "last"}, {"pc", "pc"}, {"strangersBegun", "begun"}};
        for (String[] x : n) NAMES.put(x[0], x[1]);
    }

    private ProductReplay() {}

    /** A product state as the values TLC prints, variable by variable. */
    public static Map<String, TlaValue> vars(Pair x) {
        Map<String, TlaValue> out = new LinkedHashMap<>();
        copy("l", Abstraction.vars(x.l()), out);
        copy("r", Abstraction.vars(x.r()), out);
        out.put("lchan", chan(x.lchan()));
        out.put("rchan", chan(x.rchan()));
        return out;
    }

    private static void copy(String side, Map<String, TlaValue> w, Map<String, TlaValue> out) {
        for (var e : NAMES.entrySet()) out.put(side + e.getValue(), w.get(e.getKey()));
    }

    private static TlaValue chan(List<Msg> ch) {
        List<TlaValue> items = new ArrayList<>();
        for (Msg m : ch) {
            Map<String, TlaValue> f = new LinkedHashMap<>();
            f.put("pid", new TlaValue.Int(m.pid()));
            if (m.prev() > 0) f.put("prev", new TlaValue.Int(m.prev()));
            if (!m.line().isEmpty()) f.put("line", new TlaValue.Seq(m.line().stream().<TlaValue>map(TlaValue.Int::new).toList()));
            items.add(new TlaValue.Rec(f));
        }
        return items.isEmpty() ? new TlaValue.Seq(List.of()) : new TlaValue.Seq(items);
    }

    /** Whether Java's state x is the trace's state (on every variable but init's `started`, compared by services). */
    static boolean matches(Pair x, Product p, TraceState t) {
        Map<String, TlaValue> j = vars(x);
        for (var e : j.entrySet()) {
            TlaValue want = t.vars().get(e.getKey());
            if (want == null) return false;
            if (e.getKey().endsWith("chan") && !p.setting().iface().queued) {
                if (!new java.util.HashSet<>(want.elements()).equals(new java.util.HashSet<>(e.getValue().elements()))) return false;
            } else if (e.getKey().endsWith("chan") && want.elements().isEmpty() && e.getValue().elements().isEmpty()) {
                continue;                                       // <<>> and {} print alike when empty
            } else if (!want.equals(e.getValue())) {
                return false;
            }
        }
        java.util.Set<String> started = new java.util.HashSet<>();
        for (TlaValue v : t.vars().get("started").elements()) started.add(v.asStr());
        for (String s : p.setting().services()) {
            if (started.contains(s) != ((x.started() & (1 << p.setting().services().indexOf(s))) != 0)) return false;
        }
        return true;
    }

    public static Result replay(Product p, Trace trace) {
        List<Pair> states = new ArrayList<>();
        Pair x = p.init();
        if (!matches(x, p, trace.states().get(0))) return new Result(false, null, "the trace's initial state is not Java's", states);
        states.add(x);
        for (int i = 1; i < trace.states().size(); i++) {
            TraceState want = trace.states().get(i);
            Pair next = null;
            for (Product.Move m : p.moves(x)) if (matches(m.next(), p, want)) { next = m.next(); break; }
            if (next == null) return new Result(false, null, "Java has no move to trace state " + (i + 1), states);
            x = next;
            states.add(x);
        }
        String c = p.conflict(x);
        return new Result(true, c, c == null ? "Java replays the trace but sees no conflict at its end"
                : "Java replays all " + trace.steps() + " steps and sees the conflict: " + c, states);
    }
}
