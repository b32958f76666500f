package adoptsig.tlc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A TLA+ value as TLC prints it: integers, strings, booleans, sequences, sets, records
 * and functions. Immutable; equality is structural, so values compare across runs.
 * Parsed from TLC's output by {@link TlaValueParser}.
 */
public sealed interface TlaValue {

    record Int(long value) implements TlaValue {
        @Override public String toString() { return Long.toString(value); }
    }

    record Str(String value) implements TlaValue {
        @Override public String toString() { return '"' + value + '"'; }
    }

    record Bool(boolean value) implements TlaValue {
        @Override public String toString() { return value ? "TRUE" : "FALSE"; }
    }

    /** A sequence, which TLC also prints for any function whose domain is 1..n. */
    record Seq(List<TlaValue> items) implements TlaValue {
        public Seq { items = List.copyOf(items); }
        @Override public String toString() {
            return items.stream().map(Object::toString).collect(Collectors.joining(", ", "<<", ">>"));
        }
    }

    /** A finite set, elements in TLC's printed order; equality ignores the order. */
    record Set(List<TlaValue> items) implements TlaValue {
        public Set { items = List.copyOf(items); }
        @Override public boolean equals(Object o) {
            return o instanceof Set other && new java.util.HashSet<>(items).equals(new java.util.HashSet<>(other.items));
        }
        @Override public int hashCode() { return new java.util.HashSet<>(items).hashCode(); }
        @Override public String toString() {
            return items.stream().map(Object::toString).collect(Collectors.joining(", ", "{", "}"));
        }
    }

    record Rec(Map<String, TlaValue> fields) implements TlaValue {
        public Rec { fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields)); }
        public TlaValue get(String field) {
            TlaValue v = fields.get(field);
            if (v == null) throw new IllegalArgumentException("no field " + field + " in " + this);
            return v;
        }
        @Override public String toString() {
            return fields.entrySet().stream().map(e -> e.getKey() + " |-> " + e.getValue())
                    .collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /** A function printed as (k1 :> v1 @@ k2 :> v2). */
    record Fun(Map<TlaValue, TlaValue> map) implements TlaValue {
        public Fun { map = Collections.unmodifiableMap(new LinkedHashMap<>(map)); }
        @Override public String toString() {
            return map.entrySet().stream().map(e -> e.getKey() + " :> " + e.getValue())
                    .collect(Collectors.joining(" @@ ", "(", ")"));
        }
    }

    /** A model value or other bare identifier. */
    record Atom(String name) implements TlaValue {
        @Override public String toString() { return name; }
    }

    // ---- TLC's own values, both ways ----

    /** This value as TLC's value (so that TLC can fingerprint a state built by hand). */
    default tlc2.value.impl.Value toTlc() {
        if (this instanceof Int i) return tlc2.value.impl.IntValue.gen((int) i.value());
        if (this instanceof Str x) return new tlc2.value.impl.StringValue(x.value());
        if (this instanceof Bool b) return b.value() ? tlc2.value.impl.BoolValue.ValTrue : tlc2.value.impl.BoolValue.ValFalse;
        if (this instanceof Seq q) return new tlc2.value.impl.TupleValue(q.items().stream().map(TlaValue::toTlc).toArray(tlc2.value.impl.Value[]::new));
        if (this instanceof Set q) return new tlc2.value.impl.SetEnumValue(q.items().stream().map(TlaValue::toTlc).toArray(tlc2.value.impl.Value[]::new), false);
        if (this instanceof Rec r) {
            util.UniqueString[] names = r.fields().keySet().stream().map(util.UniqueString::uniqueStringOf).toArray(util.UniqueString[]::new);
            tlc2.value.impl.Value[] vals = r.fields().values().stream().map(TlaValue::toTlc).toArray(tlc2.value.impl.Value[]::new);
            return new tlc2.value.impl.RecordValue(names, vals, false);
        }
        throw new IllegalArgumentException("no TLC value for " + this);
    }

    /** TLC's value as the value TLC prints (integers, strings, booleans, tuples, records, finite sets, functions). */
    static TlaValue of(tlc2.value.impl.Value v) {
        if (v instanceof tlc2.value.impl.IntValue i) return new Int(i.val);
        if (v instanceof tlc2.value.impl.StringValue x) return new Str(x.val.toString());
        if (v instanceof tlc2.value.impl.BoolValue b) return new Bool(b.val);
        if (v instanceof tlc2.value.impl.TupleValue t) {
            List<TlaValue> items = new ArrayList<>();
            for (tlc2.value.impl.Value e : t.elems) items.add(of(e));
            return new Seq(items);
        }
        if (v instanceof tlc2.value.impl.RecordValue r) {
            Map<String, TlaValue> fields = new LinkedHashMap<>();
            for (int i = 0; i < r.names.length; i++) fields.put(r.names[i].toString(), of(r.values[i]));
            return new Rec(fields);
        }
        if (v instanceof tlc2.value.impl.SetEnumValue e) {
            List<TlaValue> items = new ArrayList<>();
            for (tlc2.value.impl.Value x : e.elems.toArray()) items.add(of(x));
            return new Set(items);
        }
        return TlaValueParser.parse(v.toString());
    }

    // ---- convenience accessors used by the story teller and the tests ----

    default long asInt() {
        if (this instanceof Int i) return i.value();
        throw new IllegalArgumentException("not an integer: " + this);
    }

    default String asStr() {
        if (this instanceof Str s) return s.value();
        if (this instanceof Atom a) return a.name();
        throw new IllegalArgumentException("not a string: " + this);
    }

    default boolean asBool() {
        if (this instanceof Bool b) return b.value();
        throw new IllegalArgumentException("not a boolean: " + this);
    }

    /** The elements of a set or a sequence. */
    default List<TlaValue> elements() {
        if (this instanceof Set s) return s.items();
        if (this instanceof Seq q) return q.items();
        throw new IllegalArgumentException("not a set or sequence: " + this);
    }

    /** f[k] for a function printed as a sequence (domain 1..n), a record or a function. */
    default TlaValue apply(Object key) {
        if (this instanceof Seq q && key instanceof Number n) return q.items().get(n.intValue() - 1);
        if (this instanceof Rec r && key instanceof String s) return r.get(s);
        if (this instanceof Fun f) {
            TlaValue k = key instanceof Number n ? new Int(n.longValue()) : new Str(key.toString());
            TlaValue v = f.map().get(k);
            if (v != null) return v;
        }
        throw new IllegalArgumentException("cannot apply " + this + " to " + key);
    }

    /** The domain keys of a record or function (as strings), for iteration in the story. */
    default List<String> keys() {
        if (this instanceof Rec r) return new ArrayList<>(r.fields().keySet());
        if (this instanceof Fun f) return f.map().keySet().stream().map(TlaValue::asStr).toList();
        if (this instanceof Seq q) {
            List<String> ks = new ArrayList<>();
            for (int i = 1; i <= q.items().size(); i++) ks.add(Integer.toString(i));
            return ks;
        }
        throw new IllegalArgumentException("no domain: " + this);
    }
}
