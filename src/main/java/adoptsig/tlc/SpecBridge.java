package adoptsig.tlc;

import tlc2.tool.Action;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;
import tlc2.util.FP64;
import util.SimpleFilenameToStream;
import util.ToolIO;
import util.UniqueString;
import tlc2.value.impl.BoolValue;
import adoptsig.InputError;
import adoptsig.system.Bounds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The spec's Init and Next, evaluated in-process by TLC's own evaluator (FastTool), so that
 * Java steps can be compared with the spec's steps one by one. States cross the bridge as
 * the values TLC prints, parsed by {@link TlaValueParser}. The spec is copied into a private
 * folder first, so nothing is written into spec/. One bridge per JVM at a time: TLC keeps
 * static state.
 */
public final class SpecBridge {
    /**
     * A spec state: TLC's own object (to ask for its successors), its fingerprint (how states
     * are compared on the fast path), and its printed values, parsed only when asked for.
     */
    public static final class State {
        private final TLCState tlc;
        private final long fp;
        private Map<String, TlaValue> vars;

        State(TLCState tlc) {
            this.tlc = tlc;
            this.fp = tlc.fingerPrint();
        }

        public TLCState tlc() { return tlc; }
        public long fp() { return fp; }

        public Map<String, TlaValue> vars() {
            if (vars == null) vars = parse(tlc.toString());
            return vars;
        }
    }

    /** The fingerprint TLC gives the spec state with these variable values (a state built by hand, bound variable by variable). */
    public long fingerprint(Map<String, TlaValue> vars) { return build(vars).fingerPrint(); }

    /** A TLC state built by hand from variable values. */
    public TLCState build(Map<String, TlaValue> vars) {
        TLCState s = TLCState.Empty.createEmpty();
        for (var e : vars.entrySet()) s = s.bind(UniqueString.uniqueStringOf(e.getKey()), e.getValue().toTlc());
        return s;
    }

    /** The spec state with these values, to ask for its successors. */
    public State state(Map<String, TlaValue> vars) { return new State(build(vars)); }

    /** The spec state of a TLC state built by hand, to ask for its successors. */
    public State state(TLCState s) { return new State(s); }

    /** Is (s, t) a step of the spec's Next? Evaluated by TLC on the pair, one Next disjunct after another. */
    public boolean isStep(TLCState s, TLCState t) {
        for (int i = 0; i < order.length; i++) {
            Action a = actions[order[i]];
            Object v = tool.eval(a.pred, a.con, s, t, tlc2.tool.EvalControl.Clear, tlc2.tool.coverage.CostModel.DO_NOT_RECORD);
            if (v instanceof BoolValue b && b.val) {
                if (i > 0) { int x = order[i - 1]; order[i - 1] = order[i]; order[i] = x; }   // frequent disjuncts drift to the front
                return true;
            }
        }
        return false;
    }

    private final FastTool tool;
    private final Action[] actions;
    private final List<String> invariantNames;
    /** The order in which isStep tries Next's disjuncts (only the order changes, never the answer). */
    private final int[] order;
    private final Action[] invariants;

    private SpecBridge(FastTool tool, List<String> invariantNames) {
        this.tool = tool;
        this.actions = tool.getActions();
        this.order = java.util.stream.IntStream.range(0, actions.length).toArray();
        this.invariants = tool.getInvariants();
        this.invariantNames = List.copyOf(invariantNames);
        if (invariants.length != invariantNames.size()) throw new IllegalStateException("TLC loaded " + invariants.length + " invariants, expected " + invariantNames);
    }

