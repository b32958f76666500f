package adoptsig.fidelity;

/** The real-kernel harness cannot run here: not Linux, or no C compiler, or the driver does not build. */
public final class Unavailable extends RuntimeException {
    public Unavailable(String message) { super(message, null, false, false); }
}
