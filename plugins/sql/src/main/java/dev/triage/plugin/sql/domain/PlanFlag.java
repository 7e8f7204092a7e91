package dev.triage.plugin.sql.domain;

/** A costly step the plan view highlights. */
public enum PlanFlag {
    /** Reads every row of a table (access type ALL) or every entry of an index (index). */
    FULL_SCAN,
    /** Sorts rows outside an index. */
    FILESORT,
    /** Builds a temporary table. */
    TEMPORARY,
    /** The optimizer expects to examine many rows (at least {@link PlanNode#MANY_ROWS}). */
    MANY_ROWS
}
