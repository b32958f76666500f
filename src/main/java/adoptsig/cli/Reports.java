package adoptsig.cli;

import adoptsig.check.ModelOutcome;
import adoptsig.project.Project;
import adoptsig.report.CheckReport;

import java.nio.file.Path;
import java.util.List;

/** The HTML report and pictures that check and matrix write into their results folder (made by report/CheckReport). */
final class Reports {
    private Reports() {}

    /** Writes picture-PROPERTY.svg beside each story, and report.html; returns the report's path. gridMarkdown: null when the grid does not apply. */
    static Path check(Project project, Path results, List<ModelOutcome> outcomes, String gridMarkdown, adoptsig.compare.Comparison comparison) {
        return CheckReport.write(new CheckReport.Run(project.source(), results, project.models(), project.catalogue(), outcomes,
                gridMarkdown != null, comparison));
    }
}
