package adoptsig.game;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A synthesized supervisor as a TLA+ module for spec/Synth.tla: the table (its calls, answers
 * and transitions, results coded as Synth.tla codes them), and the cfg that checks it with every
 * catalogued property at the setting's bounds. TLC then judges it like any hand-written
 * supervisor.
 */
public final class TlaTable {
    private TlaTable() {}

    public static final String MODULE = "MCSynth";

    /** The module defining SynthTable. */
    public static String module(Arena a, Strategy st) {
        StringBuilder b = new StringBuilder("---- MODULE " + MODULE + " ----\n");
        b.append("\\* A supervisor synthesized by the belief game for ").append(a.setting().iface().id()).append(", ")
                .append(a.setting().services()).append(" (written by `adoptsig answer --tlc`).\n");
        b.append("EXTENDS Synth, TLC\n\nSynthTable == [mode |-> \"").append(a.setting().iface().mode()).append("\", iface |-> \"")
                .append(a.setting().iface().id()).append("\",\n  states |-> <<\n");
        List<String> states = new ArrayList<>();
        List<String> svcs = a.setting().services();
        for (Strategy.Node n : st.nodes()) {
            String call = n.call(), svc = "none";
            int pid = 0;
            if (call.startsWith("Spawn(")) { svc = call.substring(6, call.length() - 1); call = "Spawn"; }
            else if (call.startsWith("WaitPid(")) { pid = Integer.parseInt(call.substring(8, call.length() - 1)); call = "WaitPid"; }
            else if (call.startsWith("WaitProbe(")) { pid = Integer.parseInt(call.substring(10, call.length() - 1)); call = "WaitProbe"; }
            List<String> bel = new ArrayList<>(), stopped = new ArrayList<>(), started = new ArrayList<>();
            for (int s = 0; s < svcs.size(); s++) {
                bel.add(svcs.get(s) + " |-> " + set(n.believed()[s]));
                if (n.stopped()[s]) stopped.add('"' + svcs.get(s) + '"');
                if ((n.started() & (1 << s)) != 0) started.add('"' + svcs.get(s) + '"');
            }
            List<String> next = new ArrayList<>();
            for (Map.Entry<Long, Integer> e : n.next().entrySet()) next.add("(" + code(call, e.getKey()) + " :> " + e.getValue() + ")");
            states.add("    [call |-> \"" + call + "\", svc |-> \"" + svc + "\", pid |-> " + pid + ", believed |-> [" + String.join(", ", bel)
                    + "], stopped |-> {" + String.join(", ", stopped) + "}, started |-> {" + String.join(", ", started) + "}, next |-> "
                    + String.join(" @@ ", next) + "]");
        }
        b.append(String.join(",\n", states)).append("\n  >>]\n====\n");
        return b.toString();
    }

    private static String set(long bits) {
        List<String> out = new ArrayList<>();
        for (int p = 1; p < 63; p++) if ((bits & (1L << p)) != 0) out.add(Integer.toString(p));
        return "{" + String.join(", ", out) + "}";
    }

    /** The result as Synth.tla codes it (PIDs, 0, EAGAIN and ECHILD as they are; messages with 3 bits per PID). */
    static long code(String call, long obs) {
        if (obs == Arena.EAGAIN || obs == Arena.ECHILD || obs >= 0 && obs < (1L << 29) && !call.equals("ReadAdoption")
                && !call.equals("CollectReport") && !call.equals("ReadAny")) return obs;
        if (call.equals("ReadAny") && (obs & Arena.SIGCHLD_BIT) != 0) return (1L << 30) + (obs & 63);
        Msg m = Arena.unpack(obs);
        long v = m.pid() + 8L * m.prev() + 64L * m.line().size();
        for (int k = 0; k < m.line().size(); k++) v += (long) m.line().get(k) << (9 + 3 * k);
        return v + (1L << 29);
    }

    /** The cfg: the setting's constants, the table, every catalogued property. */
    public static String cfg(Arena a, List<String> invariants, List<String> properties) {
        var s = a.setting();
        StringBuilder b = new StringBuilder("CONSTANTS\n");
        b.append("    MaxPid = ").append(s.maxPid()).append('\n');
        b.append("    Services = {").append(String.join(", ", s.services().stream().map(x -> '"' + x + '"').toList())).append("}\n");
        b.append("    SigLimit = ").append(s.sigLimit()).append('\n');
        b.append("    Idiom = \"").append(s.program()).append("\"\n");
        b.append("    DanceSync = ").append(s.sync() ? "TRUE" : "FALSE").append('\n');
        b.append("    Workers = ").append(s.workers() ? "TRUE" : "FALSE").append('\n');
        b.append("    Supervisor = \"synth\"\n");
        b.append("    Outside = ").append(s.outside() ? "TRUE" : "FALSE").append('\n');
        b.append("    Strangers = {").append(String.join(", ", s.strangers().stream().map(x -> '"' + x + '"').toList())).append("}\n");
        b.append("    Without = \"none\"\n");
        b.append("    Table <- SynthTable\n");
        b.append("SPECIFICATION SynthSpec\nINVARIANTS\n    NodeTypeInv\n");
        for (String i : invariants) b.append("    ").append(i).append('\n');
        b.append("PROPERTIES\n");
        for (String p : properties) b.append("    ").append(p).append('\n');
        return b.toString();
    }
}
