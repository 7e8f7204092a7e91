package dev.triage.core.finding;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a finding came from.
 *
 * @param pluginId the id of the plugin that produced it
 * @param target what was examined, such as {@code db1:3306} or a file name; empty when not about one target
 * @param time when it was found
 */
public record FindingSource(String pluginId, String target, Instant time) {

    /** Checks the plugin id and time are present and turns a missing target into an empty one. */
    public FindingSource {
        Objects.requireNonNull(pluginId, "plugin id");
        Objects.requireNonNull(time, "time");
        target = target == null ? "" : target;
    }
}
