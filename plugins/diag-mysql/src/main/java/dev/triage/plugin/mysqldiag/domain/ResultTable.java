package dev.triage.plugin.mysqldiag.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows of a statement's result as the mysql client prints them: the {@code +---+} table form, the vertical {@code \G}
 * form, or tab-separated (with a header line, or without one when the caller knows the columns).
 */
public final class ResultTable {

    private static final Pattern VERTICAL_ROW = Pattern.compile("^\\*+ \\d+\\. row \\*+$");
    // DOTALL: a value may hold U+2028/U+0085, which "." does not match otherwise (found by MySqlOutputsFuzzTest)
    private static final Pattern VERTICAL_FIELD = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_ ]*): ?(.*)$", Pattern.DOTALL);

    private ResultTable() {
    }

    /**
     * Parses a result in any of the client's forms.
     *
     * @param text the output
     * @param headerlessColumns the column names to use for tab-separated output without a header line; null when unknown
     * @return the rows, each a map from column name to value (in column order)
     */
    public static List<Map<String, String>> parse(String text, List<String> headerlessColumns) {
        List<String> lines = text.replace("\r", "").lines().toList();
        String first = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
        if (first.startsWith("+-")) {
            return table(lines);
        }
        if (VERTICAL_ROW.matcher(first.strip()).matches()) {
            return vertical(lines);
        }
        return tabs(lines, headerlessColumns);
    }

    private static List<Map<String, String>> table(List<String> lines) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> header = null;
        for (String line : lines) {
            if (!line.startsWith("|")) {
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells;
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
        List<String> out = new ArrayList<>();
        for (String c : inner.split("\\|", -1)) {
            out.add(c.strip());
        }
        return out;
    }

    private static List<Map<String, String>> vertical(List<String> lines) {
        List<Map<String, String>> rows = new ArrayList<>();
        Map<String, String> row = null;
        String last = null;
        for (String line : lines) {
            if (VERTICAL_ROW.matcher(line.strip()).matches()) {
                row = new LinkedHashMap<>();
                rows.add(row);
                last = null;
                continue;
            }
            if (row == null) {
                continue;
            }
            Matcher m = VERTICAL_FIELD.matcher(line);
            if (m.matches() && (last == null || line.startsWith(" ") || !row.containsKey(m.group(1).strip()))) {
                last = m.group(1).strip();
                row.put(last, m.group(2));
            } else if (last != null) {
                row.put(last, row.get(last) + "\n" + line);
            }
        }
        return rows;
    }

    private static List<Map<String, String>> tabs(List<String> lines, List<String> headerless) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> header = headerless;
        boolean first = true;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (first) {
                first = false;
                if (looksLikeHeader(f, headerless)) {
                    header = List.of(f);
                    continue;
                }
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < f.length; i++) {
                String name = header != null && i < header.size() ? header.get(i) : "c" + i;
                row.put(name, f[i].replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\"));
            }
            rows.add(row);
        }
        return rows;
    }

    private static boolean looksLikeHeader(String[] f, List<String> known) {
        if (known == null || known.isEmpty()) {
            return true;
        }
        return f.length > 0 && f[0].equalsIgnoreCase(known.get(0));
    }

    /**
     * Turns a two-column result (SHOW STATUS, SHOW VARIABLES) into a name-to-value map.
     *
     * @param text the output in any form
     * @return the values by name, in order
     */
    public static Map<String, String> nameValues(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, String> row : parse(text, List.of("Variable_name", "Value"))) {
            List<String> values = new ArrayList<>(row.values());
            if (values.size() >= 2 && !values.get(0).isBlank()) {
                out.put(values.get(0), values.get(1));
            }
        }
        return out;
    }
}
