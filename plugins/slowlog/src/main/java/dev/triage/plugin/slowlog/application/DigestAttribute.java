package dev.triage.plugin.slowlog.application;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A numeric attribute of slow-query events that a digest summarises and can rank by. */
public enum DigestAttribute {
    /** Seconds the statement took. */
    QUERY_TIME("query_time", "qt"),
    /** Seconds spent waiting for locks. */
    LOCK_TIME("lock_time", "lt"),
    /** Rows sent to the client. */
    ROWS_SENT("rows_sent", "rs"),
    /** Rows read by the server. */
    ROWS_EXAMINED("rows_examined", "re"),
    /** The statement's length in bytes. */
    QUERY_SIZE("query_length", "qs");

    private final String column;
    private final String prefix;

    DigestAttribute(String column, String prefix) {
        this.column = column;
        this.prefix = prefix;
    }

    /**
     * Returns the events-table column holding the attribute.
     *
     * @return the column name
     */
    public String column() {
        return column;
    }

    /**
     * Returns the short prefix of the attribute's statistics columns in digest SQL.
     *
     * @return such as {@code qt}
     */
    public String prefix() {
        return prefix;
    }

    /**
     * Reads an attribute from pt-query-digest's name ({@code Query_time}, {@code Rows_examined}) or ours, ignoring case.
     *
     * @param text the name
     * @return the attribute
     * @throws IllegalArgumentException when the name is unknown, listing the known ones
     */
    public static DigestAttribute parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (name.equals("QUERY_LENGTH")) {
            return QUERY_SIZE;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown attribute '" + text + "': use one of " + Arrays.stream(values())
                    .map(a -> a.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")), e);
        }
    }
}
