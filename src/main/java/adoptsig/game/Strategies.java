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

    /**
     * A supervisor read back from its table ({@link #tsv}), for the arena it was synthesized on:
     * each result is matched to the observation the arena's states return for that call.
     */
    public static Strategy read(Arena a, java.nio.file.Path file) throws java.io.IOException {
        Map<String, Arena.Action> byName = new java.util.HashMap<>();
        for (Arena.Action x : a.actions()) byName.put(x.name(), x);
        Map<String, Map<String, Long>> told = new java.util.HashMap<>();   // per call: result told -> observation
        java.util.TreeMap<Integer, String[]> first = new java.util.TreeMap<>();
        Map<Integer, Map<Long, Integer>> next = new java.util.TreeMap<>();
        int ns = a.setting().services().size(), line = 0;
        for (String l : java.nio.file.Files.readAllLines(file)) {
            line++;
            if (l.startsWith("#") || l.startsWith("state\t") || l.isBlank()) continue;
            String[] f = l.split("\t", -1);
            if (f.length != 6) throw new adoptsig.InputError(file + ":" + line + ": a supervisor row has 6 columns, not " + f.length);
            int id = Integer.parseInt(f[0]);
            first.putIfAbsent(id, f);
            long o;
            java.util.regex.Matcher wait = java.util.regex.Pattern.compile("WaitProbe\\((\\d+)\\)").matcher(f[1]);
            if (wait.matches()) o = Long.parseLong(wait.group(1));
            else {
                Arena.Action act = byName.get(f[1]);
                if (act == null) throw new adoptsig.InputError(file + ":" + line + ": no call '" + f[1] + "' in this check's alphabet");
                Map<String, Long> m = told.computeIfAbsent(f[1], k -> {
                    Map<String, Long> t = new java.util.HashMap<>();
                    for (int x = 0; x < a.size(); x++) if (a.next(x, act.id()) != -3) t.putIfAbsent(a.tell(act, a.obs(x, act.id())), a.obs(x, act.id()));
                    return t;
                });
                Long v = m.get(f[4]);
                if (v == null) throw new adoptsig.InputError(file + ":" + line + ": " + f[1] + " never returns '" + f[4] + "' here");
                o = v;
            }
            next.computeIfAbsent(id, k -> new java.util.LinkedHashMap<>()).put(o, Integer.parseInt(f[5]));
        }
        List<Strategy.Node> nodes = new ArrayList<>();
        for (var e : first.entrySet()) {
            String[] f = e.getValue();
            long[] bel = new long[ns];
            boolean[] stopped = new boolean[ns];
            for (int s = 0; s < ns; s++) {
                String svc = a.setting().services().get(s);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^| )" + java.util.regex.Pattern.quote(svc) + "=\\{([0-9, ]*)\\}").matcher(f[2]);
                if (!m.find()) throw new adoptsig.InputError(file + ": state " + e.getKey() + " names no PIDs for " + svc);
                for (String p : m.group(1).split(", ")) if (!p.isBlank()) bel[s] |= 1L << Integer.parseInt(p.trim());
                stopped[s] = f[3].contains(svc + "=stopped");
            }
            if (e.getKey() != nodes.size()) throw new adoptsig.InputError(file + ": states are numbered 0, 1, ... in order; state " + e.getKey() + " is out of place");
            nodes.add(new Strategy.Node(e.getKey(), f[1], bel, stopped, 0, next.get(e.getKey()), "read from " + file.getFileName()));
        }
        return Strategy.ofNodes(a, nodes);
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
