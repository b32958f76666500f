package adoptsig.tlc;

import adoptsig.InputError;
import adoptsig.system.Bounds;
import tlc2.tool.Action;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;
import tlc2.util.FP64;
import util.SimpleFilenameToStream;
import util.ToolIO;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where TLC's evaluator spends its time on a model: each of Next's disjuncts (as TLC splits
 * them, one per binding of an outer {@code \E}), each state invariant and each action property,
 * timed separately over the model's reachable states with TLC's own evaluator (FastTool) in this
 * JVM. The states are found first, breadth-first as TLC does; then every state is taken through
 * every item once per pass. A pass's figures are the sum of each call's time; the report keeps,
 * for each item, its least total over the warm passes (every pass but the first), divided by the
 * number of states: microseconds per state, as TLC pays them for each distinct state it finds
 * (successors for every state, invariants for every state, action properties for every step).
 * Measurements, not assertions. One profile per JVM at a time: TLC keeps static state.
 */
public final class SpecProfile {
    /** One timed item: a Next disjunct, a state invariant or an action property. */
    public record Item(String kind, String name, double microsPerState, double coldMicrosPerState) { }

    /** The profile: the states it ran over, the steps between them, and each item's cost, dearest first. */
    public record Result(long states, long steps, boolean whole, int passes, List<Item> items, double fingerprintMicros) {
        public double total() { return items.stream().mapToDouble(Item::microsPerState).sum() + fingerprintMicros; }
        public double total(String kind) { return items.stream().filter(i -> i.kind().equals(kind)).mapToDouble(Item::microsPerState).sum(); }
    }

    public static final String NEXT = "step", INVARIANT = "invariant", ACTION = "action property";

    private final FastTool tool;

    private SpecProfile(FastTool tool) { this.tool = tool; }

    /**
     * Loads the spec at these bounds with these state invariants and action properties (the
     * names of operators of the spec), working in {@code workDir}.
     */
    public static SpecProfile load(Path specDir, Bounds bounds, List<String> invariants, List<String> actionProperties, Path workDir) {
        String cfgText = CfgFile.text("adoptsig: profile of TLC's evaluator", bounds, invariants, actionProperties);
        try {
            Files.createDirectories(workDir);
            SpecBridge.copyModules(specDir, workDir);
            Files.writeString(workDir.resolve("Profile.cfg"), cfgText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FP64.Init(0);
        ToolIO.setUserDir(workDir.toString());
        String dir = workDir.toString();
        java.io.ByteArrayOutputStream sany = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = ToolIO.out;
        ToolIO.out = new java.io.PrintStream(sany, true, java.nio.charset.StandardCharsets.UTF_8);
        try {
            FastTool tool = new FastTool(dir, SpecBridge.MODULE, dir + "/Profile", new SimpleFilenameToStream(dir));
            if (tool.getInvariants().length != invariants.size() || tool.getImpliedActions().length != actionProperties.size())
                throw new IllegalStateException("TLC loaded " + tool.getInvariants().length + " invariants and " + tool.getImpliedActions().length
                        + " action properties, expected " + invariants + " and " + actionProperties);
            return new SpecProfile(tool);
        } catch (RuntimeException e) {
            throw new InputError("cannot load " + SpecBridge.MODULE + " in TLC's evaluator: " + e.getMessage()
                    + " (SANY said: " + sany.toString(java.nio.charset.StandardCharsets.UTF_8).strip().replace('\n', ' ') + ")");
        } finally {
            ToolIO.out = saved;
        }
    }

    /**
     * Profiles the first {@code maxStates} states found breadth-first (all of them when there are
     * no more), {@code passes} times over (at least 2: the first is the cold one).
     */
    public Result run(int passes, long maxStates) {
        if (passes < 2) throw new IllegalArgumentException("passes: at least 2, not " + passes);
        Action[] next = tool.getActions();
        Action[] inv = tool.getInvariants();
        Action[] act = tool.getImpliedActions();
        String[] invNames = tool.getInvNames(), actNames = tool.getImpliedActNames();

        // the states, breadth-first
        List<TLCState> states = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        ArrayDeque<TLCState> queue = new ArrayDeque<>();
        StateVec init = tool.getInitStates();
        for (int i = 0; i < init.size(); i++) {
            TLCState s = init.elementAt(i);
            if (seen.add(s.fingerPrint()) && states.size() < maxStates) { states.add(s); queue.add(s); }
        }
        boolean whole = true;
        while (!queue.isEmpty()) {
            TLCState s = queue.poll();
            for (Action a : next) {
                StateVec v = tool.getNextStates(a, s);
                for (int i = 0; i < v.size(); i++) {
                    TLCState t = v.elementAt(i);
                    if (!seen.add(t.fingerPrint())) continue;
                    if (states.size() >= maxStates) { whole = false; continue; }
                    states.add(t);
                    queue.add(t);
                }
            }
        }

        int n = next.length, ni = inv.length, na = act.length;
        double[] best = new double[n + ni + na + 1], cold = new double[n + ni + na + 1];
        Arrays.fill(best, Double.MAX_VALUE);
        long steps = 0;
        for (int pass = 0; pass < passes; pass++) {
            long[] ns = new long[n + ni + na + 1];
            steps = 0;
            for (TLCState s : states) {
                for (int k = 0; k < n; k++) {
                    long t0 = System.nanoTime();
                    StateVec v = tool.getNextStates(next[k], s);
                    long t1 = System.nanoTime();
                    ns[k] += t1 - t0;
                    for (int i = 0; i < v.size(); i++) {
                        TLCState t = v.elementAt(i);
                        steps++;
                        long f0 = System.nanoTime();
                        t.fingerPrint();
                        ns[n + ni + na] += System.nanoTime() - f0;
                        for (int j = 0; j < na; j++) {
                            long a0 = System.nanoTime();
                            tool.isValid(act[j], s, t);
                            ns[n + ni + j] += System.nanoTime() - a0;
                        }
                    }
                }
                for (int j = 0; j < ni; j++) {
                    long t0 = System.nanoTime();
                    tool.isValid(inv[j], s);
                    ns[n + j] += System.nanoTime() - t0;
                }
            }
            for (int k = 0; k < ns.length; k++) {
                double us = ns[k] / 1e3 / Math.max(1, states.size());
                if (pass == 0) cold[k] = us; else best[k] = Math.min(best[k], us);
            }
        }
        List<Item> items = new ArrayList<>();
        for (int k = 0; k < n; k++) items.add(new Item(NEXT, label(next[k]), best[k], cold[k]));
        for (int j = 0; j < ni; j++) items.add(new Item(INVARIANT, invNames[j], best[n + j], cold[n + j]));
        for (int j = 0; j < na; j++) items.add(new Item(ACTION, actNames[j], best[n + ni + j], cold[n + ni + j]));
        items.sort(Comparator.comparingDouble(Item::microsPerState).reversed());
        return new Result(states.size(), steps, whole, passes, List.copyOf(items), best[n + ni + na]);
    }

    /** A Next disjunct as TLC split it: its operator, its bindings (p = 2), and where it is. */
    private static String label(Action a) {
        String con = a.con == null ? "" : a.con.toString().replaceAll("\\s+", " ").strip();
        if (con.startsWith("[") && con.endsWith("]")) con = String.join(", ", new java.util.LinkedHashSet<>(List.of(con.substring(1, con.length() - 1).split(", "))));
        String binding = con.isBlank() ? "" : " [" + con + "]";
        var loc = a.pred.getLocation();
        return a.getName() + binding + " (" + loc.source() + " line " + loc.beginLine() + ")";
    }
}
