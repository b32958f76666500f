package adoptsig.engine;

import adoptsig.kernel.Adoption;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.kernel.ProcState;
import adoptsig.kernel.Report;
import adoptsig.kernel.Step;
import adoptsig.system.World;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A world packed into a few dozen bytes and back (every field of the spec's variables, as
 * {@link World} holds them): what the explorer keeps of the states it has still to expand,
 * instead of the worlds themselves (several hundred bytes each on the heap, its object headers
 * and boxed values included). Small numbers (PIDs, counts) take one byte each (a variable-length
 * encoding), and every string (a service's name, a program location, a status, an action's
 * name) one or two: its number in a dictionary that the codec builds as it meets them. Sets and
 * maps are written in a fixed order, so equal worlds have equal encodings (with one codec).
 * {@code decode(encode(w))} equals {@code w}; a test requires it of every reachable state of the
 * catalogued models it runs. Thread-safe: several threads may encode and decode at once.
 */
public final class WorldCodec {
    private final Map<String, Integer> codes = new ConcurrentHashMap<>();
    private volatile String[] names = new String[0];

    /** Appends w's encoding to out. */
    public void encode(World w, Bytes out) {
        KernelState k = w.kernel();
        out.num(k.maxPid());
        out.num(k.sigLimit());
        for (Proc p : k.procs()) {
            out.num(p.pid());
            out.num(p.state().ordinal() | (p.adoptSig() ? 4 : 0) | (p.subreaper() ? 8 : 0) | (p.danced() ? 16 : 0));
            out.num(p.parent());
            out.num(p.pgid());
            out.num(p.sid());
            out.num(code(p.svc()));
        }
        out.num(k.ttySession());
        out.num(k.lastPid());
        out.num(k.everUsed());
        ints(k.joined(), out);
        out.num(k.sigchld());
        out.num(k.rtq().size());
        for (Adoption a : k.rtq()) adoption(a, out);
        out.num(code(k.adoptMode()));
        out.num(k.kept().size());
        for (Report r : k.kept()) {
            out.num(r.pid());
            ints(r.line(), out);
        }
        Step s = k.lastAction();
        out.num(code(s.name()));
        out.num(s.actor());
        out.num(s.target());
        out.num(s.dropped());
        out.num((s.zadopt() ? 1 : 0) | (s.reused() ? 2 : 0));
        out.num(w.pc().size());
        for (String pc : w.pc()) out.num(code(pc));
        // sets and maps in a fixed order (names sorted, adoptions by PID), so that equal worlds have equal encodings
        String[] begun = sorted(w.begun());
        out.num(begun.length);
        for (String x : begun) out.num(code(x));
        String[] svcs = sorted(w.tracked().keySet());
        out.num(svcs.length);
        for (String x : svcs) { out.num(code(x)); out.num(w.tracked().get(x)); }
        svcs = sorted(w.gone().keySet());
        out.num(svcs.length);
        for (String x : svcs) { out.num(code(x)); out.num(w.gone().get(x)); }
        svcs = sorted(w.status().keySet());
        out.num(svcs.length);
        for (String x : svcs) { out.num(code(x)); out.num(code(w.status().get(x))); }
        out.num(code(w.supPc()));
        out.num(code(w.carried().svc()));
        out.num(w.carried().pid());
        Adoption[] pending = w.pending().toArray(new Adoption[0]);
        if (pending.length > 1) Arrays.sort(pending, ADOPTION_ORDER);
        out.num(pending.length);
        for (Adoption a : pending) adoption(a, out);
        svcs = sorted(w.pidfile().keySet());
        out.num(svcs.length);
        for (String x : svcs) { out.num(code(x)); out.num(w.pidfile().get(x)); }
        svcs = sorted(w.forksLeft().keySet());
        out.num(svcs.length);
        for (String x : svcs) { out.num(code(x)); out.num(w.forksLeft().get(x)); }
    }

    private static final java.util.Comparator<Adoption> ADOPTION_ORDER = java.util.Comparator.comparingInt(Adoption::pid)
            .thenComparingInt(Adoption::prev).thenComparing(a -> a.line() == null ? "" : a.line().toString());

    private static String[] sorted(Set<String> xs) {
        String[] a = xs.toArray(new String[0]);
        if (a.length > 1) Arrays.sort(a);
        return a;
    }