    /** The named state invariants evaluated by TLC on s: id -> holds. */
    public Map<String, Boolean> invariants(State s) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (int i = 0; i < invariants.length; i++) out.put(invariantNames.get(i), tool.isValid(invariants[i], s.tlc()));
        return out;
    }

    /** The module every model checks. */
    public static final String MODULE = "MCAdoption";

    /**
     * Loads the spec at these bounds (the model module with a cfg of the constants and the
     * mechanism's specification), working in {@code workDir}, and makes TLC evaluate the named
     * state invariants on request (see {@link #invariants}).
     */
    public static SpecBridge load(Path specDir, Bounds bounds, List<String> invariantNames, Path workDir) {
        FastTool tool = loadTool(specDir, "adoptsig: the spec's Next, evaluated in-process", bounds, invariantNames, List.of(), workDir, "Bridge");
        return new SpecBridge(tool, invariantNames);
    }

    /**
     * TLC's evaluator on the model module at these bounds, with a cfg (written as {@code cfgName}.cfg
     * in {@code workDir}, where the spec's modules are copied) of the constants, the mechanism's
     * specification, these invariants and these properties. A spec that does not load, or does
     * not give TLC exactly these invariants and action properties, is bad input.
     */
    static FastTool loadTool(Path specDir, String comment, Bounds bounds, List<String> invariants, List<String> properties, Path workDir, String cfgName) {
        String cfgText = CfgFile.text(comment, bounds, invariants, properties);
        try {
            Files.createDirectories(workDir);
            copyModules(specDir, workDir);
            Files.writeString(workDir.resolve(cfgName + ".cfg"), cfgText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FP64.Init(0);
        ToolIO.setUserDir(workDir.toString());
        String dir = workDir.toString();
        // SANY reports its progress on ToolIO.out: keep it, and show it only if loading fails
        java.io.ByteArrayOutputStream sany = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = ToolIO.out;
        ToolIO.out = new java.io.PrintStream(sany, true, java.nio.charset.StandardCharsets.UTF_8);
        try {
            FastTool tool = new FastTool(dir, MODULE, dir + "/" + cfgName, new SimpleFilenameToStream(dir));
            if (tool.getInvariants().length != invariants.size() || tool.getImpliedActions().length + tool.getImpliedTemporals().length != properties.size())
                throw new IllegalStateException("TLC loaded " + tool.getInvariants().length + " invariants and "
                        + (tool.getImpliedActions().length + tool.getImpliedTemporals().length) + " properties, expected " + invariants + " and " + properties);
            return tool;
        } catch (RuntimeException e) {
            throw new InputError("cannot load " + MODULE + " in TLC's evaluator: " + e.getMessage()
                    + " (SANY said: " + sanySaid(sany.toString(java.nio.charset.StandardCharsets.UTF_8)) + ")");
        } finally {
            ToolIO.out = saved;
        }
    }

    /**
     * What SANY printed while loading, on one line: from its first error report on ("***", or a
     * line naming an error) when there is one, without the progress lines before it.
     */
    static String sanySaid(String printed) {
        List<String> lines = printed.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        int from = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("***") || l.toLowerCase(java.util.Locale.ROOT).contains("error")) { from = i; break; }
        }
        return String.join(" ", lines.subList(from, lines.size()));
    }

    /** Copies the spec's modules (*.tla) into a work folder, so that TLC never writes next to spec/. */
    public static void copyModules(Path specDir, Path workDir) throws IOException {
        try (Stream<Path> files = Files.list(specDir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".tla")).toList()) {
                Files.copy(f, workDir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    public List<State> init() {
        StateVec v = tool.getInitStates();
        List<State> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) out.add(wrap(v.elementAt(i)));
        return out;
    }

    /** Every successor of s under the spec's Next (over all of Next's disjuncts and bindings). */
    public List<State> successors(State s) {
        List<State> out = new ArrayList<>();
        for (Action a : actions) {
            StateVec v = tool.getNextStates(a, s.tlc());
            for (int i = 0; i < v.size(); i++) out.add(wrap(v.elementAt(i)));
        }
        return out;
    }

    private static State wrap(TLCState t) { return new State(t); }

    static Map<String, TlaValue> parse(String printed) { return TlcOutput.parseVars(printed); }
}
