package adoptsig.game;

import adoptsig.kernel.Proc;
import adoptsig.system.World;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A game's results for readers: a synthesized supervisor as a table and told, and a loss told. */
public final class Strategies {
    private Strategies() {}

    private static String pids(long bits) {
        List<Integer> out = new ArrayList<>();
        for (int p = 1; p < 63; p++) if ((bits & (1L << p)) != 0) out.add(p);
        return out.isEmpty() ? "{}" : out.toString().replace('[', '{').replace(']', '}');
    }

    /**
     * The supervisor as data, one row per state and result: its call, its answers (per service:
     * the PIDs it attributes to it, and running or stopped), what the call returned, and the next
     * state. This is the whole supervisor: what init does depends only on these rows.
     */
    public static String tsv(Arena a, Strategy st) {
        StringBuilder b = new StringBuilder("# A supervisor synthesized by the belief game: in each state init makes the call and answers as shown;\n"
                + "# the call's result picks the next state. services: " + a.setting().services() + "\n");
        b.append("state\tcall\tbelieves\treports\tresult\tnext\n");
        for (Strategy.Node n : st.nodes()) {
            List<String> bel = new ArrayList<>(), rep = new ArrayList<>();
            for (int s = 0; s < n.believed().length; s++) {
                String svc = a.setting().services().get(s);
                bel.add(svc + "=" + pids(n.believed()[s]));
                rep.add(svc + "=" + (n.stopped()[s] ? "stopped" : "running"));
            }
            for (Map.Entry<Long, Integer> e : n.next().entrySet()) {
                b.append(n.id()).append('\t').append(n.call()).append('\t').append(String.join(" ", bel)).append('\t')
                        .append(String.join(" ", rep)).append('\t').append(st.result(n, e.getKey())).append('\t').append(e.getValue()).append('\n');
            }
        }
        return b.toString();
    }

    /** The supervisor's first states, told (at most lines of them). */
    public static String tell(Arena a, Strategy st, int lines) {
        StringBuilder b = new StringBuilder("its first states (the whole table is supervisor.tsv):\n");
        for (Strategy.Node n : st.nodes()) {
            if (n.id() >= lines) break;
            List<String> next = new ArrayList<>();
            for (Map.Entry<Long, Integer> e : n.next().entrySet()) next.add(st.result(n, e.getKey()) + " -> " + e.getValue());
            List<String> bel = new ArrayList<>();
            for (int s = 0; s < n.believed().length; s++) bel.add(a.setting().services().get(s) + " " + pids(n.believed()[s]));
            b.append(String.format("  %3d: %-16s believes %s; %s%n", n.id(), n.call(), String.join(", ", bel), String.join(", ", next)));
        }
        return b.toString();
    }

    /** A process table in one line. */
    public static String table(World w) {
        StringBuilder b = new StringBuilder();
        for (Proc p : w.kernel().procs()) {
            if (!p.inUse() || p.pid() == 1) continue;
            b.append(String.format("%d(%s%s, parent %d, at %s) ", p.pid(), p.svc(), p.running() ? "" : ", zombie", p.parent(), w.pc(p.pid())));
        }
        var k = w.kernel();
        b.append("| pending:");
        if (k.chldPending()) b.append(" SIGCHLD(").append(k.sigchld()).append(')');
        k.rtq().forEach(m -> b.append(" (").append(m.pid()).append(", prev ").append(m.prev()).append(')'));
        k.kept().forEach(m -> b.append(" report ").append(m.pid()));
        return b.toString().trim();
    }

    /** Why no supervisor is correct, told. */
    public static String tellLoss(Arena a, LossStory loss) {
        StringBuilder b = new StringBuilder("the environment wins against every supervisor (the game's verdict); one play that init loses, with init's first choice at each point (not its best):\n");
        for (String st : loss.steps()) b.append("  init ").append(st).append('\n');
        b.append(loss.why()).append('\n');
        int k = 1;
        for (World w : loss.apart()) b.append("  state ").append(k++).append(": ").append(table(w)).append('\n');
        return b.toString();
    }
}
