package adoptsig.project;

import adoptsig.InputError;
import adoptsig.catalog.Answers;
import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Model;
import adoptsig.catalog.Models;
import adoptsig.check.ModelCheck;
import adoptsig.engine.JavaSystem;
import adoptsig.game.Interface;
import adoptsig.game.Setting;
import adoptsig.kernel.Kernel;
import adoptsig.system.Bounds;
import adoptsig.tlc.CfgFile;
import adoptsig.tlc.SpecBridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The project a command works on: its spec and data files (a checkout found by walking up
 * from the working directory, one named with --root, or the copy packaged in the jar), and
 * what commands build from them: a model's Java system and spec bridge, a TLC model checker,
 * the results folder. Temporary folders it makes are deleted when it is closed.
 */
public final class Project implements AutoCloseable {
    /** Where the jar keeps its copy of spec/ and properties/. */
    static final String PACKAGED = "adoptsig-project";

    private final Path root;
    private final boolean packaged;
    private final Catalogue catalogue;
    private final Models models;
    private final List<Path> temporary = new ArrayList<>();

    private Project(Path root, boolean packaged) {
        this.root = root;
        this.packaged = packaged;
        this.catalogue = Catalogue.load(root);
        this.models = Models.load(root, catalogue);
    }

    private static boolean isProject(Path dir) {
        return Files.isRegularFile(dir.resolve("properties/catalogue.tsv")) && Files.isRegularFile(dir.resolve("spec/MCAdoption.tla"));
    }

    /**
     * The project at {@code root} if given (bad input if it is not one), else the first folder
     * from the working directory upwards that holds spec/ and properties/, else the copy
     * packaged in the jar.
     */
    public static Project open(Path root) { return open(root, Path.of("")); }

    /** As {@link #open(Path)}, looking upwards from {@code workingDir}. */
    public static Project open(Path root, Path workingDir) {
        if (root != null) {
            Path r = root.toAbsolutePath().normalize();
            if (!Files.isDirectory(r)) throw new InputError("--root " + root + ": no such folder");
            if (!isProject(r)) throw new InputError("--root " + root + ": not an adoptsig project (no properties/catalogue.tsv and spec/MCAdoption.tla)");
            return new Project(r, false);
        }
        for (Path d = workingDir.toAbsolutePath(); d != null; d = d.getParent()) {
            if (isProject(d)) return new Project(d, false);
        }
        return new Project(unpack(), true);
    }