    /** The world encoded at {@code at} in {@code in}. */
    public World decode(byte[] in, int at) {
        Reader r = new Reader(in, at);
        int maxPid = r.i(), sigLimit = r.i();
        List<Proc> procs = new ArrayList<>(maxPid);
        for (int n = 0; n < maxPid; n++) {
            int pid = r.i(), flags = r.i(), parent = r.i(), pgid = r.i(), sid = r.i();
            procs.add(new Proc(pid, ProcState.values()[flags & 3], parent, pgid, sid, (flags & 4) != 0, (flags & 8) != 0, r.s(), (flags & 16) != 0));
        }
        int tty = r.i(), lastPid = r.i();
        long everUsed = r.l();
        List<Integer> joined = r.ints();
        int sigchld = r.i();
        List<Adoption> rtq = new ArrayList<>();
        for (int n = r.i(); n > 0; n--) rtq.add(r.adoption());
        String adopt = r.s();
        TreeSet<Report> kept = new TreeSet<>();
        for (int n = r.i(); n > 0; n--) { int pid = r.i(); kept.add(new Report(pid, r.ints())); }
        String action = r.s();
        int actor = r.i(), target = r.i(), dropped = r.i(), bits = r.i();
        Step step = new Step(action, actor, target, dropped, (bits & 1) != 0, (bits & 2) != 0);
        KernelState k = new KernelState(maxPid, sigLimit, procs, tty, lastPid, everUsed, joined, sigchld, rtq, adopt, kept, step);
        String[] pc = new String[r.i()];
        for (int n = 0; n < pc.length; n++) pc[n] = r.s();
        Set<String> begun = new HashSet<>();
        for (int n = r.i(); n > 0; n--) begun.add(r.s());
        Map<String, Long> tracked = new HashMap<>(), gone = new HashMap<>();
        for (int n = r.i(); n > 0; n--) { String s = r.s(); tracked.put(s, r.l()); }
        for (int n = r.i(); n > 0; n--) { String s = r.s(); gone.put(s, r.l()); }
        Map<String, String> status = new HashMap<>();
        for (int n = r.i(); n > 0; n--) { String s = r.s(); status.put(s, r.s()); }
        String supPc = r.s();
        String csvc = r.s();
        World.Carried carried = new World.Carried(csvc, r.i());
        if (carried.equals(World.NO_CARRY)) carried = World.NO_CARRY;
        Set<Adoption> pending = new HashSet<>();
        for (int n = r.i(); n > 0; n--) pending.add(r.adoption());
        Map<String, Integer> pidfile = new HashMap<>(), forksLeft = new HashMap<>();
        for (int n = r.i(); n > 0; n--) { String s = r.s(); pidfile.put(s, r.i()); }
        for (int n = r.i(); n > 0; n--) { String s = r.s(); forksLeft.put(s, r.i()); }
        return new World(k, Arrays.asList(pc), begun, tracked, gone, status, supPc, carried, pending, pidfile, forksLeft);
    }

    private static void adoption(Adoption a, Bytes out) {
        out.num(a.pid());
        out.num(a.prev());
        if (a.line() == null) out.num(0);
        else {
            out.num(a.line().size() + 1);
            for (int x : a.line()) out.num(x);
        }
    }

    private static void ints(List<Integer> xs, Bytes out) {
        out.num(xs.size());
        for (int x : xs) out.num(x);
    }

    private int code(String s) {
        Integer c = codes.get(s);
        return c != null ? c : add(s);
    }

    private synchronized int add(String s) {
        Integer c = codes.get(s);
        if (c != null) return c;
        String[] more = Arrays.copyOf(names, names.length + 1);
        more[names.length] = s;
        names = more;            // published before the code, so a reader that sees the code sees the name
        codes.put(s, names.length - 1);
        return names.length - 1;
    }

    /** A growable byte buffer that encodings are appended to (one per thread: not thread-safe). */
    public static final class Bytes {
        byte[] a = new byte[256];
        int size;

        /** A non-negative number in 7-bit groups, low group first; a negative one (never met in a world) as zig-zag. */
        void num(long v) {
            long z = (v << 1) ^ (v >> 63);
            if (size + 10 > a.length) grow();
            while ((z & ~0x7FL) != 0) { a[size++] = (byte) ((z & 0x7F) | 0x80); z >>>= 7; }
            a[size++] = (byte) z;
        }

        private void grow() {
            long want = Math.max(2L * a.length, size + 10L);
            if (size + 10L > MAX) throw new TableFull("a buffer of packed worlds holds at most " + MAX + " bytes");
            a = Arrays.copyOf(a, (int) Math.min(want, MAX));
        }

        private static final int MAX = Integer.MAX_VALUE - 16;

        public int size() { return size; }

        public void clear() { size = 0; }

        public byte[] array() { return a; }
    }

    private final class Reader {
        private final byte[] a;
        private int at;

        Reader(byte[] a, int at) { this.a = a; this.at = at; }

        long l() {
            long z = 0;
            int shift = 0;
            while (true) {
                byte b = a[at++];
                z |= (long) (b & 0x7F) << shift;
                if (b >= 0) break;
                shift += 7;
            }
            return (z >>> 1) ^ -(z & 1);
        }

        int i() { return (int) l(); }

        String s() { return names[i()]; }

        List<Integer> ints() {
            int n = i();
            List<Integer> out = new ArrayList<>(n);
            for (int j = 0; j < n; j++) out.add(i());
            return out;
        }

        Adoption adoption() {
            int pid = i(), prev = i(), n = i();
            if (n == 0) return new Adoption(pid, prev);
            List<Integer> line = new ArrayList<>(n - 1);
            for (int j = 1; j < n; j++) line.add(i());
            return new Adoption(pid, prev, line);
        }
    }
}
