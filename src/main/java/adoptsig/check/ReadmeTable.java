package adoptsig.check;

import adoptsig.catalog.Catalogue;
import adoptsig.catalog.Model;
import adoptsig.catalog.Property;

import java.util.List;

/**
 * The README's verdict matrix, generated from spec/manifest.tsv and properties/verdicts.tsv
 * (which `check` verifies against TLC), so the README cannot drift from the files: a test
 * compares the README's section between the markers with this text.
 */
public final class ReadmeTable {
    public static final String BEGIN = "<!-- verdicts:begin (generated from spec/manifest.tsv and properties/verdicts.tsv; ReadmeTest checks it) -->";
    public static final String END = "<!-- verdicts:end -->";

    private ReadmeTable() {}

    public static String render(Catalogue c) {
        List<Model> models = List.copyOf(c.models());
        StringBuilder b = new StringBuilder("| property |");
        for (Model m : models) b.append(' ').append(m.name()).append(" |");
        b.append("\n|---|");
        for (int i = 0; i < models.size(); i++) b.append("---|");
        b.append('\n');
        for (Property p : c.properties()) {
            b.append("| ").append(p.id()).append(" |");
            for (Model m : models) {
                var e = c.expected(m.name()).get(p.id());
                b.append(' ').append(e == null ? "-" : e == Catalogue.Expected.VIOLATED ? "**violated**" : "holds").append(" |");
            }
            b.append('\n');
        }
        b.append("| *distinct states* |");
        for (Model m : models) b.append(String.format(" %,d |", m.distinct()));
        b.append("\n| *depth* |");
        for (Model m : models) b.append(' ').append(m.depth()).append(" |");
        b.append("\n| *suite, time* |");
        for (Model m : models) b.append(' ').append(m.suite()).append(", ").append(m.seconds()).append(" s |");
        b.append('\n');
        return b.toString();
    }
}
