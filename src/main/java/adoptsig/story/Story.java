package adoptsig.story;

import adoptsig.kernel.StepKind;

import adoptsig.catalog.Property;
import adoptsig.tlc.TlaValue;
import adoptsig.tlc.Trace;
import adoptsig.tlc.TraceState;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tells a counterexample of the Adoption spec as a story in kernel vocabulary: who forked
 * whom, who exited, what was reparented to whom, which signals were pending at init and in
 * which order, and what the supervisor believed after each step. Each step is read from the
 * spec's {@code lastAction} record and the difference between consecutive states.
 */
public final class Story {
    private Story() {}

    public static String tell(String model, Property property, Trace trace) {
        StringBuilder b = new StringBuilder();
        b.append("Model ").append(model).append(": ").append(property.id()).append(" is violated");
        b.append(" (").append(trace.steps()).append(" steps).\n");
        b.append("Claim: ").append(property.meaning()).append('\n');
        b.append("Source: ").append(property.source()).append("\n\n");
        List<TraceState> states = trace.states();
        String[] was = {"", "", ""};
        for (int i = 0; i < states.size(); i++) {
            TraceState s = states.get(i);
            if (i == 0) {
                boolean adopt = s.var("adoptSig").apply(1).asBool();
                b.append(String.format("%3d. %s%n", 0, "Boot: init (PID 1) runs alone, " + (adopt ? "with PR_SET_ADOPTSIG set." : "without PR_SET_ADOPTSIG.")));
            } else {
                b.append(String.format("%3d. %s%n", i, step(states.get(i - 1), s)));
            }
            // only what changed: the processes, init's pending signals, init's beliefs
            String[] now = snapshot(s).split(" \\| (?=init pending|init believes)", 3);
            List<String> changed = new ArrayList<>();
            for (int k = 0; k < now.length; k++) if (!now[k].equals(k < was.length ? was[k] : "")) changed.add(now[k]);
            if (!changed.isEmpty()) b.append("       ").append(String.join(" | ", changed)).append('\n');
            was = now;
        }
        if (trace.stutters()) {
            b.append("  ... and from here nothing more happens, forever: init has nothing left to do.\n");
        } else if (trace.loopsTo() > 0) {
            b.append("  ... and from here the behaviour returns to step ").append(trace.loopsTo() - 1)
                    .append(" and repeats forever.\n");
        }
        b.append('\n').append(property.id()).append(" fails: ").append(property.meaning()).append('\n');
        return b.toString();
    }

    static String who(TraceState s, long pid) {
        if (pid == 1) return "init";
        String svc = str(s.var("svc").apply(pid));
        return "process " + pid + (svc.equals("none") ? "" : " (" + svc + ")");
    }

    private static String str(TlaValue v) { return v.asStr(); }

