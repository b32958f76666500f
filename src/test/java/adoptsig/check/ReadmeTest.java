package adoptsig.check;

import adoptsig.Project;
import adoptsig.catalog.Catalogue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's verdict table is the one generated from the manifest and the verdict table. */
class ReadmeTest {
    /** The README's text between two markers, which must both be there in order. */
    static String section(String begin, String end) throws IOException {
        String readme = Files.readString(Project.root().resolve("README.md"));
        int b = readme.indexOf(begin), e = readme.indexOf(end);
        assertThat(b).as("README has the marker " + begin).isNotNegative();
        assertThat(e).as("README has the marker " + end).isGreaterThan(b);
        return readme.substring(b + begin.length(), e).strip();
    }

    @Test
    void readmeVerdictTableMatchesTheCatalogue() throws IOException {
        String inReadme = section(ReadmeTable.BEGIN, ReadmeTable.END);
        String generated = ReadmeTable.render(Catalogue.load(Project.root())).strip();
        assertThat(inReadme).as("README table; regenerate it with: java -jar target/adoptsig.jar readme-table").isEqualTo(generated);
    }

    @Test
    void readmeMatrixMatchesPropertiesMatrixTsv() throws IOException {
        String inReadme = section(MatrixTable.BEGIN, MatrixTable.END);
        Catalogue c = Catalogue.load(Project.root());
        String generated = MatrixTable.readme(adoptsig.catalog.Matrix.load(Project.root(), c)).strip();
        assertThat(inReadme).as("README matrix; regenerate it with: java -jar target/adoptsig.jar readme-table --matrix").isEqualTo(generated);
    }

    @Test
    void everyMatrixCellHasRecordedOutcomes() {
        Catalogue c = Catalogue.load(Project.root());
        var m = adoptsig.catalog.Matrix.load(Project.root(), c);
        for (var cell : m.cells(0)) {
            assertThat(m.expected(cell.name()).keySet()).as(cell.name()).containsExactlyElementsOf(m.properties());
            assertThat(MatrixTable.cell(m.properties(), m.expected(cell.name()))).as(cell.name()).doesNotContain("?");
        }
    }
}
