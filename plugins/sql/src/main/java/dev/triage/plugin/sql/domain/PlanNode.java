package dev.triage.plugin.sql.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One step of a query plan.
 *
 * @param label what the step is, such as {@code table orders} or {@code ordering_operation}
 * @param table the table it reads, empty when none
 * @param access the access type (ALL, index, range, ref, eq_ref, const), empty when none
 * @param rows the rows the optimizer expects to examine, or -1 when unknown
 * @param flags the costly things about it
 * @param details other values of the step (key, filtered, Extra, cost...)
 * @param children the steps under it
 */
public record PlanNode(String label, String table, String access, double rows, Set<PlanFlag> flags, Map<String, String> details,
                       List<PlanNode> children) {

    /** Row estimate from which a step is flagged {@link PlanFlag#MANY_ROWS}. */
    public static final double MANY_ROWS = 10_000;

    /** Copies the collections. */
    public PlanNode {
        flags = Set.copyOf(flags);
        details = Map.copyOf(details);
        children = List.copyOf(children);
    }

    /**
     * Tells whether this step or any under it is flagged.
     *
     * @return true when something costly is in this subtree
     */
    public boolean costly() {
        return !flags.isEmpty() || children.stream().anyMatch(PlanNode::costly);
    }

    /**
     * Returns the rows this step really produced over all its loops, from an analysed plan: MariaDB's {@code ANALYZE
     * FORMAT=JSON} ({@code r_rows} per loop times {@code r_loops}) or MySQL's {@code EXPLAIN ANALYZE FORMAT=JSON}
     * ({@code actual_rows}, {@code actual_loops}).
     *
     * @return the rows, or -1 when the plan was not analysed
     */
    public double actualRows() {
        double perLoop = number(details.getOrDefault("r_rows", details.getOrDefault("actual_rows", "")));
        if (perLoop < 0) {
            return -1;
        }
        double loops = number(details.getOrDefault("r_loops", details.getOrDefault("actual_loops", "1")));
        return perLoop * Math.max(1, loops);
    }

    /**
     * Returns the time this step really took, from an analysed plan ({@code r_total_time_ms}, or {@code r_table_time_ms}
     * plus {@code r_other_time_ms}, of MariaDB;
     * {@code actual_last_row_ms} times loops of MySQL).
     *
     * @return milliseconds, or -1 when the plan was not analysed or has no time for this step
     */
    public double actualMillis() {
        double maria = number(details.getOrDefault("r_total_time_ms", ""));
        if (maria >= 0) {
            return maria;
        }
        // MariaDB splits a table's time into reading it and checking its conditions
        double read = number(details.getOrDefault("r_table_time_ms", ""));
        if (read >= 0) {
            return read + Math.max(0, number(details.getOrDefault("r_other_time_ms", "")));
        }
        double mysql = number(details.getOrDefault("actual_last_row_ms", ""));
        return mysql < 0 ? -1 : mysql * Math.max(1, number(details.getOrDefault("actual_loops", "1")));
    }

    private static double number(String s) {
        try {
            return s.isBlank() ? -1 : Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Lists the flagged steps of this subtree, depth first.
     *
     * @return the flagged steps
     */
    public List<PlanNode> flagged() {
        java.util.ArrayList<PlanNode> out = new java.util.ArrayList<>();
        if (!flags.isEmpty()) {
            out.add(this);
        }
        children.forEach(c -> out.addAll(c.flagged()));
        return out;
    }
}
