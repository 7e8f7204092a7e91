package dev.triage.plugin.logs.application;

import java.util.ArrayList;
import java.util.List;

/** Plain-text tables for the logs commands' terminal output. */
public final class Tables {

    private Tables() {
    }

    /**
     * Renders the files table.
     *
     * @param files the files
     * @return aligned text
     */
    public static String files(List<FileRow> files) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("id", "file", "encoding", "formats", "zone", "lines", "entries", "first", "last", "status"));
        for (FileRow f : files) {
            rows.add(List.of(Integer.toString(f.id()), f.name(), String.valueOf(f.encoding()), String.valueOf(f.formats()),
                    String.valueOf(f.zone()), Long.toString(f.lines()), Long.toString(f.entries()), String.valueOf(f.first()),
                    String.valueOf(f.last()), f.status() + (f.problem() == null ? "" : " (" + f.problem() + ")")));
        }
        return render(rows);
    }

    /**
     * Renders rows as left-aligned columns, the first row as the header.
     *
     * @param rows the rows
     * @return the text
     */
    public static String render(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        int[] w = new int[rows.get(0).size()];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size() && i < w.length; i++) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                b.append(i + 1 < r.size() ? String.format("%-" + w[i] + "s  ", r.get(i)) : r.get(i));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
