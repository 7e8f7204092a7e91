package dev.triage.plugin.sql.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainParserTest {

    @Test
    void flagsFullScansFilesortsTemporaryTablesAndLargeEstimatesInClassicOutput() {
        Map<String, String> orders = row("1", "SIMPLE", "o", "ALL", null, "120000", "Using where; Using temporary; Using filesort");
        Map<String, String> customers = row("1", "SIMPLE", "c", "eq_ref", "PRIMARY", "1", "");
        PlanNode plan = ExplainParser.fromTable(List.of(orders, customers));

        assertThat(plan.label()).isEqualTo("select #1 SIMPLE");
        assertThat(plan.children()).extracting(PlanNode::table).containsExactly("o", "c");
        assertThat(plan.children().get(0).flags()).containsExactlyInAnyOrder(PlanFlag.FULL_SCAN, PlanFlag.TEMPORARY, PlanFlag.FILESORT,
                PlanFlag.MANY_ROWS);
        assertThat(plan.children().get(1).flags()).isEmpty();
        assertThat(plan.flagged()).extracting(PlanNode::table).containsExactly("o");
    }

    @Test
    void readsMysql8JsonWithOrderingAndGroupingOperations() {
        String json = """
                {"query_block": {"select_id": 1, "cost_info": {"query_cost": "1021.75"},
                  "ordering_operation": {"using_filesort": true,
                    "grouping_operation": {"using_temporary_table": true, "using_filesort": false,
                      "nested_loop": [
                        {"table": {"table_name": "o", "access_type": "ALL", "rows_examined_per_scan": 50000, "filtered": "10.00"}},
                        {"table": {"table_name": "c", "access_type": "eq_ref", "key": "PRIMARY", "rows_examined_per_scan": 1}}]}}}}
                """;
        PlanNode plan = ExplainParser.fromJson(json);

        PlanNode block = plan.children().get(0);
        assertThat(block.label()).isEqualTo("query_block");
        PlanNode ordering = block.children().stream().filter(n -> n.label().equals("ordering_operation")).findFirst().orElseThrow();
        assertThat(ordering.flags()).containsExactly(PlanFlag.FILESORT);
        PlanNode grouping = ordering.children().get(0);
        assertThat(grouping.flags()).containsExactly(PlanFlag.TEMPORARY);
        PlanNode loop = grouping.children().stream().filter(n -> n.label().equals("table o")).findFirst().orElseThrow();
        assertThat(loop.flags()).containsExactlyInAnyOrder(PlanFlag.FULL_SCAN, PlanFlag.MANY_ROWS);
        assertThat(loop.rows()).isEqualTo(50000);
        assertThat(plan.flagged()).extracting(PlanNode::label).containsExactly("ordering_operation", "grouping_operation", "table o");
    }

    @Test
    void readsTheRealRowsAndTimeOfAnalysedPlansFromMariaDbAndMysql() {
        PlanNode maria = ExplainParser.fromJson("""
                {"query_block": {"select_id": 1, "r_loops": 1, "r_total_time_ms": 1.5,
                  "nested_loop": [{"table": {"table_name": "t", "access_type": "ALL", "r_loops": 2, "rows": 100, "r_rows": 50,
                    "r_table_time_ms": 0.5, "r_other_time_ms": 0.25, "filtered": 100, "r_filtered": 10}}]}}
                """);
        PlanNode block = maria.children().get(0);
        assertThat(block.actualMillis()).isEqualTo(1.5);
        PlanNode t = block.children().get(0);
        assertThat(t.label()).isEqualTo("table t");
        assertThat(t.actualRows()).as("r_rows is per loop").isEqualTo(100);
        assertThat(t.actualMillis()).isEqualTo(0.75);
        PlanNode mysql = ExplainParser.fromJson("""
                {"query": "select * from t where a > 1", "operation": "Filter: (t.a > 1)", "actual_rows": 10.0, "actual_loops": 1,
                 "actual_last_row_ms": 0.9, "inputs": [{"operation": "Table scan on t", "table_name": "t", "access_type": "table",
                 "actual_rows": 40.0, "actual_loops": 3, "actual_last_row_ms": 0.2, "estimated_rows": 100}]}
                """);
        assertThat(mysql.actualRows()).isEqualTo(10);
        assertThat(mysql.children().get(0).actualRows()).isEqualTo(120);
        assertThat(mysql.children().get(0).actualMillis()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ExplainParser.fromTable(List.of(row("1", "SIMPLE", "o", "ALL", null, "5", ""))).children().get(0).actualRows())
                .as("a plain EXPLAIN has no real figures").isEqualTo(-1);
    }

    private static Map<String, String> row(String id, String type, String table, String access, String key, String rows, String extra) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("select_type", type);
        r.put("table", table);
        r.put("type", access);
        r.put("key", key);
        r.put("rows", rows);
        r.put("Extra", extra);
        return r;
    }
}
