package adoptsig.cli;

import adoptsig.InputError;
import adoptsig.catalog.Model;
import adoptsig.catalog.Property;
import adoptsig.project.Project;
import adoptsig.tlc.SpecProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * `profile MODEL`: where TLC's evaluator spends its time on a model's states: each disjunct of
 * Next, each state invariant and each action property the model checks, in microseconds per
 * distinct state (see {@link SpecProfile}). Figures, not assertions; the state count is
 * compared with the record.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Time TLC's evaluator on a model, item by item: each disjunct of Next (one per binding of its outer \\E), each state "
                + "invariant and each action property the model checks, over the model's reachable states, in microseconds per distinct state.",
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:profiled; the state count is the record's (or only the first --max-states states were taken)",
                "1:the state count differs from the record", ExitCodes.BAD_INPUT})
public final class ProfileCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL", description = "a model of properties/models.tsv") String model;
    @Option(names = "--passes", defaultValue = "4", description = "passes over the states, the first one cold; each item's figure is its best warm pass (default: ${DEFAULT-VALUE})")
    int passes;
    @Option(names = "--max-states", defaultValue = "200000", paramLabel = "N", description = "profile only the first N states found breadth-first (default: ${DEFAULT-VALUE})")
    long maxStates;
    @Option(names = "--top", defaultValue = "30", paramLabel = "K", description = "print the K dearest items (default: ${DEFAULT-VALUE}); the totals count every item")
    int top;
    @picocli.CommandLine.Mixin ProjectOption where;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        if (passes < 2) throw new InputError("--passes must be at least 2 (the first pass is cold), not " + passes);
        if (maxStates < 1) throw new InputError("--max-states must be at least 1, not " + maxStates);
        if (top < 1) throw new InputError("--top must be at least 1, not " + top);
        try (Project p = where.open()) {
            Model m = p.models().model(model);
            List<String> inv = new ArrayList<>(), act = new ArrayList<>();
            for (String id : m.properties()) {
                Property x = p.catalogue().property(id);
                if (x.kind().isStatePredicate()) inv.addAll(x.operators());
                else if (x.kind().isSafety()) act.addAll(x.operators());
            }
            w.printf("profile %s (%s): TLC's evaluator in this JVM, %d passes%n", m.name(), p.source(), passes);
            w.flush();
            SpecProfile profile = SpecProfile.load(p.specDir(), m.bounds(), inv, act, p.temporaryFolder("adoptsig-profile"));
            long t0 = System.nanoTime();
            SpecProfile.Result r = profile.run(passes, maxStates);
            double seconds = (System.nanoTime() - t0) / 1e9;
            w.printf("  %,d distinct states%s, %,d steps (%.1f a state); %.1f s in all%n", r.states(),
                    r.whole() ? "" : " (the first found; there are more)", r.steps(), (double) r.steps() / Math.max(1, r.states()), seconds);
            double total = r.total();
            w.printf("  microseconds per distinct state (best warm pass; first pass in brackets):%n");
            w.printf("  %9.2f  in all [%.2f]%n", total, r.items().stream().mapToDouble(SpecProfile.Item::coldMicrosPerState).sum());
            for (String kind : List.of(SpecProfile.NEXT, SpecProfile.INVARIANT, SpecProfile.ACTION)) {
                long count = r.items().stream().filter(i -> i.kind().equals(kind)).count();
                w.printf("  %9.2f  %4.1f%%  %s (%d)%n", r.total(kind), 100 * r.total(kind) / total, plural(kind), count);
            }
            w.printf("  %9.2f  %4.1f%%  fingerprints of successors%n", r.fingerprintMicros(), 100 * r.fingerprintMicros() / total);
            w.printf("  dearest items:%n");
            r.items().stream().limit(top).forEach(i -> w.printf("  %9.3f  %4.1f%%  %-15s %s  [%.3f]%n",
                    i.microsPerState(), 100 * i.microsPerState() / total, i.kind(), i.name(), i.coldMicrosPerState()));
            int code = Main.OK;
            if (r.whole()) {
                if (m.distinct() < 0) w.printf("  no recorded state count to compare with%n");
                else if (m.distinct() == r.states()) w.printf("  the state count is the record's (%,d)%n", m.distinct());
                else {
                    w.printf("  the state count DIFFERS from the record: %,d here, %,d recorded%n", r.states(), m.distinct());
                    code = Main.DIFFERS;
                }
            } else w.printf("  not compared with the record: only the first %,d states were taken%n", r.states());
            w.printf("  (time per call measured around each call, timer included; figures vary from run to run, compare within one run)%n");
            w.flush();
            return code;
        }
    }

    private static String plural(String kind) {
        return switch (kind) {
            case SpecProfile.NEXT -> "steps of Next, successors computed";
            case SpecProfile.INVARIANT -> "state invariants";
            default -> "action properties, on every step";
        };
    }
}
