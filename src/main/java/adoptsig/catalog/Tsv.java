package adoptsig.catalog;

import adoptsig.InputError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's data tables: tab-separated, first non-comment line is the header, lines
 * starting with '#' are comments. Every row keeps its line number so errors say file:line.
 */
public final class Tsv {
    public record Row(Path file, int line, Map<String, String> cells) {
        public String get(String column) {
            String v = cells.get(column);
            if (v == null || v.isEmpty()) throw new InputError(file + ":" + line + ": empty column '" + column + "'");
            return v;
        }
        public String where() { return file + ":" + line; }
    }

    private Tsv() {}

    public static List<Row> read(Path file, String... requiredColumns) {
        if (!Files.isRegularFile(file)) throw new InputError("missing file " + file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputError("cannot read " + file + ": " + e.getMessage());
        }
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cells = line.split("\t", -1);
            if (header == null) {
                header = Arrays.asList(cells);
                for (String c : requiredColumns) {
                    if (!header.contains(c)) throw new InputError(file + ":" + (n + 1) + ": header lacks column '" + c + "'");
                }
                continue;
            }
            if (cells.length != header.size()) {
                throw new InputError(file + ":" + (n + 1) + ": expected " + header.size() + " tab-separated columns, found " + cells.length);
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int k = 0; k < cells.length; k++) m.put(header.get(k), cells[k].trim());
            rows.add(new Row(file, n + 1, m));
        }
        if (header == null) throw new InputError(file + ": no header line");
        return rows;
    }
}
