package dev.triage.plugin.sql.application;

import java.util.List;

/**
 * Arguments of {@code connection.remove} and {@code connection.test}: the connection's name or id.
 *
 * @param names the name (one)
 */
public record ConnectionNameArgs(List<String> names) {

    /**
     * Returns the single name given.
     *
     * @return the name
     * @throws IllegalArgumentException when none or several were given
     */
    public String name() {
        if (names == null || names.size() != 1) {
            throw new IllegalArgumentException("Give one connection name, got " + (names == null ? List.of() : names));
        }
        return names.get(0);
    }
}
