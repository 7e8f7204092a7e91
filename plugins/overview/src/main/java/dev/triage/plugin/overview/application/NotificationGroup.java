package dev.triage.plugin.overview.application;

import dev.triage.plugin.overview.domain.Notification;
import dev.triage.plugin.overview.domain.Numbers;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Alerts sent together to one receiver: those of one route whose group labels are equal.
 *
 * @param receiver the receiver name
 * @param route the route name
 * @param groupLabels the labels the group was made by
 * @param alerts the alerts, firing first
 */
public record NotificationGroup(String receiver, String route, Map<String, String> groupLabels, List<Notification> alerts) {

    /** Copies. */
    public NotificationGroup {
        groupLabels = Map.copyOf(groupLabels);
        alerts = List.copyOf(alerts);
    }

    /**
     * Firing when any alert of the group fires, else resolved.
     *
     * @return the status
     */
    public Notification.Status status() {
        return alerts.stream().anyMatch(a -> a.status() == Notification.Status.FIRING) ? Notification.Status.FIRING
                : Notification.Status.RESOLVED;
    }

    /**
     * How many alerts fire.
     *
     * @return the count
     */
    public long firing() {
        return alerts.stream().filter(a -> a.status() == Notification.Status.FIRING).count();
    }

    /**
     * A one-line title, e.g. "[FIRING:2] busy (target=db-1)".
     *
     * @return the title
     */
    public String title() {
        String status = status() == Notification.Status.FIRING ? "FIRING:" + firing() : "RESOLVED";
        String names = alerts.stream().map(Notification::rule).distinct().collect(Collectors.joining(", "));
        String labels = groupLabels.isEmpty() ? "" : " (" + groupLabels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")) + ")";
        return "[" + status + "] " + names + labels;
    }

    /**
     * One line per alert: status, severity, summary, value and time.
     *
     * @return the lines
     */
    public List<String> lines() {
        return alerts.stream().map(a -> (a.status() == Notification.Status.FIRING ? "FIRING " : "RESOLVED ") + a.severity() + " "
                + a.summary() + " (" + a.labels().get("metric") + " = " + Numbers.format(a.value()) + ", " + a.at() + ")").toList();
    }

    /**
     * The title and the lines as plain text.
     *
     * @return the text
     */
    public String text() {
        return title() + "\n" + String.join("\n", lines());
    }
}
