package dev.triage.plugin.sql.application;

import java.util.List;

/** Where the editor writes its audit log and per-connection history (the case's DuckDB). */
public interface SqlJournal {

    /**
     * Appends an audit entry.
     *
     * @param entry the entry
     */
    void audit(AuditEntry entry);

    /**
     * Reads the newest audit entries.
     *
     * @param limit how many at most
     * @return the entries, newest first
     */
    List<AuditEntry> audits(int limit);

    /**
     * Adds a statement to a connection's history.
     *
     * @param target the target name
     * @param statement the statement
     */
    void remember(String target, String statement);

    /**
     * Searches a connection's history.
     *
     * @param target the target name
     * @param contains text the statement contains, ignoring case; empty for all
     * @param limit how many at most
     * @return statements, newest first
     */
    List<String> history(String target, String contains, int limit);
}