    /** Copies the packaged spec and data into a temporary folder (deleted when the JVM exits). */
    private static Path unpack() {
        URL url = Project.class.getClassLoader().getResource(PACKAGED + "/properties/catalogue.tsv");
        if (url == null) throw new InputError("no adoptsig project here or above, and this build has no packaged copy; give --root");
        try {
            Path into = Files.createTempDirectory("adoptsig-project");
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    copyTree(fs.getPath("/" + PACKAGED), into);
                }
            } else {
                copyTree(Path.of(uri).getParent().getParent(), into);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(into)));
            return into;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot unpack the packaged project", e);
        }
    }

    private static void copyTree(Path from, Path into) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path to = into.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else try (InputStream in = Files.newInputStream(f)) { Files.copy(in, to); }
            }
        }
    }

    public Path root() { return root; }
    public Path specDir() { return root.resolve("spec"); }
    public Catalogue catalogue() { return catalogue; }
    public Models models() { return models; }

    private Answers answers;

    /** The indistinguishability checks (properties/interfaces.tsv and answers.tsv), loaded when first asked for. */
    public Answers answers() {
        if (answers == null) answers = Answers.load(root, models);
        return answers;
    }

    /** The rules of the witness supervisor (properties/rules.tsv): rule, mechanism, description. */
    public List<String[]> rules() {
        List<String[]> out = new ArrayList<>();
        for (var r : adoptsig.catalog.Tsv.read(root.resolve("properties/rules.tsv"), "rule", "mechanism", "description")) {
            models.mechanism(r.get("mechanism"));
            out.add(new String[] {r.get("rule"), r.get("mechanism"), r.get("description")});
        }
        return out;
    }

    /** The kernel facts and the fidelity scenarios (properties/facts.tsv and scenarios.tsv). */
    public adoptsig.catalog.Facts facts() { return adoptsig.catalog.Facts.load(root); }

    /** Where programs built at run time go: target/fidelity in a checkout, else ./adoptsig-runs/fidelity. */
    public Path buildFolder() {
        return packaged ? Path.of("adoptsig-runs", "fidelity").toAbsolutePath() : root.resolve("target/fidelity");
    }

    /** The documentation's generated sections (README.md and docs/), each naming its file. */
    public List<adoptsig.report.Tables.Section> generatedSections() {
        return adoptsig.report.Tables.sections(models, catalogue, answers(), rules(), facts());
    }

    /** Whether this is the copy of the spec and data packaged in the jar (no README.md or docs/ beside it). */
    public boolean packaged() { return packaged; }

    /** The constants of an indistinguishability check. */
    public Setting setting(Answers.Check c) {
        return new Setting(c.maxPid(), c.services(), c.strangers(), c.sigLimit(), c.idiom().program(), c.idiom().sync(),
                c.idiom().workers(), c.outside(), Interface.of(c.iface()), c.regime(),
                c.probes() ? java.util.Set.of() : java.util.Set.of(adoptsig.game.Call.PROBE));
    }

    /** Which spec and data this run uses, in one line. */
    public String source() {
        return packaged ? "the spec and data files packaged in adoptsig.jar (no project folder here or above)" : "the project at " + root;
    }

    /** A model's constants: a catalogued model by name, or a hand-written cfg file (a path ending in .cfg). */
    public Bounds bounds(String modelOrCfg) {
        if (modelOrCfg.endsWith(".cfg")) return CfgFile.read(Path.of(modelOrCfg)).bounds();
        return models.model(modelOrCfg).bounds();
    }

    /** The recorded state count of a catalogued model, or -1 for a cfg file. */
    public long recordedStates(String modelOrCfg) {
        if (modelOrCfg.endsWith(".cfg")) return -1;
        Model m = models.model(modelOrCfg);
        return m.distinct();
    }

    /** The Java kernel, supervisor and daemons at these bounds. */
    public JavaSystem system(Bounds b) { return system(b, new Kernel()); }

    public JavaSystem system(Bounds b, Kernel kernel) { return new JavaSystem(kernel, b); }

    /** The spec at these bounds in TLC's evaluator; with invariants, every catalogued state invariant can be evaluated. */
    public SpecBridge bridge(Bounds b, boolean invariants) {
        List<String> inv = invariants ? catalogue.properties().stream().filter(p -> p.kind().isStatePredicate())
                .map(adoptsig.catalog.Property::id).toList() : List.of();
        return SpecBridge.load(specDir(), b, inv, temporaryFolder("adoptsig-bridge"));
    }

    /** A TLC model checker for this project's spec. limit: the longest one TLC run may take (null: none). */
    public ModelCheck checker(int workers, Duration limit, PrintStream log) {
        return new ModelCheck(catalogue, specDir(), workers, limit, log);
    }

    /** As above, with TLC run in-process (a class loader per run) or in a JVM of its own per run. */
    public ModelCheck checker(int workers, Duration limit, PrintStream log, adoptsig.tlc.TlcRunner.Mode mode) {
        return new ModelCheck(catalogue, specDir(), workers, limit, log, new adoptsig.tlc.TlcRunner(mode));
    }

    /** A temporary folder, deleted when the project is closed. */
    public Path temporaryFolder(String prefix) {
        try {
            Path p = Files.createTempDirectory(prefix);
            temporary.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fresh results folder, created here and by no one else: {@code out} if given (it must not
     * exist yet), else adoptsig-runs/PREFIX&lt;time&gt; under the project's target/ (or under the
     * working directory when the packaged copy is used), with "-2", "-3" ... after the time when
     * another run took that name first (two runs started in the same second get two folders).
     * Each name is claimed by creating the folder, which fails for all but one claimant; nothing
     * of an earlier run is written over.
     */
    public Path resultsFolder(Path out, String prefix) {
        Path base = packaged ? Path.of("adoptsig-runs").toAbsolutePath() : root.resolve("target/adoptsig-runs");
        return freshFolder(out != null ? out.toAbsolutePath() : null, base, prefix + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /** Creates {@code out} (which must not exist), or the first of base/NAME, base/NAME-2, ... that does not exist yet. */
    static Path freshFolder(Path out, Path base, String name) {
        Path parent = out != null ? out.getParent() : base;
        try {
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new adoptsig.RunFailure("cannot create the folder " + parent + " for the results: " + adoptsig.RunFailure.causes(e));
        }
        for (int n = 1; ; n++) {
            Path results = out != null ? out : base.resolve(n == 1 ? name : name + "-" + n);
            try {
                return Files.createDirectory(results);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (out != null) throw new InputError("results folder " + out + " already exists; give a new one with --out (nothing of an earlier run is written over)");
            } catch (IOException e) {
                throw new adoptsig.RunFailure("cannot create the results folder " + results + ": " + adoptsig.RunFailure.causes(e));
            }
        }
    }

    @Override public void close() {
        for (Path p : temporary) delete(p);
        temporary.clear();
    }

    static void delete(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            // a temporary folder that cannot be deleted is left behind; nothing else is at stake
        }
    }
}
