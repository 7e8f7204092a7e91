package dev.triage.core.diagnostics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The raw state of one target at one time: what a diagnosis reads, saved so it can be repeated offline.
 *
 * @param pluginId the plugin that can diagnose it
 * @param target what was captured, such as {@code redis-prod (10.0.0.5:6379)} or a file name
 * @param time when it was captured
 * @param items the raw outputs, in the order they were taken
 */
public record Capture(String pluginId, String target, Instant time, List<CaptureItem> items) {

    /** Checks the parts and copies the items. */
    public Capture {
        Objects.requireNonNull(pluginId, "capture plugin id");
        Objects.requireNonNull(time, "capture time");
        target = target == null ? "" : target;
        items = List.copyOf(items);
    }

    /**
     * Returns the first output of a kind.
     *
     * @param kind the dump kind
     * @return the item, or empty when the capture has none of that kind
     */
    public Optional<CaptureItem> item(String kind) {
        return items.stream().filter(i -> i.kind().equals(kind)).findFirst();
    }

    /**
     * Returns every output of a kind, in capture order.
     *
     * @param kind the dump kind
     * @return the items, possibly none
     */
    public List<CaptureItem> items(String kind) {
        return items.stream().filter(i -> i.kind().equals(kind)).toList();
    }
}
