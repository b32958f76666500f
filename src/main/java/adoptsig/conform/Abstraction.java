package adoptsig.conform;

import adoptsig.kernel.Adoption;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.kernel.Step;
import adoptsig.supervisor.World;
import adoptsig.tlc.TlaValue;
import adoptsig.tlc.TlaValue.Bool;
import adoptsig.tlc.TlaValue.Int;
import adoptsig.tlc.TlaValue.Rec;
import adoptsig.tlc.TlaValue.Seq;
import adoptsig.tlc.TlaValue.Str;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The abstraction function of docs/MAPPING.md: a Java world as the spec state it stands for,
 * variable by variable, in the values TLC prints. Two worlds are the same spec state exactly
 * when their abstractions are equal.
 */
public final class Abstraction {
    private Abstraction() {}

    public static Map<String, TlaValue> of(World w) {
        KernelState k = w.kernel();
        Map<String, TlaValue> m = new LinkedHashMap<>();
        m.put("pstate", perPid(k, p -> new Str(p.state().tla)));
        m.put("parent", perPid(k, p -> new Int(p.parent())));
        m.put("pgid", perPid(k, p -> new Int(p.pgid())));
        m.put("sid", perPid(k, p -> new Int(p.sid())));
        m.put("ttySession", new Int(k.ttySession()));
        m.put("adoptSig", perPid(k, p -> new Bool(p.adoptSig())));
        m.put("subreaper", perPid(k, p -> new Bool(p.subreaper())));
        m.put("svc", perPid(k, p -> new Str(p.svc())));
        m.put("danced", perPid(k, p -> new Bool(p.danced())));
        m.put("lastPid", new Int(k.lastPid()));
        List<TlaValue> used = new ArrayList<>();
        for (int p = 1; p <= k.maxPid(); p++) if (k.used(p)) used.add(new Int(p));
        m.put("everUsed", new TlaValue.Set(used));
        m.put("chldPending", new Bool(k.chldPending()));
        List<TlaValue> q = new ArrayList<>();
        for (Adoption a : k.rtq()) q.add(new Rec(Map.of("pid", new Int(a.pid()), "prev", new Int(a.prev()))));
        m.put("rtq", new Seq(q));
        Step s = k.lastAction();
        Map<String, TlaValue> step = new LinkedHashMap<>();
        step.put("name", new Str(s.name()));
        step.put("actor", new Int(s.actor()));
        step.put("target", new Int(s.target()));
        step.put("dropped", new Int(s.dropped()));
        step.put("zadopt", new Bool(s.zadopt()));
        step.put("reused", new Bool(s.reused()));
        m.put("lastAction", new Rec(step));
        m.put("pc", new Seq(w.pc().stream().<TlaValue>map(Str::new).toList()));
        m.put("tracked", sets(w.tracked()));
        m.put("gone", sets(w.gone()));
        Map<String, TlaValue> status = new LinkedHashMap<>();
        new java.util.TreeMap<>(w.status()).forEach((svc, v) -> status.put(svc, new Str(v)));
        m.put("status", new Rec(status));
        m.put("supPc", new Str(w.supPc()));
        List<TlaValue> pend = new ArrayList<>();
        for (Adoption a : w.pending()) pend.add(new Rec(Map.of("pid", new Int(a.pid()), "prev", new Int(a.prev()))));
        m.put("pending", new TlaValue.Set(pend));
        m.put("pidfile", ints(w.pidfile()));
        m.put("forksLeft", ints(w.forksLeft()));
        return m;
    }

    private static TlaValue perPid(KernelState k, Function<Proc, TlaValue> f) {
        return new Seq(k.procs().stream().map(f).toList());
    }

    private static TlaValue ints(Map<String, Integer> m) {
        Map<String, TlaValue> r = new LinkedHashMap<>();
        new java.util.TreeMap<>(m).forEach((svc, n) -> r.put(svc, new Int(n)));
        return new Rec(r);
    }

    private static TlaValue sets(Map<String, Long> m) {
        Map<String, TlaValue> r = new LinkedHashMap<>();
        new java.util.TreeMap<>(m).forEach((svc, set) -> {
            List<TlaValue> pids = new ArrayList<>();
            for (int p = 0; p < 63; p++) if (World.has(set, p)) pids.add(new Int(p));
            r.put(svc, new TlaValue.Set(pids));
        });
        return new Rec(r);
    }

    /** The step name of a spec state (its lastAction.name), for paths and stories. */
    public static String stepOf(Map<String, TlaValue> state) {
        TlaValue a = state.get("lastAction");
        return a.apply("name").asStr() + "(" + a.apply("actor").asInt() + (a.apply("target").asInt() == 0 ? "" : ", " + a.apply("target").asInt()) + ")";
    }
}
