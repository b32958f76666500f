package adoptsig.conform;

import adoptsig.kernel.Kernel;

/** The mutant kernels, for tests outside this package. */
public final class MutantKernelsAccess {
    private MutantKernelsAccess() {}

    public static Kernel grandparentReaper() { return MutantKernels.ALL.get("orphans reparented to the grandparent"); }
}
