package dev.triage.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.core.command.CommandOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a command's result as JSON, Markdown or text: a value, {@code key: value} lines, or a table for a list of
 * records; a {@link CommandOutput} may supply its own text and Markdown.
 */
final class ResultPrinter {

    private static final int MAX_CELL = 60;

    private ResultPrinter() {
    }

    static void print(CliSession session, OutputFormat.Kind format, Object result) throws Exception {
        if (result == null) {
            return;
        }
        if (format == OutputFormat.Kind.json) {
            session.printJson(result);
            return;
        }
        boolean markdown = format == OutputFormat.Kind.markdown;
        if (result instanceof CommandOutput own) {
            String rendered = markdown ? own.markdown() : own.text();
            if (rendered != null) {
                session.out().print(rendered.endsWith("\n") ? rendered : rendered + "\n");
                session.out().flush(); // print() does not flush an auto-flushing PrintWriter; the CLI may exit right after
                return;
            }
        }
        JsonNode tree = session.json().valueToTree(result);
        if (tree.isObject()) {
            String prefix = markdown ? "- **" : "";
            String separator = markdown ? "**: " : ": ";
            tree.fields().forEachRemaining(e -> session.out().println(prefix + e.getKey() + separator + text(e.getValue())));
        } else if (tree.isArray() && tree.size() > 0 && tree.get(0).isObject()) {
            table(session, tree, markdown);
        } else if (tree.isArray()) {
            tree.forEach(n -> session.out().println(text(n)));
        } else {
            session.out().println(tree.asText());
        }
    }

    /** One row per element, one column per scalar field; nested objects become {@code field.sub} columns. */
    private static void table(CliSession session, JsonNode rows, boolean markdown) {
        List<Map<String, String>> flat = new ArrayList<>();
        rows.forEach(r -> flat.add(flatten(r)));
        List<String> columns = new ArrayList<>(flat.get(0).keySet());
        if (markdown) {
            markdownTable(session, columns, flat);
            return;
        }
        TextTable t = new TextTable(columns.toArray(String[]::new));
        for (Map<String, String> r : flat) {
            t.row(columns.stream().map(c -> cell(r.getOrDefault(c, ""))).toArray(String[]::new));
        }
        t.print(session.out());
    }

    /** A GitHub-flavoured Markdown table; pipes in cells are escaped and cells are never cut. */
    private static void markdownTable(CliSession session, List<String> columns, List<Map<String, String>> rows) {
        session.out().println("| " + String.join(" | ", columns) + " |");
        session.out().println("|" + " --- |".repeat(columns.size()));
        for (Map<String, String> r : rows) {
            List<String> cells = columns.stream()
                    .map(c -> r.getOrDefault(c, "").replaceAll("\\s+", " ").replace("|", "\\|")).toList();
            session.out().println("| " + String.join(" | ", cells) + " |");
        }
    }

    private static Map<String, String> flatten(JsonNode row) {
        Map<String, String> out = new LinkedHashMap<>();
        row.fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                e.getValue().fields().forEachRemaining(s -> out.put(e.getKey() + "." + s.getKey(), text(s.getValue())));
            } else {
                out.put(e.getKey(), text(e.getValue()));
            }
        });
        return out;
    }

    private static String cell(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= MAX_CELL ? one : one.substring(0, MAX_CELL - 1) + "…";
    }

    private static String text(JsonNode n) {
        return n.isValueNode() ? n.asText() : n.toString();
    }
}
