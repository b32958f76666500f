package adoptsig.product;

import adoptsig.InputError;
import adoptsig.tlc.TlcOutput;
import adoptsig.tlc.TlcRunner;
import adoptsig.tlc.Trace;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * TLC on spec/Indistinguishability.tla for one setting (one worker, breadth first, with the
 * spec's VIEW): the distinct states it finds, and the shortest conflict it reports, if any. The
 * Java game must find the same count and a shortest conflict of the same length.
 */
public final class ProductTlc {
    public static final String MODULE = "MCIndistinguishability";

    /** distinct: states found (of the whole graph when there is no conflict); trace: the conflict, if any. */
    public record Outcome(long distinct, Optional<Trace> conflict, String violated, double seconds) {}

    private ProductTlc() {}

    public static Outcome run(Setting s, Path specDir, Path work, Duration limit) {
        String cfg = s.cfgText(List.of("CommonNameInv", "SameLivenessInv")) + "VIEW View\n";
        TlcRunner.Result r = new TlcRunner().runModel(specDir, work, MODULE, "Product.cfg", cfg, 1, limit, p -> { });
        if (r.timedOut()) throw new InputError("TLC on the indistinguishability check ran over its time limit: " + r.log());
        Optional<TlcOutput.Message> v = r.output().violation();
        if (r.exitCode() != 0 && v.isEmpty()) throw new InputError("TLC could not check the indistinguishability model (exit " + r.exitCode() + "): see " + r.log());
        return new Outcome(r.output().distinct(), v.isPresent() ? r.output().trace() : Optional.empty(),
                v.flatMap(TlcOutput::violatedName).orElse(null), r.elapsed().toMillis() / 1000.0);
    }
}
