package dev.triage.plugin.metrics.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.plugin.metrics.domain.NamedQuery;
import dev.triage.plugin.metrics.domain.QuerySet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Takes the PromQL queries and panel titles of a Grafana dashboard's JSON as a query set. */
public final class GrafanaDashboard {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GrafanaDashboard() {
    }

    /**
     * Reads a dashboard (exported JSON, or the API's {@code {"dashboard": ...}} wrapper), including panels nested in rows.
     *
     * @param file the JSON file
     * @return one query per panel target with an {@code expr}; titled "panel" or "panel (legend/refId)" when a panel has several
     * @throws IOException when the file is no dashboard
     */
    public static QuerySet read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        JsonNode dash = root.has("dashboard") ? root.get("dashboard") : root;
        List<NamedQuery> out = new ArrayList<>();
        collect(dash.path("panels"), out);
        for (JsonNode row : dash.path("rows")) {
            collect(row.path("panels"), out);
        }
        if (out.isEmpty()) {
            throw new IOException(file + " is no Grafana dashboard with PromQL targets (no panels[].targets[].expr)");
        }
        return new QuerySet(dash.path("title").asText(file.getFileName().toString()), out);
    }

    /**
     * Tells whether the start of a JSON file looks like a Grafana dashboard.
     *
     * @param head the first bytes as text
     * @return true when it does
     */
    static boolean looksLikeDashboard(String head) {
        return head.contains("\"panels\"") && (head.contains("\"schemaVersion\"") || head.contains("\"targets\""));
    }

    /**
     * Replaces Grafana's template variables so the query runs on Prometheus: interval variables become {@code 1m},
     * a label matched against a dashboard variable matches any value.
     *
     * @param expr the panel's expression
     * @return the runnable PromQL
     */
    static String resolveVariables(String expr) {
        String s = expr.replaceAll("\\$\\{?__(rate_interval|interval|range)(:[a-z]+)?\\}?", "1m");
        s = s.replaceAll("([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|=)\\s*\"\\$\\{?[A-Za-z0-9_]+(:[a-z]+)?\\}?\"", "$1=~\".*\"");
        return s.replaceAll("([A-Za-z_][A-Za-z0-9_]*)\\s*(!~|!=)\\s*\"\\$\\{?[A-Za-z0-9_]+(:[a-z]+)?\\}?\"", "$1!~\"\"");
    }

    private static void collect(JsonNode panels, List<NamedQuery> out) {
        for (JsonNode panel : panels) {
            collect(panel.path("panels"), out);
            List<JsonNode> targets = new ArrayList<>();
            panel.path("targets").forEach(t -> {
                if (t.hasNonNull("expr") && !t.get("expr").asText().isBlank()) {
                    targets.add(t);
                }
            });
            String title = panel.path("title").asText("panel " + panel.path("id").asText());
            for (JsonNode t : targets) {
                String suffix = targets.size() == 1 ? "" : " (" + t.path("legendFormat").asText(t.path("refId").asText("")) + ")";
                out.add(new NamedQuery(title + suffix, resolveVariables(t.get("expr").asText())));
            }
        }
    }
}
