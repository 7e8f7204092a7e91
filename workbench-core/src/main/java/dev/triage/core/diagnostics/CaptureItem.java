package dev.triage.core.diagnostics;

import java.util.Objects;

/**
 * One raw output of a capture, exactly as the server or tool answered.
 *
 * @param kind what the output is, as a dump kind ({@code redis-info}, {@code mysql-status}, {@code kafka-groups})
 * @param command the command that produced it ({@code INFO ALL}, {@code SHOW GLOBAL STATUS}), for people reading it
 * @param output the raw text
 */
public record CaptureItem(String kind, String command, String output) {

    /** Checks the kind and output are present and turns a missing command into an empty one. */
    public CaptureItem {
        Objects.requireNonNull(kind, "capture item kind");
        Objects.requireNonNull(output, "capture item output");
        command = command == null ? "" : command;
    }
}
