package adoptsig.fidelity;

import adoptsig.InputError;
import adoptsig.kernel.Adoption;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.kernel.StepKind;
import adoptsig.tlc.TlaValue;
import adoptsig.tlc.Trace;
import adoptsig.tlc.TraceState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved TLC counterexample replayed on Linux: each step of the trace (its lastAction names the
 * step, its actor and its target) becomes the process operation it stands for (forks, exits,
 * setsid, exec, the daemons' waits, terminal opens, subreaper settings, init's forks, reads,
 * waits and probes, the PID cursor moved by OutsideFork), run through {@link Run} in a fresh
 * driver, so that Linux's process table, results and signals are compared with the Java
 * kernel's at every step as in any script, and the Java kernel's state is compared with the
 * trace's own (the kernel variables, and the step's result: the PID a fork returned, the zombie
 * a wait reaped, SIGCHLD's si_pid, ...). Linux then equals the trace step for step.
 *
 * The Java kernel of the run is Linux's (init asks for no adoption signal or report). What Linux
 * does not have is stated, not run, and not compared: the RFC's adoption signal (adoption modes
 * realtime, standard, line: the story says where the trace's kernel sends it and where init
 * reads it), the kept reports of the kernel change (mode keep: where a report is kept and
 * collected; the SIGCHLD that announces a report is that change too, so in mode keep SIGCHLD
 * is not compared with the trace, only with Linux), PR_SET_ADOPTSIG; steps that are no syscall
 * (WritePidfile, ReadPidfile, CgroupEmpty: a file written or read) are skipped with a note.
 */
public final class TraceReplay {
    /** How a replay ended. */
    public enum Verdict { REPRODUCED, NOT_REPRODUCIBLE, NOT_REPLAYED }

    /** A replay's result: the trace, its mechanism, the verdict, why, and the run (null when not replayed). */
    public record Result(String model, String mechanism, Path file, Verdict verdict, String explanation, Run.Outcome run) {}

    private TraceReplay() {}

    /** The kernel variables of Kernel.tla that a trace must have (a trace of the old model lacks some). */
    static final List<String> KERNEL_VARS = List.of("pstate", "parent", "pgid", "sid", "ttySession", "adoptSig", "subreaper", "lastPid",
            "joined", "sigchld", "rtq", "adoptMode", "lastAction");

