package adoptsig;

/**
 * A run that could not be completed for a reason outside the input: the heap or the disk is
 * full, a folder cannot be written, a TLC process was killed, a time or state limit was reached.
 * The command line prints the message as one line, keeps what was done so far, and exits 3.
 */
public class RunFailure extends RuntimeException {
    public RunFailure(String message) { super(message, null, false, false); }
}
