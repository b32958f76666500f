package adoptsig.cli;

import adoptsig.project.Project;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The option every command shares: which project to work on (see {@link Project#open}). */
final class ProjectOption {
    @Option(names = "--root", description = "the project folder holding spec/ and properties/ (default: the one here or above, else the copy in the jar)")
    Path root;

    Project open() { return Project.open(root); }
}
