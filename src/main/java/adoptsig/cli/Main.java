package adoptsig.cli;

import adoptsig.InputError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The adoptsig command line: thin; it parses arguments and calls the packages below.
 * Exit codes: 0 everything agrees with the record, 1 a verdict, count or length differs (or a
 * run was stopped at its time limit), 2 bad input (unknown model or property, malformed file,
 * TLA+ parse error).
 */
@Command(name = "adoptsig", mixinStandardHelpOptions = true, version = "adoptsig 0.1.0",
        description = "Model-checks supervision mechanisms against daemon idioms (TLA+ and TLC), and a Java twin of the spec against it.",
        subcommands = {CheckCommand.class, MatrixCommand.class, AnswerCommand.class, ModelsCommand.class, CfgCommand.class, ExploreCommand.class,
                ConformCommand.class, ReplayCommand.class, BenchCommand.class, FidelityCommand.class, TablesCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0, DIFFERS = 1, BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: check)");
    }

    /** Runs the command line and returns the exit code (tests call this; main exits with it). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("adoptsig: " + ex.getMessage());
            err.println("usage: java -jar target/adoptsig.jar check [MODEL...]  (see --help)");
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputError) {
                err.println("adoptsig: error: " + ex.getMessage());
            } else {
                err.println("adoptsig: internal error (a bug, please report): " + ex);
            }
            err.flush();
            return BAD_INPUT;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }
}
