package adoptsig.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The adoptsig command line: thin; it parses arguments and calls the packages below.
 * Exit codes ({@link #EXIT_CODES}): 0 everything agrees with the record, 1 a verdict, count or
 * length differs, 2 bad input only, 3 the run could not be completed (with the cause in one line).
 */
@Command(name = "adoptsig", mixinStandardHelpOptions = true, version = "adoptsig 0.1.0",
        description = "Model-checks supervision mechanisms against daemon idioms (TLA+ and TLC), and a Java twin of the spec against it.",
        exitCodeListHeading = "%nExit codes (every command):%n", exitCodeList = {
                "0:everything agrees with the record",
                "1:a verdict, count or length differs from the record",
                "2:bad input (an unknown name, a malformed table, cfg or option, a TLA+ error); nothing is run",
                "3:the run could not be completed (out of memory, a disk full or a folder not writable, a TLC process killed, a time or state limit reached); the cause in one line, the results so far kept"},
        subcommands = {CheckCommand.class, MatrixCommand.class, AnswerCommand.class, ModelsCommand.class, CfgCommand.class, ExploreCommand.class,
                ConformCommand.class, ReplayCommand.class, BenchCommand.class, ProfileCommand.class, FidelityCommand.class, TablesCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0, DIFFERS = 1, BAD_INPUT = 2, INCOMPLETE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("adoptsig: missing command; the commands are:");
        err.print(HelpText.commandList(spec.commandLine().getHelp()));
        err.println("(java -jar target/adoptsig.jar COMMAND --help for a command's options)");
        err.flush();
        throw new MissingCommand();
    }

    /** No command was given: the list of commands is printed, and the exit code is that of bad input. */
    private static final class MissingCommand extends RuntimeException {
        MissingCommand() { super(null, null, false, false); }
    }

    /** Runs the command line and returns the exit code (tests call this; main exits with it). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        HelpText.install(cl);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine which = ex.getCommandLine();
            err.println("adoptsig: " + ex.getMessage());
            String synopsis = which.getHelp().synopsis(0).strip();
            err.println("usage: " + synopsis.replaceFirst("^Usage: ", ""));
            err.println("(" + which.getCommandSpec().qualifiedName() + " --help for every option)");
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof MissingCommand) return BAD_INPUT;
            return fail(err, ex);
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // errors are not exceptions: picocli lets them through, and they end here, in one line like the rest
            code = fail(err, e);
        }
        out.flush();
        err.flush();
        return code;
    }

    /** Prints what ended a command as one line and returns its exit code. */
    static int fail(PrintWriter err, Throwable e) {
        Failures.Failure f = Failures.describe(e);
        err.println("adoptsig: " + f.line());
        err.flush();
        return f.code();
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }
}
