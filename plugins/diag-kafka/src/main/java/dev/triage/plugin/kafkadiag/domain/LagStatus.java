package dev.triage.plugin.kafkadiag.domain;

import dev.triage.plugin.kafkadiag.domain.GroupDescription.OffsetRow;
import java.util.List;

/**
 * A consumer's lag status over a window of offset samples, in the spirit of Burrow's rules: OK, WARNING (lag grows while
 * the consumer commits), STALLED (members present but nothing committed while lag stays), STOPPED (no members and lag),
 * ERROR (offsets went backwards, or a stalled or stopped partition).
 */
public enum LagStatus {

    /** Caught up at some point of the window, or lag not growing. */
    OK,
    /** The consumer commits but the lag grew at every sample. */
    WARNING,
    /** The consumer is there but its committed offset did not move while there was lag. */
    STALLED,
    /** The group has no members and there is lag. */
    STOPPED,
    /** Offsets went backwards (rewind) or the partition cannot be evaluated. */
    ERROR;

    /**
     * Evaluates one partition over its samples, oldest first.
     *
     * @param window the samples of one group's partition
     * @param groupActive whether the group has members
     * @return the status
     */
    public static LagStatus evaluate(List<OffsetRow> window, boolean groupActive) {
        if (window.isEmpty()) {
            return OK;
        }
        OffsetRow last = window.get(window.size() - 1);
        if (window.stream().anyMatch(r -> r.lag() == 0)) {
            return OK;
        }
        if (last.lag() < 0 && last.committed() < 0) {
            return groupActive ? STALLED : STOPPED;
        }
        for (int i = 1; i < window.size(); i++) {
            if (window.get(i).committed() >= 0 && window.get(i).committed() < window.get(i - 1).committed()) {
                return ERROR;
            }
        }
        if (!groupActive) {
            return STOPPED;
        }
        if (window.size() < 2) {
            return OK;
        }
        boolean committedMoved = window.get(0).committed() != last.committed();
        if (!committedMoved) {
            return STALLED;
        }
        for (int i = 1; i < window.size(); i++) {
            if (window.get(i).lag() <= window.get(i - 1).lag()) {
                return OK;
            }
        }
        return WARNING;
    }

    /**
     * Combines partition statuses into the group's: a stalled, stopped or rewound partition makes it ERROR (or STOPPED
     * when the whole group stopped), a growing lag WARNING.
     *
     * @param partitions the partition statuses
     * @return the group status
     */
    public static LagStatus group(List<LagStatus> partitions) {
        if (!partitions.isEmpty() && partitions.stream().allMatch(s -> s == STOPPED)) {
            return STOPPED;
        }
        if (partitions.contains(ERROR) || partitions.contains(STOPPED)) {
            return ERROR;
        }
        if (partitions.contains(STALLED)) {
            return STALLED;
        }
        return partitions.contains(WARNING) ? WARNING : OK;
    }
}
