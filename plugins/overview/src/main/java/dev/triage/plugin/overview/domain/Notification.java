package dev.triage.plugin.overview.domain;

import dev.triage.core.finding.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One alert as a notification: firing or resolved, with its labels (alertname, target, severity, metric and the rule's labels).
 *
 * @param status firing or resolved
 * @param rule the rule name
 * @param target the target id
 * @param severity the rule's severity
 * @param labels the labels routes and silences match
 * @param summary the rule's summary with its placeholders filled
 * @param value the metric value that caused the transition
 * @param at when the transition happened
 */
public record Notification(Status status, String rule, String target, Severity severity, Map<String, String> labels, String summary,
                           double value, Instant at) {

    /** Whether the alert fires or has resolved. */
    public enum Status {
        /** The alert started firing (or still fires, for a repeat). */
        FIRING,
        /** The alert stopped firing. */
        RESOLVED
    }

    /** Copies the labels. */
    public Notification {
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /**
     * The notification of a transition, when it is one users are told about (to firing, or firing to resolved).
     *
     * @param t the transition
     * @return the notification, or empty for pending and inactive moves
     */
    public static Optional<Notification> of(AlertTransition t) {
        Status status;
        if (t.to() == AlertState.FIRING) {
            status = Status.FIRING;
        } else if (t.to() == AlertState.RESOLVED) {
            status = Status.RESOLVED;
        } else {
            return Optional.empty();
        }
        Map<String, String> labels = new TreeMap<>(t.rule().labels());
        labels.put("alertname", t.rule().name());
        labels.put("target", t.target());
        labels.put("severity", t.rule().severity().name());
        labels.put("metric", t.rule().metric());
        return Optional.of(new Notification(status, t.rule().name(), t.target(), t.rule().severity(), labels,
                t.rule().describe(t.target(), t.value()), t.value(), t.time()));
    }

    /**
     * The identity of the alert (rule and target), shared by its firing and resolved notifications.
     *
     * @return the fingerprint
     */
    public String fingerprint() {
        return rule + "/" + target;
    }

    /**
     * The same alert with another status and time (a repeat of a firing alert).
     *
     * @param newStatus the status
     * @param time the time
     * @return the copy
     */
    public Notification with(Status newStatus, Instant time) {
        return new Notification(newStatus, rule, target, severity, labels, summary, value, time);
    }
}
