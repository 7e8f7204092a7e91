package dev.triage.plugin.ddl.application;

import dev.triage.plugin.ddl.api.DdlDialect;
import java.util.Collection;

/** Reads the current definitions of tables from a live server. */
public interface SchemaSource {

    /**
     * The tables' CREATE TABLE statements and the server family.
     *
     * @param createSql the statements, one per table that exists, separated by semicolons
     * @param dialect the dialect the server calls for
     * @param found how many of the asked tables exist
     */
    record Live(String createSql, DdlDialect dialect, int found) {
    }

    /**
     * Reads SHOW CREATE TABLE for each table that exists.
     *
     * @param connection the saved connection's id or name
     * @param tables table names, optionally qualified with a database
     * @return the definitions
     * @throws Exception when the connection is unknown or the server cannot be reached
     */
    Live read(String connection, Collection<String> tables) throws Exception;
}
