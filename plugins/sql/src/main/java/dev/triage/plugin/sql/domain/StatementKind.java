package dev.triage.plugin.sql.domain;

/** What a statement does, for the read-only guard and the DDL check. */
public enum StatementKind {
    /** Reads only: SELECT, SHOW, DESCRIBE, EXPLAIN without ANALYZE, USE, SET of session variables. */
    READ,
    /** Changes data or server state: INSERT, UPDATE, DELETE, REPLACE, LOAD, CALL, GRANT, KILL and anything unknown. */
    WRITE,
    /** Creates objects: CREATE. */
    DDL,
    /** May lose data or rewrite a table: ALTER, DROP, TRUNCATE, RENAME; the DDL checker is asked first. */
    LOSSY_DDL,
    /** Transaction control: BEGIN, START TRANSACTION, COMMIT, ROLLBACK, SAVEPOINT. */
    TRANSACTION;

    /**
     * Tells whether a read-only connection refuses this kind unless the user confirms.
     *
     * @return true for writes and DDL
     */
    public boolean changesSomething() {
        return this == WRITE || this == DDL || this == LOSSY_DDL;
    }
}
