package adoptsig.compare;

/**
 * Something a run did not decide: a model's property, a game of a check, a search that stopped
 * before its verdict; with the cause (a time limit, a state or belief limit, a full heap, a
 * failed TLC run). failure: what was thrown, when something was (null otherwise), so that the
 * command line can tell bad input from a run that could not be completed.
 */
public record Unfinished(String subject, String item, String cause, Throwable failure) {
    public Unfinished(String subject, String item, String cause) { this(subject, item, cause, null); }

    public String what() { return item == null ? subject : subject + " / " + item; }

    /** In one line: {@code what: undecided (cause)}. */
    public String line() { return what() + ": undecided (" + cause + ")"; }
}
