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
