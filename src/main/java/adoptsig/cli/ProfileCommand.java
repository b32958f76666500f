package adoptsig.cli;

import adoptsig.InputError;
import adoptsig.catalog.Model;
import adoptsig.project.Project;
import adoptsig.tlc.SpecProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * `profile MODEL`: where TLC's evaluator spends its time on a model's states: each disjunct of
 * Next, each state invariant and each action property the model checks, and the successors'
 * fingerprints, in microseconds per distinct state (see {@link SpecProfile}). Figures, not
 * assertions; the state count is compared with the record.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Time TLC's evaluator on a model, item by item: each disjunct of Next (one per binding of its outer \\E), each state "
                + "invariant and each action property the model checks, and the successors' fingerprints, over the model's reachable states "
                + "(found first, breadth-first, as TLC does), in wall-clock microseconds per distinct state, timer included: each item's least "
                + "over the passes after the first (the totals are sums of those), the first timed pass beside it in brackets.",
                "Only the evaluation is timed: TLC's fingerprint set, state queue and trace file, the JVM's start, parsing and the compiler's "
                + "own work are not. The figures are those of the code this JVM's compiler makes: `check` runs a model of under " + adoptsig.tlc.TlcRunner.FORK_BELOW + " "
                + "states in a JVM of its own with C1 only; `java -XX:TieredStopAtLevel=1 -jar target/adoptsig.jar profile MODEL` shows what those runs pay."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:profiled; the state count is the record's (or there is none, or only the first --max-states states were taken)",
                "1:the state count differs from the record", ExitCodes.BAD_INPUT, ExitCodes.INCOMPLETE})
public final class ProfileCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL", description = "a model of properties/models.tsv") String model;
    @Option(names = "--passes", defaultValue = "4", paramLabel = "N", description = "timed passes over the states: the first, then the warm ones (default: ${DEFAULT-VALUE})")
    int passes;
    @Option(names = "--max-states", defaultValue = "200000", paramLabel = "N", description = "profile only the first N states found breadth-first (default: ${DEFAULT-VALUE})")
    long maxStates;
    @Option(names = "--top", defaultValue = "30", paramLabel = "K", description = "print the K dearest items (default: ${DEFAULT-VALUE}); the totals count every item")
    int top;
    @picocli.CommandLine.Mixin ProjectOption where;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    /** A warm pass shorter than this is mostly the compiler at work: the figures are then flagged. */
    static final double SHORT_PASS_SECONDS = 1.0;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        if (passes < 2) throw new InputError("--passes must be at least 2 (the first timed pass, then the warm ones), not " + passes);
        if (maxStates < 1) throw new InputError("--max-states must be at least 1, not " + maxStates);
        if (top < 1) throw new InputError("--top must be at least 1, not " + top);
        try (Project p = where.open()) {
            Model m = p.models().model(model);
            var ops = p.catalogue().operators(m.properties());
            List<String> inv = ops.invariants(), act = ops.actions();
            w.printf("profile %s (%s): TLC's evaluator in this JVM (Java %s, %s), %d timed passes (1 first, %d warm)%n", m.name(), p.source(),
                    System.getProperty("java.version"), compiler(), passes, passes - 1);
            w.flush();
            SpecProfile profile = SpecProfile.load(p.specDir(), m.bounds(), inv, act, p.temporaryFolder("adoptsig-profile"));
            long t0 = System.nanoTime();
            SpecProfile.Result r = profile.run(passes, maxStates);
            double seconds = (System.nanoTime() - t0) / 1e9;
            w.printf("  %,d distinct states%s, %,d steps (%.1f a state); %.1f s for the search and the passes%n", r.states(),
                    r.whole() ? "" : " (the first found; there are more)", r.steps(), (double) r.steps() / Math.max(1, r.states()), seconds);
            double total = r.total(false), cold = r.total(true);
            w.printf("  microseconds per distinct state (each item's least over the warm passes; the first timed pass in brackets):%n");
            w.printf("  %9.2f         in all  [%.2f]%n", total, cold);
            for (String kind : List.of(SpecProfile.NEXT, SpecProfile.INVARIANT, SpecProfile.ACTION)) {
                long count = r.items().stream().filter(i -> i.kind().equals(kind)).count();
                w.printf("  %9.2f  %5.1f%%  %s  [%.2f]%n", r.total(kind, false), 100 * r.total(kind, false) / total, plural(kind, count), r.total(kind, true));
            }
            w.printf("  %9.2f  %5.1f%%  fingerprints of the successors  [%.2f]%n", r.fingerprints().microsPerState(),
                    100 * r.fingerprints().microsPerState() / total, r.fingerprints().coldMicrosPerState());
            double timer = r.timerNanos() * r.callsPerState(act.size()) / 1e3;
            w.printf("  of which the timer: about %.2f (%.0f ns an empty interval, %.0f timed calls a state)%n", timer, r.timerNanos(), r.callsPerState(act.size()));
            w.printf("  dearest items:%n");
            r.items().stream().limit(top).forEach(i -> w.printf("  %9.3f  %5.1f%%  %-15s %s  [%.3f]%n",
                    i.microsPerState(), 100 * i.microsPerState() / total, i.kind(), i.name(), i.coldMicrosPerState()));
            if (r.items().size() > top) {
                var rest = r.items().subList(top, r.items().size());
                w.printf("  (%d more items, %.3f in all)%n", rest.size(), rest.stream().mapToDouble(SpecProfile.Item::microsPerState).sum());
            }
            double warmPass = total * r.states() / 1e6;
            if (warmPass < SHORT_PASS_SECONDS)
                w.printf("  a warm pass takes %.2f s: under %.0f s the figures are mostly the compiler at work; profile a larger model%n",
                        warmPass, SHORT_PASS_SECONDS);
            int code = Main.OK;
            if (r.whole()) {
                if (m.distinct() < 0) w.printf("  no recorded state count to compare with%n");
                else if (m.distinct() == r.states()) w.printf("  the state count is the record's (%,d)%n", m.distinct());
                else {
                    w.printf("  the state count DIFFERS from the record: %,d here, %,d recorded%n", r.states(), m.distinct());
                    code = Main.DIFFERS;
                }
            } else w.printf("  not compared with the record: only the first %,d states were taken%n", r.states());
            w.printf("  (wall-clock times: figures vary from run to run; compare items within one run)%n");
            w.flush();
            return code;
        }
    }

    /** The JIT compilers this JVM uses: C1 only, or C1 and C2 (tiered), as its flags say. */
    static String compiler() {
        try {
            var hs = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            String stop = hs.getVMOption("TieredStopAtLevel").getValue();
            String tiered = hs.getVMOption("TieredCompilation").getValue();
            if (!"true".equals(tiered)) return "C2 only, not tiered";
            return Integer.parseInt(stop) < 4 ? "C1 only (TieredStopAtLevel=" + stop + ")" : "tiered, C1 then C2";
        } catch (RuntimeException e) {
            return "compiler not known";
        }
    }

    private static String plural(String kind, long count) {
        return switch (kind) {
            case SpecProfile.NEXT -> count + " disjuncts of Next (their successors computed)";
            case SpecProfile.INVARIANT -> count + " state invariants";
            default -> count + " action properties, on every step";
        };
    }
}
