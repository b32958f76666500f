package adoptsig.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The paragraphs of --help (a command's description, the list of commands) wrapped at spaces
 * only: picocli's own wrapping may break a line inside a file name, after its dot
 * ("properties/expected." / "tsv").
 */
final class HelpText {
    private HelpText() {}

    /** Installs the wrapping in a command line and all its subcommands. */
    static void install(CommandLine cl) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = cl.getHelpSectionMap();
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpText::description);
        if (!cl.getSubcommands().isEmpty()) sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpText::commandList);
        for (CommandLine sub : cl.getSubcommands().values()) install(sub);
    }

    static int width(CommandSpec spec) { return spec.usageMessage().width(); }

    private static String description(CommandLine.Help help) {
        StringBuilder b = new StringBuilder();
        for (String paragraph : help.commandSpec().usageMessage().description()) {
            b.append(wrap(String.format(paragraph), width(help.commandSpec()), "", ""));
        }
        return b.toString();
    }

    /** The list of commands, each name then its description's first paragraph, continued under it. */
    static String commandList(CommandLine.Help help) {
        Map<String, CommandLine> subs = help.commandSpec().commandLine().getSubcommands();
        int name = 0;
        for (String n : subs.keySet()) name = Math.max(name, n.length());
        String indent = " ".repeat(2 + name + 2);
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, CommandLine> e : subs.entrySet()) {
            String[] d = e.getValue().getCommandSpec().usageMessage().description();
            String first = String.format("  %-" + name + "s  ", e.getKey());
            b.append(wrap(d.length == 0 ? "" : String.format(d[0]), width(help.commandSpec()), first, indent + "  "));
        }
        return b.toString();
    }

    /** Text wrapped at spaces to lines of at most width characters (a word longer than a line stands alone). */
    static String wrap(String text, int width, String firstIndent, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(firstIndent);
        int start = line.length();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > start && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
                start = line.length();
            }
            if (line.length() > start) line.append(' ');
            line.append(word);
        }
        lines.add(line.toString());
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }
}
