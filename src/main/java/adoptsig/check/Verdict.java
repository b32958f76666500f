package adoptsig.check;

import adoptsig.catalog.Catalogue.Expected;

import java.nio.file.Path;

/**
 * The decision for one property of one model: what the catalogue expects, what TLC found,
 * the state count and depth of the run that decided it, the length of the counterexample
 * (0 when it holds), the run's wall time, and where the raw trace and the story were saved.
 */
public record Verdict(String model, String property, Expected expected, Expected actual, long distinct, int depth,
                      int traceSteps, double seconds, Path trace, Path story) {
    public boolean agrees() { return expected == actual; }
}
