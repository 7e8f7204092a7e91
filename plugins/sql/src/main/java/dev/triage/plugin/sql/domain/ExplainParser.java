package dev.triage.plugin.sql.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns MySQL/MariaDB EXPLAIN output (the classic table or FORMAT=JSON) into a plan tree with costly steps flagged. */
public final class ExplainParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExplainParser() {
    }

    /**
     * Parses classic tabular EXPLAIN rows: one node per select id holding its tables in join order.
     *
     * @param rows the rows, column name (any case) to value
     * @return the root node
     */
    public static PlanNode fromTable(List<Map<String, String>> rows) {
        Map<String, List<PlanNode>> bySelect = new LinkedHashMap<>();
        Map<String, String> selectType = new LinkedHashMap<>();
        for (Map<String, String> raw : rows) {
            Map<String, String> r = new LinkedHashMap<>();
            raw.forEach((k, v) -> r.put(k.toLowerCase(Locale.ROOT), v == null ? "" : v));
            String id = r.getOrDefault("id", "1");
            selectType.putIfAbsent(id, r.getOrDefault("select_type", "SIMPLE"));
            String access = r.getOrDefault("type", "");
            String extra = r.getOrDefault("extra", "");
            double est = number(r.getOrDefault("rows", ""));
            Set<PlanFlag> flags = flags(access, est, extra.contains("Using filesort"), extra.contains("Using temporary"));
            Map<String, String> details = new LinkedHashMap<>();
            for (String k : List.of("key", "possible_keys", "ref", "filtered", "extra")) {
                if (!r.getOrDefault(k, "").isEmpty()) {
                    details.put(k, r.get(k));
                }
            }
            String table = r.getOrDefault("table", "");
            bySelect.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(new PlanNode("table " + table, table, access, est, flags, details, List.of()));
        }
        List<PlanNode> selects = new ArrayList<>();
        bySelect.forEach((id, tables) -> selects.add(new PlanNode("select #" + id + " " + selectType.get(id), "", "", -1, Set.of(),
                Map.of(), tables)));
        return selects.size() == 1 ? selects.get(0) : new PlanNode("query", "", "", -1, Set.of(), Map.of(), selects);
    }

    /**
     * Parses EXPLAIN FORMAT=JSON from MySQL or MariaDB.
     *
     * @param json the JSON text
     * @return the root node
     * @throws IllegalArgumentException when the text is not JSON
     */
    public static PlanNode fromJson(String json) {
        try {
            return node("plan", JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("EXPLAIN output is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static PlanNode node(String key, JsonNode n) {
        List<PlanNode> children = new ArrayList<>();
        Map<String, String> details = new LinkedHashMap<>();
        boolean filesort = key.equals("filesort") || n.path("using_filesort").asBoolean(false);
        boolean temporary = key.equals("temporary_table") || n.path("using_temporary_table").asBoolean(false);
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            if (v.isObject() && f.getKey().startsWith("r_")) {
                // MariaDB's r_engine_stats and the like: figures of this step, not a step
                details.put(f.getKey(), v.toString());
            } else if (v.isObject()) {
                children.add(node(f.getKey(), v));
            } else if (v.isArray() && v.size() > 0 && v.get(0).isObject()) {
                for (JsonNode e : v) {
                    PlanNode c = node(f.getKey(), e);
                    // nested_loop: [{table: {...}}] lists wrappers of one key each; lift the inner step
                    children.add(c.children().size() == 1 && c.details().isEmpty() && c.flags().isEmpty() ? c.children().get(0) : c);
                }
            } else if (!v.isArray()) {
                details.put(f.getKey(), v.asText());
            } else {
                details.put(f.getKey(), v.toString());
            }
        }
        String table = n.path("table_name").asText("");
        String access = n.path("access_type").asText("");
        double rows = n.has("rows_examined_per_scan") ? n.path("rows_examined_per_scan").asDouble()
                : n.has("rows") ? n.path("rows").asDouble() : -1;
        // ANALYZE FORMAT=JSON (MariaDB) adds the rows really read per loop
        double real = n.has("r_rows") ? n.path("r_rows").asDouble() * Math.max(1, n.path("r_loops").asDouble(1)) : -1;
        String label = table.isEmpty() ? key : "table " + table;
        return new PlanNode(label, table, access, rows, flags(access, Math.max(rows, real), filesort, temporary), details, children);
    }

    private static Set<PlanFlag> flags(String access, double rows, boolean filesort, boolean temporary) {
        Set<PlanFlag> flags = EnumSet.noneOf(PlanFlag.class);
        if (access.equalsIgnoreCase("ALL") || access.equalsIgnoreCase("index")) {
            flags.add(PlanFlag.FULL_SCAN);
        }
        if (filesort) {
            flags.add(PlanFlag.FILESORT);
        }
        if (temporary) {
            flags.add(PlanFlag.TEMPORARY);
        }
        if (rows >= PlanNode.MANY_ROWS) {
            flags.add(PlanFlag.MANY_ROWS);
        }
        return flags;
    }

    private static double number(String s) {
        try {
            return s.isBlank() ? -1 : Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
