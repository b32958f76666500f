package adoptsig.conform;

import adoptsig.kernel.Adoption;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.kernel.Step;
import adoptsig.supervisor.World;
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
 * The abstraction function of {@link Abstraction}, producing TLC's own values directly (no
 * printed form in between): the fast path of the random conformance check. A test checks that
 * both give the same fingerprint on every reachable state of a model.
 */
public final class TlcStates {
    private TlcStates() {}

    private static final Map<String, StringValue> STRINGS = new ConcurrentHashMap<>();
    private static final Map<String, UniqueString> NAMES = new ConcurrentHashMap<>();

    private static final String[] PID_PREV = {"pid", "prev"};
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

    public static TLCState of(World w) {
        KernelState k = w.kernel();
        TLCState s = TLCState.Empty.createEmpty();
        s = s.bind(name("pstate"), perPid(k, p -> str(p.state().tla)));
        s = s.bind(name("parent"), perPid(k, p -> num(p.parent())));
        s = s.bind(name("pgid"), perPid(k, p -> num(p.pgid())));
        s = s.bind(name("sid"), perPid(k, p -> num(p.sid())));
        s = s.bind(name("ttySession"), num(k.ttySession()));
        s = s.bind(name("adoptSig"), perPid(k, p -> bool(p.adoptSig())));
        s = s.bind(name("subreaper"), perPid(k, p -> bool(p.subreaper())));
        s = s.bind(name("svc"), perPid(k, p -> str(p.svc())));
        s = s.bind(name("danced"), perPid(k, p -> bool(p.danced())));
        s = s.bind(name("lastPid"), num(k.lastPid()));
        s = s.bind(name("everUsed"), pidSet(k.everUsed()));
        s = s.bind(name("chldPending"), bool(k.chldPending()));
        Value[] q = new Value[k.rtq().size()];
        for (int i = 0; i < q.length; i++) {
            Adoption a = k.rtq().get(i);
            q[i] = record(PID_PREV, new Value[] {num(a.pid()), num(a.prev())});
        }
        s = s.bind(name("rtq"), new TupleValue(q));
        Step st = k.lastAction();
        s = s.bind(name("lastAction"), record(STEP_FIELDS,
                new Value[] {str(st.name()), num(st.actor()), num(st.target()), num(st.dropped()), bool(st.zadopt()), bool(st.reused())}));
        Value[] pc = new Value[w.pc().size()];
        for (int i = 0; i < pc.length; i++) pc[i] = str(w.pc().get(i));
        s = s.bind(name("pc"), new TupleValue(pc));
        s = s.bind(name("tracked"), perService(w.tracked(), v -> pidSet((Long) v)));
        s = s.bind(name("gone"), perService(w.gone(), v -> pidSet((Long) v)));
        s = s.bind(name("status"), perService(w.status(), v -> str((String) v)));
        s = s.bind(name("supPc"), str(w.supPc()));
        Value[] pend = new Value[w.pending().size()];
        int i = 0;
        for (Adoption a : w.pending()) pend[i++] = record(PID_PREV, new Value[] {num(a.pid()), num(a.prev())});
        s = s.bind(name("pending"), pend.length == 0 ? new SetEnumValue(pend, true) : new SetEnumValue(pend, false));
        s = s.bind(name("pidfile"), perService(w.pidfile(), v -> num((Integer) v)));
        s = s.bind(name("forksLeft"), perService(w.forksLeft(), v -> num((Integer) v)));
        return s;
    }
}
