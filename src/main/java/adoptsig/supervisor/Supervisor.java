package adoptsig.supervisor;

import adoptsig.system.Bounds;
import adoptsig.system.World;

import java.util.List;

/**
 * One supervision mechanism: a section of spec/Supervisors.tla, one class each, named
 * like the section (mechanism rfcWitness: class RfcWitness, operators RfcWitnessInit, RfcWitnessNext,
 * RfcWitnessBelieved). {@link Mechanisms#create} finds the class of a mechanism id of
 * properties/mechanisms.tsv.
 */
public interface Supervisor {
    /** The mechanism's id (spec: the value of the constant Supervisor). */
    String id();

    /** Spec: MInit's argument of InitWith: what init asks the kernel for at boot ("none", "signal", "keep"). */
    String adopt();

    /** Spec: MInit. */
    World init();

    /** Spec: MNext: every successor of w (init's steps, its helpers' steps, every daemon step as M sees it). */
    List<World> next(World w);

    /** Spec: MBelieved(s): the PIDs (a bit set) the mechanism attributes to service s. */
    long believed(World w, String s);

    /**
     * Spec: MFairness: the fairness groups ({@link Fairness}) whose action the step from
     * {@code before} to {@code after} (one of {@link #next}'s successors) is a step of.
     */
    long fairness(World before, World after);

    /** The bounds this mechanism runs under (spec: the constants). */
    Bounds bounds();
}
