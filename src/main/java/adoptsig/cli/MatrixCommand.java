package adoptsig.cli;

import picocli.CommandLine.Command;

/** `matrix`: `check --grid`, every mechanism against every grid idiom (the options of `check` apply). */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = "Model-check the grid: every supervision mechanism against every daemon idiom of the grid (the same as `check --grid`).",
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:every cell agrees with the record", "1:a verdict, count or length differs",
                ExitCodes.BAD_INPUT, ExitCodes.INCOMPLETE})
public final class MatrixCommand extends CheckCommand {
    @Override
    public Integer call() {
        grid = true;
        return super.call();
    }
}
