package adoptsig.product;

import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.kernel.Step;
import adoptsig.system.World;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells a conflict of the indistinguishability check as two behaviours side by side: what init
 * did and saw (the same in both), and what really happened in each, step by step; then the
 * point where init has read everything and the answers the two behaviours demand.
 */
public final class ConflictStory {
    private ConflictStory() {}

    public static String tell(String check, Product product, Game.Result result) {
        List<Game.Step> path = result.shortest();
        StringBuilder b = new StringBuilder();
        b.append("Check ").append(check).append(": ").append(result.verdict()).append(" (").append(path.size() - 1).append(" steps).\n");
        b.append(result.forced()
                ? "The environment forces it against every supervisor: whatever init does with what it sees, the daemons and the scheduler\n"
                  + "can lead it to a point like the one below. So no supervisor on this interface is correct at these bounds.\n"
                : "Some supervisors run into it; others escape: " + result.escape() + ".\n");
        b.append("\nTwo behaviours, L and R, that init cannot tell apart:\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"step", "init does, and sees (in both)", "in L", "in R"});
        for (int i = 1; i < path.size(); i++) {
            Game.Step s = path.get(i);
            Pair before = path.get(i - 1).state(), after = s.state();
            if (s.move().byInit()) {
                rows.add(new String[] {Integer.toString(i), initStep(s.move(), after), event(before.l(), after.l()), event(before.r(), after.r())});
            } else {
                boolean left = !before.l().equals(after.l()) || !before.lchan().equals(after.lchan());
                String e = left ? event(before.l(), after.l()) : event(before.r(), after.r());
                rows.add(new String[] {Integer.toString(i), "", left ? e : "", left ? "" : e});
            }
        }
        int[] w = new int[4];
        for (String[] r : rows) for (int k = 0; k < 4; k++) w[k] = Math.max(w[k], r[k].length());
        for (String[] r : rows) b.append(String.format("%4s  %-" + w[1] + "s | %-" + w[2] + "s | %s%n", r[0], r[1], r[2], r[3]));
        Pair last = path.get(path.size() - 1).state();
        b.append("\nNow init has read everything, and nothing it can ask tells L from R. What is really running:\n");
        b.append("  L: ").append(running(last.l())).append('\n');
        b.append("  R: ").append(running(last.r())).append('\n');
        String c = product.conflict(last);
        b.append('\n').append(c == null ? "(no conflict)" : c).append(c != null && c.startsWith("CommonName")
                ? ": init must name a running process of it (TracksLiveProcessInv), and whichever PID it names is wrong in one behaviour.\n"
                : ": init must report it running in one behaviour (RunningReportedInv) and, one day, stopped in the other (StoppedDetectedProp),\n"
                  + "but it sees the same in both, for ever if the daemons now do nothing.\n");
        return b.toString();
    }

    /** What init does and sees at each step of the shortest conflict ("" where another process moves): the same in L and R. */
    public static List<String> initSees(List<Game.Step> path) {
        List<String> out = new ArrayList<>();
        out.add("");
        for (int i = 1; i < path.size(); i++) {
            Game.Step s = path.get(i);
            out.add(s.move().byInit() ? initStep(s.move(), s.state()) : "");
        }
        return out;
    }

    /** What happened in one copy at each step (for the pictures' step labels). */
    public static List<String> events(List<Game.Step> path, boolean left) {
        List<String> out = new ArrayList<>();
        out.add("start");
        for (int i = 1; i < path.size(); i++) {
            Pair before = path.get(i - 1).state(), after = path.get(i).state();
            String e = left ? event(before.l(), after.l()) : event(before.r(), after.r());
            boolean moved = left ? !before.l().equals(after.l()) || !before.lchan().equals(after.lchan())
                    : !before.r().equals(after.r()) || !before.rchan().equals(after.rchan());
            out.add(moved ? e : "(nothing in this copy)");
        }
        return out;
    }

    private static String who(KernelState k, int p) {
        if (p == Kernel.INIT) return "init";
        String svc = k.proc(p).svc();
        return p + (svc.equals("none") ? "" : " (" + svc + ")");
    }

    /** Init's step, as init sees it. */
    private static String initStep(Product.Move move, Pair after) {
        Step st = after.l().kernel().lastAction();
        return switch (st.name()) {
            case "Spawn" -> "fork() for " + after.l().kernel().proc(st.target()).svc() + " returns " + st.target();
            case "ReadSigchld" -> "reads SIGCHLD";
            case "ReadAdoption" -> "reads an adoption " + move.name().substring("ReadAdoption".length());
            case "WaitNohang" -> "waitpid(-1, WNOHANG) returns " + st.target();
            default -> st.name();
        };
    }

    /** What one copy's step did, in kernel vocabulary. */
    private static String event(World before, World after) {
        KernelState k0 = before.kernel(), k = after.kernel();
        Step st = k.lastAction();
        return switch (st.name()) {
            case "Spawn" -> "init forks " + who(k, st.target());
            case "StrangerStart" -> "a stranger's process " + who(k, st.target()) + " appears (init not told)";
            case "Fork" -> who(k0, st.actor()) + " forks " + st.target() + (st.reused() ? " (PID reused)" : "");
            case "Exit" -> {
                List<Integer> kids = new ArrayList<>();
                for (Proc c : k0.procs()) if (c.inUse() && c.parent() == st.actor()) kids.add(c.pid());
                yield who(k0, st.actor()) + " exits" + (kids.isEmpty() ? "" : ", " + kids + " to " + (st.target() == Kernel.INIT ? "init" : who(k0, st.target())));
            }
            case "Reap" -> who(k0, st.actor()) + " reaps " + st.target();
            case "Setsid" -> who(k0, st.actor()) + " calls setsid()";
            case "Exec" -> who(k0, st.actor()) + " calls execve()";
            case "OpenTty" -> who(k0, st.actor()) + " opens the terminal";
            case "OutsideFork" -> "other processes fork: the next PID follows " + st.target();
            case "ReadSigchld", "ReadAdoption" -> "";
            case "WaitNohang" -> "init reaps " + who(k0, st.target());
            default -> st.name();
        };
    }

    private static String running(World w) {
        List<String> out = new ArrayList<>();
        for (Proc p : w.kernel().procs()) {
            if (p.pid() == Kernel.INIT || !p.inUse()) continue;
            out.add(p.pid() + " (" + p.svc() + (p.running() ? "" : ", zombie") + ")");
        }
        return out.isEmpty() ? "nothing" : String.join(", ", out);
    }
}
