package dev.triage.plugin.sql.application;

import java.util.List;

/**
 * Arguments of {@code sql.history}, {@code sql.snippets}, {@code sql.snippet-save} and {@code sql.snippet-delete}.
 *
 * @param words the snippet name, or the text the history entries contain
 * @param text the snippet's SQL (save)
 * @param connection the connection whose history to search (default {@code case})
 * @param limit how many history entries (default 50)
 */
public record SnippetArgs(List<String> words, String text, String connection, Integer limit) {

    /**
     * Returns the words joined by spaces.
     *
     * @return the joined words, empty when none
     */
    public String joined() {
        return words == null ? "" : String.join(" ", words);
    }
}
