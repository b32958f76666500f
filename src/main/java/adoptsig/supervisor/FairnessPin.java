package adoptsig.supervisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The spec's text that the Java engine's liveness check implements by hand and that no state
 * count can reveal a change of (fairness does not change the state graph): every fairness and
 * specification formula of spec/Supervisors.tla, the daemons' fair steps (spec/Daemons.tla), and
 * the temporal properties with the operators they read (spec/Properties.tla, spec/Kernel.tla).
 * {@link #PINNED} is the SHA-256 of those definitions as the Java labels ({@link Fairness},
 * {@code Supervisor.fairness}) and {@code engine.LivenessCheck.instances} implement them; when
 * the spec's text differs, `check` has TLC decide the temporal properties.
 */
public final class FairnessPin {
    private FairnessPin() {}

    /** The digest of the definitions the Java liveness check was written for (and checked against TLC's record with). */
    public static final String PINNED = "c42ca51fa2dd6ea4372415ad6eb3605e56ab4d61b2bd8d8e824b3eb1d8efc371";

    /** module -> the definitions pinned (a name, or a regular expression over names). */
    private static final List<String[]> PINS = List.of(
            new String[] {"Supervisors", ".*Fairness|.*Spec|ClassicLoop"},
            new String[] {"Daemons", "DanceFairStep|DaemonFairStep|DaemonStep|DanceStep"},
            new String[] {"Properties", "StoppedDetectedProp|NotificationsReadProp|ZombiesReapedProp|Drained|Lives"},
            new String[] {"Kernel", "InitZombies"});

    private static final Pattern DEFINITION = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\(.*?\\))?\\s*==.*");

    /** The pinned definitions' text in the spec folder: each definition's first line and its indented continuation lines. */
    public static String text(Path specDir) {
        StringBuilder out = new StringBuilder();
        for (String[] pin : PINS) {
            Pattern names = Pattern.compile(pin[1]);
            List<String> lines;
            try {
                lines = Files.readAllLines(specDir.resolve(pin[0] + ".tla"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + specDir.resolve(pin[0] + ".tla") + ": " + e.getMessage(), e);
            }
            for (int i = 0; i < lines.size(); i++) {
                var m = DEFINITION.matcher(lines.get(i));
                if (!m.matches() || !names.matcher(m.group(1)).matches()) continue;
                List<String> def = new ArrayList<>();
                def.add(lines.get(i).stripTrailing());
                for (int j = i + 1; j < lines.size() && !lines.get(j).isBlank() && Character.isWhitespace(lines.get(j).charAt(0)); j++) {
                    def.add(lines.get(j).stripTrailing());
                }
                out.append(pin[0]).append(": ").append(String.join("\n", def)).append('\n');
            }
        }
        return out.toString();
    }

    /** The SHA-256 of {@link #text}. */
    public static String digest(Path specDir) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text(specDir).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the spec's pinned definitions are those the Java liveness check implements. */
    public static boolean matches(Path specDir) { return PINNED.equals(digest(specDir)); }
}