    static String step(TraceState before, TraceState after) {
        TlaValue a = after.var("lastAction");
        String name = a.apply("name").asStr();
        long actor = a.apply("actor").asInt();
        long target = a.apply("target").asInt();
        StringBuilder b = new StringBuilder("[").append(name).append("] ");
        StepKind kind = StepKind.of(name);
        if (kind == null) return b.append(a).toString();
        switch (kind) {
            case SPAWN -> b.append(kind.call(actor, target)).append(" (service ")
                    .append(str(after.var("svc").apply(target))).append("), and init records its PID");
            case FORK -> {
                b.append(who(before, actor)).append(" forks process ").append(target);
                if (a.apply("reused").asBool()) b.append(" (PID ").append(target).append(" was used before: reused)");
                if (!before.var("tracked").equals(after.var("tracked"))) {
                    b.append("; init, tracing it (ptrace), follows the fork and now watches ").append(target);
                }
            }
            case EXIT -> {
                b.append(who(before, actor)).append(" exits");
                List<Long> kids = new ArrayList<>();
                for (int p = 1; p <= pids(after); p++) {
                    if (before.var("parent").apply(p).asInt() == actor && after.var("parent").apply(p).asInt() == target
                            && !before.var("pstate").apply(p).asStr().equals("free")) kids.add((long) p);
                }
                if (!kids.isEmpty()) b.append("; its children ").append(kids).append(" are reparented to ")
                        .append(target == 1 ? "init" : "subreaper " + who(before, target));
                int queued = after.var("rtq").elements().size() - before.var("rtq").elements().size();
                if (queued > 0) b.append("; ").append(queued).append(" adoption signal(s) queued for init");
                long dropped = a.apply("dropped").asInt();
                if (dropped > 0) b.append("; ").append(dropped).append(" adoption signal(s) DROPPED (init's user is at RLIMIT_SIGPENDING, a pending SIGCHLD included, or for a standard signal one is already pending)");
                if (a.apply("zadopt").asBool()) b.append("; a zombie child was adopted, so its new reaper gets a fresh SIGCHLD");
                long parent = before.var("parent").apply(actor).asInt();
                b.append("; SIGCHLD to its parent ").append(parent == 1 ? "init" : who(before, parent));
                if (parent == 1 && before.var("sigchld").asInt() != 0) b.append(" (one is pending already: it coalesces)");
            }
            case REAP -> b.append(who(before, actor)).append(" reaps its zombie child ").append(target)
                    .append("; PID ").append(target).append(" is free again");
            case SETSID -> b.append(who(before, actor)).append(" calls setsid(): new session and group ").append(actor);
            case EXEC -> b.append(who(before, actor)).append(" calls execve() (PR_SET_ADOPTSIG cleared)");
            case OPEN_TTY -> b.append(who(before, actor)).append(" opens the terminal: ")
                    .append(before.var("ttySession").equals(after.var("ttySession"))
                            ? "it does not become a controlling terminal" : "it becomes its session's controlling terminal");
            case PRCTL_SET_ADOPTSIG -> b.append(who(before, actor)).append(" calls prctl(PR_SET_ADOPTSIG)");
            case PRCTL_SET_CHILD_SUBREAPER -> b.append(who(before, actor)).append(" calls prctl(PR_SET_CHILD_SUBREAPER, 1)");
            case WAIT_ANY, WAIT_PID -> {
                b.append(kind.call(actor, target)).append(": it reaps ").append(who(before, target));
                String s = serviceTracking(before, target);
                b.append(s == null ? "; init did not track it" : "; init tracked it for " + s);
            }
            case READ_ADOPTION -> {
                TlaValue m = before.var("rtq").elements().get(0);
                long pid = m.apply("pid").asInt(), prev = m.apply("prev").asInt();
                b.append("init reads an adoption signal: si_pid=").append(pid).append(", si_status=").append(prev);
                String s = serviceTracking(before, prev);
                boolean parks = after.vars().containsKey("pending")
                        && after.var("pending").elements().size() > before.var("pending").elements().size();
                String now = after.var("tracked").equals(before.var("tracked")) ? null : ownerNow(after, pid);
                b.append(now == null ? "; " + prev + " is unknown to init, so it " + (parks ? "parks the signal until " + prev + " is known" : "ignores the signal")
                        : "; init now tracks " + pid + " for " + now + (s == null ? " (the one running service)" : ""));
                if (now != null && after.vars().containsKey("pending")) {
                    for (TlaValue e : before.var("pending").elements()) {
                        if (!after.var("pending").elements().contains(e)) b.append("; the parked signal (").append(e.apply("pid").asInt())
                                .append(", prev ").append(e.apply("prev").asInt()).append(") is resolved: init tracks ").append(e.apply("pid").asInt());
                    }
                }
                String st = before.var("pstate").apply(pid).asStr();
                if (now != null && !st.equals("running")) b.append(" (but PID ").append(pid).append(" is already ").append(st).append(")");
            }
            case COLLECT_REPORT -> {
                String svc = ownerNow(after, target);
                b.append("init collects the adoption report of ").append(target)
                        .append(svc == null ? "; the ancestor it names is not known yet, so init parks it" : "; it belongs to " + svc + ", whose process init now tracks");
            }
            case REAPER_SPAWN -> b.append("the reaper ").append(actor).append(" (a child subreaper) forks process ").append(target)
                    .append(" as service ").append(after.var("svc").apply(target).asStr());
            case KILL_ZERO -> b.append(kind.call(actor, target)).append(": init tracks ").append(target).append(" (now ").append(who(before, target)).append(")");
            case STRANGER_START -> b.append("a stranger's first process ").append(who(after, target)).append(" appears as a child of init (init is not told)");
            default -> b.append(kind.call(actor, target));
        }
        for (String svc : after.var("status").keys()) {
            if (!before.var("status").apply(svc).equals(after.var("status").apply(svc)) && after.var("status").apply(svc).asStr().equals("stopped")) {
                b.append("; init reports ").append(svc).append(" stopped");
            }
        }
        return b.toString();
    }