    /**
     * Replays trace t of model (mechanism, sigLimit: the model's constants) on Linux through the
     * driver exe, and on the given kernel (the Java twin).
     */
    public static Result replay(Path exe, Kernel kernel, String model, String mechanism, int sigLimit, Path file, Trace t, boolean namespaces) {
        List<TraceState> states = t.states();
        if (states.isEmpty()) return new Result(model, mechanism, file, Verdict.NOT_REPLAYED, "the trace has no state", null);
        Map<String, TlaValue> first = states.get(0).vars();
        for (String v : KERNEL_VARS) {
            if (!first.containsKey(v)) {
                return new Result(model, mechanism, file, Verdict.NOT_REPLAYED, "a trace of an older model (no variable " + v
                        + "): regenerate it with `check " + model + "`", null);
            }
        }
        String mode = first.get("adoptMode").asStr();
        int maxPid = first.get("pstate").elements().size();
        try (Driver d = Driver.start(exe, namespaces)) {
            if (!d.hello().namespace()) {
                return new Result(model, mechanism, file, Verdict.NOT_REPLAYED, "a replay needs a PID namespace, where the PIDs are the trace's ("
                        + d.hello().note() + ")", null);
            }
            Run run = new Run(d, kernel, maxPid, sigLimit);
            run.note("replaying " + file + " (" + model + ", " + t.steps() + " steps; adoption mode " + mode
                    + (mode.equals("none") ? "" : ": what Linux lacks is told, not run") + ")");
            String bad = differs(run.state(), first, mode);
            if (bad != null) return verdict(model, mechanism, file, run, "the trace's initial state is not the kernel's boot state: " + bad);
            for (int i = 1; i < states.size(); i++) {
                TraceState st = states.get(i);
                TlaValue a = st.var("lastAction");
                String name = a.apply("name").asStr();
                int actor = (int) a.apply("actor").asInt();
                int target = (int) a.apply("target").asInt();
                StepKind kind = StepKind.of(name);
                run.note("trace step " + i + ": " + (kind != null ? kind.call(actor, target) : name));
                int replies = run.outcome().replies().size();
                String expected = stepOnLinux(run, name, actor, target, st, states.get(i - 1));
                if (run.failed()) break;
                String changed = lacking(states.get(i - 1).vars(), st.vars(), mode);
                if (changed != null) run.note(changed);
                boolean wakeUp = mode.equals("keep") && name.startsWith("ReadSigchld");
                if (expected != null && run.outcome().replies().size() > replies) {
                    Run.Reply last = run.outcome().replies().get(run.outcome().replies().size() - 1);
                    if (wakeUp && !expected.equals(last.predicted())) {
                        run.note("the trace's init reads " + expected + ": the SIGCHLD of the kept reports, a kernel change; Linux gives " + last.linux());
                    } else if (!expected.equals(last.predicted())) {
                        return verdict(model, mechanism, file, run, "step " + (i) + " (" + label(name, actor, target) + "): the trace says the call returned "
                                + expected + ", the Java kernel " + last.predicted());
                    }
                }
                String diff = differs(run.state(), st.vars(), mode);
                if (diff != null) {
                    return verdict(model, mechanism, file, run, "after step " + i + " (" + label(name, actor, target) + "), the Java kernel differs from the trace: " + diff);
                }
            }
            Run.Outcome o = run.outcome();
            if (!o.agrees()) {
                return new Result(model, mechanism, file, Verdict.NOT_REPRODUCIBLE, "Linux differs from the trace: " + o.disagreement(), o);
            }
            if (!o.unchecked().isEmpty()) {
                return new Result(model, mechanism, file, Verdict.NOT_REPLAYED, "steps that cannot be checked here: " + String.join("; ", o.unchecked()), o);
            }
            return new Result(model, mechanism, file, Verdict.REPRODUCED, "Linux took all " + t.steps() + " steps as the trace", o);
        } catch (InputError e) {
            return new Result(model, mechanism, file, Verdict.NOT_REPRODUCIBLE, "the trace has a step no process can make: " + e.getMessage(), null);
        }
    }

    private static Result verdict(String model, String mechanism, Path file, Run run, String why) {
        run.disagreeFromOutside(why);
        return new Result(model, mechanism, file, Verdict.NOT_REPRODUCIBLE, why, run.outcome());
    }

    private static String label(String name, int actor, int target) { return StepKind.labelOf(name, actor, target); }

