package dev.triage.plugin.metrics.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A named list of charts to fetch, e.g. {@code node} (node_exporter) or {@code tidb}.
 *
 * @param name the set's name
 * @param queries the charts, in order
 */
public record QuerySet(String name, List<NamedQuery> queries) {

    /** Copies the list. */
    public QuerySet {
        queries = List.copyOf(queries);
    }

    /**
     * Reads a query set file: one {@code Title = PromQL} per line, {@code #} comments and blank lines ignored; a line
     * starting with whitespace continues the previous query.
     *
     * @param name the set's name
     * @param text the file's text
     * @return the set
     * @throws IllegalArgumentException naming the line when a line has no {@code =}
     */
    public static QuerySet parse(String name, String text) {
        List<NamedQuery> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && !out.isEmpty()) {
                NamedQuery last = out.remove(out.size() - 1);
                out.add(new NamedQuery(last.title(), last.promql() + " " + line.strip()));
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || line.substring(eq + 1).isBlank()) {
                throw new IllegalArgumentException("query set " + name + " line " + (i + 1) + ": expected 'Title = PromQL'");
            }
            out.add(new NamedQuery(line.substring(0, eq).strip(), line.substring(eq + 1).strip()));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("query set " + name + " has no query");
        }
        return new QuerySet(name, out);
    }
}
