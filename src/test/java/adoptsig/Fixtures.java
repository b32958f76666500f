package adoptsig;

import adoptsig.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Test helpers: the project folder, copies of it to break on purpose, and running the CLI in-process. */
public final class Fixtures {
    private Fixtures() {}

    /** The project under test, opened once for all tests (its temporary folders are deleted when the JVM exits). */
    public static final adoptsig.project.Project PROJECT = open();

    private static adoptsig.project.Project open() {
        adoptsig.project.Project p = adoptsig.project.Project.open(root());
        Runtime.getRuntime().addShutdownHook(new Thread(p::close));
        return p;
    }

    /** Every mechanism id of properties/mechanisms.tsv (for tests that run under each). */
    public static java.util.stream.Stream<String> mechanisms() {
        return PROJECT.models().mechanisms().stream().map(adoptsig.catalog.Mechanism::id);
    }

    /** Free mode, 7 PIDs, two services, under a mechanism (with the queue limit the mechanism forces, else 3). */
    public static adoptsig.system.Bounds freeMode(String mechanism) {
        int forced = PROJECT.models().mechanism(mechanism).sigLimit();
        return new adoptsig.system.Bounds(7, java.util.List.of("a", "b"), forced > 0 ? forced : 3, "free", false, true, mechanism);
    }

    public static Path root() {
        return Path.of(System.getProperty("adoptsig.root", ".")).toAbsolutePath().normalize();
    }

    /** The suite the tests run through TLC (-Dadoptsig.testSuite=fast|default|all). */
    public static String testSuite() { return System.getProperty("adoptsig.testSuite", "fast"); }

    /** A copy of spec/ and properties/ (the data the commands read) in a fresh folder, to break on purpose. */
    public static Path copy(Path into) {
        try {
            for (String dir : new String[] {"spec", "properties"}) {
                Path from = root().resolve(dir);
                try (Stream<Path> files = Files.walk(from)) {
                    for (Path f : files.toList()) {
                        Path to = into.resolve(dir).resolve(from.relativize(f).toString());
                        if (Files.isDirectory(f)) Files.createDirectories(to);
                        else Files.copy(f, to);
                    }
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces exactly one occurrence of {@code from} in a file (fails if there is none or several). */
    public static void replaceOnce(Path file, String from, String to) {
        try {
            String s = Files.readString(file);
            int i = s.indexOf(from);
            if (i < 0 || s.indexOf(from, i + 1) >= 0) throw new IllegalArgumentException("'" + from + "' is not unique in " + file);
            Files.writeString(file, s.substring(0, i) + to + s.substring(i + from.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Run(int exit, String out, String err) {}

    public static Run cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }
}
