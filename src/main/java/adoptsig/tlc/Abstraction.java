package adoptsig.tlc;

import adoptsig.kernel.Adoption;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.kernel.Step;
import adoptsig.system.World;
import tlc2.tool.TLCState;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.SetEnumValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;
import util.UniqueString;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The abstraction function of docs/MAPPING.md: a Java world as the spec state it stands for,
 * variable by variable, built directly as TLC's own values (so TLC can fingerprint it, or
 * evaluate Next on it), and, for reports and replay, as the values TLC prints. Two worlds are
 * the same spec state exactly when their abstractions are equal.
 */
public final class Abstraction {
    private Abstraction() {}

    private static final Map<String, StringValue> STRINGS = new ConcurrentHashMap<>();
    private static final Map<String, UniqueString> NAMES = new ConcurrentHashMap<>();

    private static final String[] PID_PREV = {"pid", "prev"};
    private static final String[] PID_LINE = {"pid", "line"};
    private static final String[] PID_PREV_LINE = {"pid", "prev", "line"};
    private static final String[] CARRIED = {"pid", "svc"};
    private static final String[] STEP_FIELDS = {"name", "actor", "target", "dropped", "zadopt", "reused"};

    private static StringValue str(String s) { return STRINGS.computeIfAbsent(s, StringValue::new); }
    private static UniqueString name(String s) { return NAMES.computeIfAbsent(s, UniqueString::uniqueStringOf); }
    private static Value bool(boolean b) { return b ? BoolValue.ValTrue : BoolValue.ValFalse; }
    private static Value num(int n) { return IntValue.gen(n); }

    private static Value perPid(KernelState k, Function<Proc, Value> f) {
        Value[] v = new Value[k.maxPid()];
        for (int i = 0; i < v.length; i++) v[i] = f.apply(k.procs().get(i));
        return new TupleValue(v);
    }

    private static Value pidSet(long bits) {
        List<Value> v = new ArrayList<>();
        for (int p = 0; p < 63; p++) if ((bits & (1L << p)) != 0) v.add(num(p));
        return new SetEnumValue(v.toArray(Value[]::new), true);
    }

    private static Value record(String[] fields, Value[] values) {
        UniqueString[] names = new UniqueString[fields.length];
        for (int i = 0; i < fields.length; i++) names[i] = name(fields[i]);
        return new RecordValue(names, values, false);
    }

    private static final Map<java.util.Set<String>, String[]> SORTED_KEYS = new ConcurrentHashMap<>();

    private static Value perService(Map<String, ?> m, Function<Object, Value> f) {
        String[] keys = SORTED_KEYS.computeIfAbsent(m.keySet(), k -> new TreeMap<>(m).keySet().toArray(String[]::new));
        Value[] vals = new Value[keys.length];
        for (int i = 0; i < keys.length; i++) vals[i] = f.apply(m.get(keys[i]));
        return record(keys, vals);
    }

    /** The spec state of w as TLC's values, variable by variable, in the spec's order of variables. */
    public static Map<String, Value> values(World w) {
        KernelState k = w.kernel();
        Map<String, Value> s = new java.util.LinkedHashMap<>();
        s.put("pstate", perPid(k, p -> str(p.state().tla)));
        s.put("parent", perPid(k, p -> num(p.parent())));
        s.put("pgid", perPid(k, p -> num(p.pgid())));
        s.put("sid", perPid(k, p -> num(p.sid())));
        s.put("ttySession", num(k.ttySession()));
        s.put("adoptSig", perPid(k, p -> bool(p.adoptSig())));
        s.put("subreaper", perPid(k, p -> bool(p.subreaper())));
        s.put("svc", perPid(k, p -> str(p.svc())));
        s.put("danced", perPid(k, p -> bool(p.danced())));
        s.put("lastPid", num(k.lastPid()));
        s.put("everUsed", pidSet(k.everUsed()));
        s.put("joined", new TupleValue(k.joined().stream().map(Abstraction::num).toArray(Value[]::new)));
        s.put("sigchld", num(k.sigchld()));
        Value[] q = new Value[k.rtq().size()];
        for (int i = 0; i < q.length; i++) {
            Adoption a = k.rtq().get(i);
            q[i] = a.line() == null ? record(PID_PREV, new Value[] {num(a.pid()), num(a.prev())})
                    : record(PID_PREV_LINE, new Value[] {num(a.pid()), num(a.prev()),
                            new TupleValue(a.line().stream().map(Abstraction::num).toArray(Value[]::new))});
        }
        s.put("rtq", new TupleValue(q));
        s.put("adoptMode", str(k.adoptMode()));
        Value[] kept = new Value[k.kept().size()];
        int n = 0;
        for (adoptsig.kernel.Report m : k.kept()) {
            Value[] line = m.line().stream().map(Abstraction::num).toArray(Value[]::new);
            kept[n++] = record(PID_LINE, new Value[] {num(m.pid()), new TupleValue(line)});
        }
        s.put("kept", new SetEnumValue(kept, false));
        Step st = k.lastAction();
        s.put("lastAction", record(STEP_FIELDS,
                new Value[] {str(st.name()), num(st.actor()), num(st.target()), num(st.dropped()), bool(st.zadopt()), bool(st.reused())}));
        Value[] pc = new Value[w.pc().size()];
        for (int i = 0; i < pc.length; i++) pc[i] = str(w.pc().get(i));
        s.put("pc", new TupleValue(pc));
        Value[] begun = w.begun().stream().sorted().map(Abstraction::str).toArray(Value[]::new);
        s.put("strangersBegun", new SetEnumValue(begun, true));
        s.put("tracked", perService(w.tracked(), v -> pidSet((Long) v)));
        s.put("gone", perService(w.gone(), v -> pidSet((Long) v)));
        s.put("status", perService(w.status(), v -> str((String) v)));
        s.put("supPc", str(w.supPc()));
        s.put("carried", record(CARRIED, new Value[] {num(w.carried().pid()), str(w.carried().svc())}));
        Value[] pend = new Value[w.pending().size()];
        int i = 0;
        for (Adoption a : w.pending()) pend[i++] = record(PID_PREV, new Value[] {num(a.pid()), num(a.prev())});
        s.put("pending", new SetEnumValue(pend, pend.length == 0));
        s.put("pidfile", perService(w.pidfile(), v -> num((Integer) v)));
        s.put("forksLeft", perService(w.forksLeft(), v -> num((Integer) v)));
        return s;
    }

    /** The spec state of w as a TLC state, to fingerprint it or evaluate Next on it (needs a loaded spec: TLC's variable order). */
    public static TLCState state(World w) {
        TLCState s = TLCState.Empty.createEmpty();
        for (var e : values(w).entrySet()) s = s.bind(name(e.getKey()), e.getValue());
        return s;
    }

    /** The spec state of w as the values TLC prints, variable by variable (the variables in the spec's order). */
    public static Map<String, TlaValue> vars(World w) {
        Map<String, TlaValue> out = new java.util.LinkedHashMap<>();
        for (var v : values(w).entrySet()) out.put(v.getKey(), TlaValue.of(v.getValue()));
        return out;
    }

    /** The step name of a spec state (its lastAction), for paths and stories: Name(actor[, target]). */
    public static String stepOf(Map<String, TlaValue> state) {
        TlaValue a = state.get("lastAction");
        long target = a.apply("target").asInt();
        return a.apply("name").asStr() + "(" + a.apply("actor").asInt() + (target == 0 ? "" : ", " + target) + ")";
    }
}
