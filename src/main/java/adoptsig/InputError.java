package adoptsig;

/**
 * Bad input from the user or the data files: an unknown model or property, a malformed
 * table or config, a TLA+ parse error. The command line prints the message as one line and
 * exits non-zero; it is never a bug, so it carries no stack trace.
 */
public class InputError extends RuntimeException {
    public InputError(String message) { super(message, null, false, false); }
}
