package dev.triage.plugin.sql.application;

import java.util.List;

/**
 * Arguments of {@code sql.open}, the command other plugins (a slow-log sample) call to open an editor tab.
 *
 * @param text the SQL, as words joined by spaces
 * @param connection the connection to select, or null for the current one
 */
public record SqlOpenArgs(List<String> text, String connection) {

    /**
     * Returns the SQL text.
     *
     * @return the words joined
     */
    public String sql() {
        return text == null ? "" : String.join(" ", text);
    }
}
