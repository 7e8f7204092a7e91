package dev.triage.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The shared time cursor: a view selected a time range (a drag on a chart, a row range in a timeline), published on
 * the {@link EventBus} so that every other time-based view (metrics charts, log timeline, slow-log time chart) can
 * select the same range. A view ignores the events whose {@code source} is its own id, so a selection does not echo.
 *
 * @param from the start of the range, inclusive
 * @param to the end of the range, exclusive; never before {@code from}
 * @param source the id of the view (or plugin) that made the selection, e.g. {@code "metrics.view"}
 */
public record TimeRangeSelected(Instant from, Instant to, String source) {

    /** Checks that both ends are given and in order, and that the source is named. */
    public TimeRangeSelected {
        Objects.requireNonNull(from, "start of the time range");
        Objects.requireNonNull(to, "end of the time range");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Time range ends (" + to + ") before it starts (" + from + ")");
        }
        source = source == null ? "" : source;
    }

    /**
     * Tells whether an instant lies in the range.
     *
     * @param t the instant
     * @return true when {@code from <= t < to} (or {@code t == from} for an empty range)
     */
    public boolean contains(Instant t) {
        return !t.isBefore(from) && (t.isBefore(to) || t.equals(from));
    }
}