    /**
     * Runs the operation step `name` stands for; returns the reply the trace says the call gave
     * (in the driver's language), or null when the step is no call of Linux's.
     */
    static String stepOnLinux(Run run, String name, int actor, int target, TraceState st, TraceState before) {
        StepKind kind = StepKind.of(name);
        if (kind == null) throw new InputError("a step the replay does not know: " + name);
        String told = label(name, actor, target);
        switch (kind) {
            case FORK -> { run.run(Op.of("Fork", actor)); return "ok " + target; }
            case SPAWN, STRANGER_START -> { run.run(Op.of("Fork", Kernel.INIT), name, svc(st, target)); return "ok " + target; }
            case REAPER_SPAWN -> { run.run(Op.of("Fork", actor), name, svc(st, target)); return "ok " + target; }
            case PROBE -> { run.run(Op.init("Probe", 0)); return "ok " + target; }
            case EXIT -> { run.run(Op.of("Exit", actor)); return "ok"; }
            case REAP -> { run.run(new Op("Reap", actor, target)); return "ok " + target; }
            case REAPER_ECHILD -> { run.run(Op.of("Wait", actor)); return "err ECHILD"; }
            case SETSID -> { run.run(Op.of("Setsid", actor)); return "ok " + actor; }
            case EXEC -> { run.run(Op.of("Exec", actor)); return "ok"; }
            case OPEN_TTY -> { run.run(Op.of("OpenTty", actor)); return "ok"; }
            case PRCTL_SET_CHILD_SUBREAPER -> { run.run(Op.of("PrctlSetChildSubreaper", actor)); return "ok"; }
            case OUTSIDE_FORK -> { run.run(Op.init("OutsideFork", target)); return "ok"; }
            case READ_SIGCHLD -> { run.run(Op.init("ReadSigchld", 0)); return "ok CHLD " + target + " 0 1"; }
            case READ_SIGCHLD_EMPTY -> { run.run(Op.init("ReadSigchld", 0)); return "err EAGAIN"; }
            case READ_ADOPTION_EMPTY -> { run.run(Op.init("ReadAdoption", 0)); return "err EAGAIN"; }
            case READ_SIGNALS_EMPTY -> { run.run(Op.init("ReadSignals", 0)); return "ok"; }
            case WAIT_ANY -> { run.run(Op.of("WaitNohang", Kernel.INIT)); return "ok " + target; }
            case WAIT_ANY_NONE -> { run.run(Op.of("WaitNohang", Kernel.INIT)); return "ok 0"; }
            case WAIT_ANY_ECHILD -> { run.run(Op.of("WaitNohang", Kernel.INIT)); return "err ECHILD"; }
            case WAIT_PID -> { run.run(Op.init("WaitPid", target)); return "ok " + target; }
            case PEEK -> { run.run(Op.init("Peek", 0)); return "ok " + target; }
            case PEEK_NONE -> { run.run(Op.init("Peek", 0)); return "ok 0"; }
            case PEEK_ECHILD -> { run.run(Op.init("Peek", 0)); return "err ECHILD"; }
            case KILL_ZERO -> { run.run(Op.init("KillZero", target)); return "ok"; }
            case KILL_ZERO_ESRCH, PROBE_PID -> { run.run(Op.init("KillZero", target)); return "err ESRCH"; }
            case READ_ADOPTION -> {
                TlaValue head = before.var("rtq").elements().isEmpty() ? null : before.var("rtq").elements().get(0);
                run.skip(told + (head == null ? "" : " (previous parent " + head.apply("prev") + ")") + ": the RFC's adoption signal, which Linux lacks: not asked");
                return null;
            }
            case COLLECT_REPORT, COLLECT_REPORT_EMPTY -> { run.skip(told + ": the kept reports are a kernel change, which Linux lacks: not asked"); return null; }
            case PRCTL_SET_ADOPTSIG -> { run.skip(told + ": PR_SET_ADOPTSIG, which Linux lacks: not asked"); return null; }
            case WRITE_PIDFILE, READ_PIDFILE -> { run.skip(told + ": a file written or read, no process call: skipped"); return null; }
            case CGROUP_EMPTY -> { run.skip(told + ": a read of cgroup.events; the driver sets up no cgroup: skipped"); return null; }
            case BOOT, SIGQUEUE -> throw new InputError("a trace step that is no step of a behaviour: " + name);
        }
        throw new InputError("a step the replay does not know: " + name);
    }

    /** The service tag the trace gives process p after the step. */
    private static String svc(TraceState st, int p) {
        TlaValue v = st.vars().get("svc");
        return v == null ? Proc.INIT_SVC : v.apply(p).asStr();
    }

    /**
     * What the trace's kernel did in a step that Linux lacks (an adoption signal sent or dropped, a
     * report kept), told; null when nothing.
     */
    static String lacking(Map<String, TlaValue> before, Map<String, TlaValue> after, String mode) {
        if (mode.equals("none")) return null;
        TlaValue a = after.get("lastAction");
        if (!a.apply("name").asStr().equals("Exit")) return null;
        List<String> sent = new ArrayList<>();
        if (mode.equals("keep")) {
            for (TlaValue m : after.get("kept").elements()) if (!before.get("kept").elements().contains(m)) sent.add(m.apply("pid").toString());
            return sent.isEmpty() ? null : "the trace's kernel keeps the adoption report" + (sent.size() == 1 ? " of " : "s of ")
                    + String.join(", ", sent) + " here (a kernel change, which Linux lacks)";
        }
        List<TlaValue> q0 = before.get("rtq").elements(), q1 = after.get("rtq").elements();
        for (TlaValue m : q1.subList(Math.min(q0.size(), q1.size()), q1.size())) sent.add(m.apply("pid") + " (previous parent " + m.apply("prev") + ")");
        long dropped = a.apply("dropped").asInt();
        if (sent.isEmpty() && dropped == 0) return null;
        return "the trace's kernel sends init the adoption signal" + (sent.size() == 1 ? " of " : "s of ") + String.join(", ", sent)
                + (dropped > 0 ? (sent.isEmpty() ? "" : "; ") + dropped + " dropped over RLIMIT_SIGPENDING" : "") + " here: Linux has none";
    }

