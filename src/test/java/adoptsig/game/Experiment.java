package adoptsig.game;

import adoptsig.game.Interface;
import adoptsig.game.Setting;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Scratch: run both games on settings given as arguments: world idiom iface maxPid sigLimit regime probes. */
public class Experiment {
    public static void main(String[] args) {
        String world = args[0], idiom = args[1];
        Interface i = Interface.of(args[2]);
        int maxPid = Integer.parseInt(args[3]), lim = Integer.parseInt(args[4]);
        String regime = args[5];
        boolean probes = args[6].equals("probes");
        String program = switch (idiom) { case "workers", "two", "ordered" -> "dance"; default -> idiom; };
        boolean sync = idiom.equals("ordered"), workers = idiom.equals("workers") || idiom.equals("ordered");
        List<String> svc = world.equals("closed") ? List.of("a", "b") : List.of("a");
        List<String> str = world.equals("closed") ? List.of() : List.of("x");
        boolean outside = args.length > 8 && args[8].equals("outside");
        Setting s = new Setting(maxPid, svc, str, lim, program, sync, workers, outside, i, regime, probes ? Set.of() : Set.of(Call.PROBE));
        long t0 = System.nanoTime();
        Arena a = new Arena(s).build(System.out::println, 5_000_000);
        System.out.printf("arena: %,d states, %.1f s%n", a.size(), (System.nanoTime() - t0) / 1e9);
        PairGame.Result p = new PairGame(a).solve(System.out::println, 50_000_000);
        System.out.printf("pairs: %s, %,d pairs, %,d conflicts, %.1f s; %s%n", p.verdict(), p.pairs(), p.conflicts(), p.seconds(), p.why());
        BeliefGame.Result r = new BeliefGame(a).solve(System.out::println, 5_000_000, 20_000_000);
        System.out.printf("belief: %s, %,d beliefs (%,d safe), %,d positions, %.1f s, %,d MB%n", r.verdict(), r.beliefs(), r.safeBeliefs(), r.positions(),
                r.seconds(), r.peakBytes() >> 20);
        if (r.loss() != null) {
            for (String st : r.loss().steps()) System.out.println("  " + st);
            System.out.println("  " + r.loss().why());
            for (var w : r.loss().apart()) System.out.println("    " + w.kernel().procs() + " pc " + w.pc());
        }
        if (r.strategy() != null) {
            System.out.println("strategy: " + r.strategy().size() + " states; checked against every behaviour: " + StrategyCheck.run(a, r.strategy()));
            var mut = new java.util.ArrayList<Strategy.Node>();
            for (var n : r.strategy().nodes()) mut.add(new Strategy.Node(n.id(), n.call(), new long[n.believed().length], n.stopped(), n.started(), n.next(), n.told()));
            System.out.println("  mutant (believes nothing): " + StrategyCheck.run(a, Strategy.ofNodes(a, mut)).violation());
            var mut2 = new java.util.ArrayList<Strategy.Node>();
            for (var n : r.strategy().nodes()) { long[] b = n.believed().clone(); for (int q = 0; q < b.length; q++) b[q] = ~0L; mut2.add(new Strategy.Node(n.id(), n.call(), b, n.stopped(), n.started(), n.next(), n.told())); }
            System.out.println("  mutant (believes every PID): " + StrategyCheck.run(a, Strategy.ofNodes(a, mut2)).violation());
            var mut3 = new java.util.ArrayList<Strategy.Node>();
            for (var n : r.strategy().nodes()) mut3.add(new Strategy.Node(n.id(), n.call(), n.believed(), new boolean[n.stopped().length], n.started(), n.next(), n.told()));
            System.out.println("  mutant (never reports stopped): " + StrategyCheck.run(a, Strategy.ofNodes(a, mut3)).violation());
            if (args.length > 7 && args[7].equals("show")) for (var n : r.strategy().nodes()) System.out.println("  " + n.id() + ": " + n.call() + " believes " + java.util.Arrays.toString(n.believed()) + " stopped " + java.util.Arrays.toString(n.stopped()) + " next " + n.next() + "  [" + n.told() + "]");
        }
    }
}
