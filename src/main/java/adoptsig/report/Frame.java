package adoptsig.report;

import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.tlc.TlaValue;
import adoptsig.tlc.Trace;
import adoptsig.tlc.TraceState;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One state of a behaviour, as a picture needs it: the step that led to it, every process in
 * use (PID, running or zombie, parent, service), init's pending signals and what init believes.
 * Read from a TLC trace of the spec, or from the Java kernel's states.
 */
public record Frame(String step, List<P> procs, String pending, String beliefs) {
    /** One process in use. */
    public record P(int pid, boolean zombie, int parent, String service) {}

    public P proc(int pid) {
        for (P p : procs) if (p.pid() == pid) return p;
        return null;
    }

    /** The frames of a TLC trace of MCAdoption (lastAction names each step). */
    public static List<Frame> of(Trace trace) {
        List<Frame> out = new ArrayList<>();
        for (TraceState s : trace.states()) {
            List<P> procs = new ArrayList<>();
            int n = s.var("pstate").elements().size();
            for (int p = 1; p <= n; p++) {
                String st = s.var("pstate").apply(p).asStr();
                if (st.equals("free")) continue;
                procs.add(new P(p, st.equals("zombie"), (int) s.var("parent").apply(p).asInt(), s.var("svc").apply(p).asStr()));
            }
            TlaValue a = s.var("lastAction");
            String step = label(a.apply("name").asStr(), a.apply("actor").asInt(), a.apply("target").asInt());
            out.add(new Frame(step, procs, pending(s), beliefs(s)));
        }
        return out;
    }

    /** A step in a few words, from the spec's lastAction (the step vocabulary's label). */
    static String label(String name, long actor, long target) { return adoptsig.kernel.StepKind.labelOf(name, actor, target); }

    private static String pending(TraceState s) {
        List<String> out = new ArrayList<>();
        if (s.var("sigchld").asInt() != 0) out.add("SIGCHLD(" + s.var("sigchld").asInt() + ")");
        for (TlaValue m : s.var("rtq").elements()) out.add("(" + m.apply("pid").asInt() + ", prev " + m.apply("prev").asInt() + ")");
        if (s.vars().containsKey("kept")) for (TlaValue m : s.var("kept").elements()) out.add("report " + m.apply("pid").asInt());
        return String.join(" ", out);
    }

    private static String beliefs(TraceState s) {
        List<String> out = new ArrayList<>();
        for (String svc : s.var("status").keys()) {
            Set<Long> tracked = new TreeSet<>();
            s.var("tracked").apply(svc).elements().forEach(v -> tracked.add(v.asInt()));
            out.add(svc + " " + s.var("status").apply(svc).asStr() + " " + tracked);
        }
        return String.join("; ", out);
    }

    /** The frame of a Java kernel state; step and beliefs as the caller tells them. */
    public static Frame of(KernelState k, String step, String beliefs) {
        List<P> procs = new ArrayList<>();
        for (Proc p : k.procs()) if (p.inUse()) procs.add(new P(p.pid(), !p.running(), p.parent(), p.pid() == Kernel.INIT ? "init" : p.svc()));
        List<String> pend = new ArrayList<>();
        if (k.chldPending()) pend.add("SIGCHLD(" + k.sigchld() + ")");
        k.rtq().forEach(m -> pend.add("(" + m.pid() + ", prev " + m.prev() + ")"));
        k.kept().forEach(m -> pend.add("report " + m.pid()));
        return new Frame(step, procs, String.join(" ", pend), beliefs);
    }
}
