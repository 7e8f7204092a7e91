package dev.triage.plugin.slowlog.application;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a digest groups events by: query classes (pt-query-digest's default), or a database, user, host or TiDB plan. */
public enum DigestGroup {
    /** pt-query-digest's classes: one per fingerprint, keyed by its checksum. */
    FINGERPRINT("checksum"),
    /** The default database. */
    DB("db"),
    /** The account's user name. */
    USER("user_name"),
    /** The client host. */
    HOST("host"),
    /** TiDB's plan digest: one group per execution plan. */
    PLAN_DIGEST("plan_digest");

    private final String column;

    DigestGroup(String column) {
        this.column = column;
    }

    /**
     * Returns the events-table column the groups are keyed by.
     *
     * @return the column name
     */
    public String column() {
        return column;
    }

    /**
     * Reads a grouping from its name, ignoring case and accepting {@code -} for {@code _}; blank means fingerprint.
     *
     * @param text such as {@code db} or {@code plan-digest}
     * @return the grouping
     * @throws IllegalArgumentException when the name is unknown, listing the known ones
     */
    public static DigestGroup parse(String text) {
        if (text == null || text.isBlank()) {
            return FINGERPRINT;
        }
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (name.equals("CLASS") || name.equals("CHECKSUM")) {
            return FINGERPRINT;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown grouping '" + text + "': use one of " + Arrays.stream(values())
                    .map(g -> g.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", ")), e);
        }
    }
}
