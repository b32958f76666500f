package adoptsig.cli;

/** The exit codes every command shares, as its --help lists them (each command says what 0 and 1 mean for it). */
final class ExitCodes {
    private ExitCodes() {}

    static final String HEADING = "%nExit codes:%n";
    static final String BAD_INPUT = "2:bad input (an unknown name, a malformed table, cfg or option, a TLA+ error), said in one line";
    static final String INCOMPLETE = "3:the run could not be completed (out of memory, a disk full or a folder not writable, "
            + "a TLC process killed, a time or state limit reached): the cause in one line; the results so far are kept, with a file PARTIAL saying why";
}