    /**
     * Where the kernel state of the run (Linux's kernel) differs from the trace's kernel variables
     * that Linux has (null when nowhere): not adoptSig, adoptMode or the RFC's queue and kept
     * reports, and in mode keep not sigchld.
     */
    static String differs(KernelState k, Map<String, TlaValue> t, String mode) {
        int n = k.maxPid();
        if (t.get("pstate").elements().size() != n) return "the trace has " + t.get("pstate").elements().size() + " PIDs, the model " + n;
        for (int p = 1; p <= n; p++) {
            Proc x = k.proc(p);
            String where = "process " + p + ": ";
            if (!t.get("pstate").apply(p).asStr().equals(x.state().tla)) return where + "pstate " + t.get("pstate").apply(p) + " in the trace, " + x.state().tla + " in the model";
            if (t.get("parent").apply(p).asInt() != x.parent()) return where + "parent " + t.get("parent").apply(p) + " in the trace, " + x.parent() + " in the model";
            if (t.get("pgid").apply(p).asInt() != x.pgid()) return where + "pgid " + t.get("pgid").apply(p) + " in the trace, " + x.pgid() + " in the model";
            if (t.get("sid").apply(p).asInt() != x.sid()) return where + "sid " + t.get("sid").apply(p) + " in the trace, " + x.sid() + " in the model";
            if (t.get("subreaper").apply(p).asBool() != x.subreaper()) return where + "subreaper " + t.get("subreaper").apply(p) + " in the trace, " + x.subreaper() + " in the model";
        }
        if (t.get("ttySession").asInt() != k.ttySession()) return "ttySession " + t.get("ttySession") + " in the trace, " + k.ttySession() + " in the model";
        if (t.get("lastPid").asInt() != k.lastPid()) return "lastPid " + t.get("lastPid") + " in the trace, " + k.lastPid() + " in the model";
        List<Long> joined = new ArrayList<>();
        for (TlaValue v : t.get("joined").elements()) joined.add(v.asInt());
        if (!joined.equals(k.joined().stream().map(Integer::longValue).toList())) return "joined " + joined + " in the trace, " + k.joined() + " in the model";
        if (!mode.equals("keep") && t.get("sigchld").asInt() != k.sigchld()) return "sigchld " + t.get("sigchld") + " in the trace, " + k.sigchld() + " in the model";
        if (!mode.equals("none")) return null;
        List<TlaValue> q = t.get("rtq").elements();
        List<String> want = new ArrayList<>(), have = new ArrayList<>();
        for (TlaValue m : q) want.add(m.apply("pid") + "/" + m.apply("prev"));
        for (Adoption m : k.rtq()) have.add(m.pid() + "/" + m.prev());
        if (!want.equals(have)) return "rtq (pid/prev) " + want + " in the trace, " + have + " in the model";
        return null;
    }

    /** The replays of saved traces, by mechanism: how many were reproduced, not reproducible, not replayed. */
    public record Report(Driver.Hello hello, List<Result> results, double seconds) {
        public Map<String, int[]> byMechanism() {
            Map<String, int[]> m = new LinkedHashMap<>();
            for (Result r : results) m.computeIfAbsent(r.mechanism(), k -> new int[3])[r.verdict().ordinal()]++;
            return m;
        }
        public boolean agrees() { return results.stream().noneMatch(r -> r.verdict() == Verdict.NOT_REPRODUCIBLE); }
    }
}