    /** The services that track PID pid in state s, joined by " and ", or null. */
    static String ownerNow(TraceState s, long pid) {
        List<String> out = new ArrayList<>();
        for (String x : s.var("tracked").keys()) for (TlaValue v : s.var("tracked").apply(x).elements()) if (v.asInt() == pid) out.add(x);
        return out.isEmpty() ? null : String.join(" and ", out);
    }

    /** The service for which the supervisor tracked (or remembered) a PID, or null. */
    /** The services that track or reaped this PID (spec: ServiceOf), joined by " and ", or null. */
    static String serviceTracking(TraceState s, long pid) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String svc : s.var("tracked").keys()) {
            boolean has = false;
            for (TlaValue v : s.var("tracked").apply(svc).elements()) if (v.asInt() == pid) has = true;
            for (TlaValue v : s.var("gone").apply(svc).elements()) if (v.asInt() == pid) has = true;
            if (has) out.add(svc);
        }
        return out.isEmpty() ? null : String.join(" and ", out);
    }

    static int pids(TraceState s) { return s.var("pstate").elements().size(); }

    /** One line: the live processes, init's pending signals in dequeue order, and its beliefs. */
    static String snapshot(TraceState s) {
        StringBuilder b = new StringBuilder("procs:");
        for (int p = 1; p <= pids(s); p++) {
            String st = s.var("pstate").apply(p).asStr();
            if (st.equals("free")) continue;
            b.append(' ').append(p);
            List<String> tags = new ArrayList<>();
            if (p != 1) tags.add(s.var("svc").apply(p).asStr());
            if (st.equals("zombie")) tags.add("zombie");
            if (p != 1) tags.add("ppid " + s.var("parent").apply(p).asInt());
            if (p != 1 && s.var("sid").apply(p).asInt() == p) tags.add("session leader");
            if (s.var("ttySession").asInt() == s.var("sid").apply(p).asInt()) tags.add("tty");
            if (!tags.isEmpty()) b.append('(').append(String.join(", ", tags)).append(')');
        }
        b.append(" | init pending:");
        boolean any = false;
        if (s.var("sigchld").asInt() != 0) { b.append(" SIGCHLD(pid ").append(s.var("sigchld").asInt()).append(')'); any = true; }
        for (TlaValue m : s.var("rtq").elements()) {
            b.append(" SIGRTMIN(pid ").append(m.apply("pid").asInt()).append(", prev ").append(m.apply("prev").asInt()).append(')');
            any = true;
        }
        if (s.vars().containsKey("kept")) {
            for (TlaValue m : s.var("kept").elements()) {
                b.append(" report(pid ").append(m.apply("pid").asInt()).append(", line ").append(m.apply("line")).append(')');
                any = true;
            }
        }
        if (!any) b.append(" none");
        String where = s.var("supPc").asStr();
        if (!where.equals("idle")) b.append(" [init: ").append(where).append(s.vars().containsKey("carried") && s.var("carried").apply("pid").asInt() != 0
                ? " " + s.var("carried").apply("pid").asInt() : "").append(']');
        if (s.vars().containsKey("pending") && !s.var("pending").elements().isEmpty()) {
            b.append(" | parked:");
            for (TlaValue e : s.var("pending").elements()) b.append(" (").append(e.apply("pid").asInt()).append(", prev ").append(e.apply("prev").asInt()).append(')');
        }
        b.append(" | init believes:");
        for (String svc : s.var("status").keys()) {
            Set<Long> tracked = new TreeSet<>(), gone = new TreeSet<>();
            s.var("tracked").apply(svc).elements().forEach(v -> tracked.add(v.asInt()));
            s.var("gone").apply(svc).elements().forEach(v -> gone.add(v.asInt()));
            b.append(' ').append(svc).append(' ').append(s.var("status").apply(svc).asStr())
                    .append(" tracks ").append(tracked);
            if (!gone.isEmpty()) b.append(" reaped ").append(gone);
        }
        return b.toString();
    }
}
