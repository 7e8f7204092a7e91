package dev.triage.plugin.overview.application;

/** Port: sends one group of alert notifications somewhere (a webhook, an e-mail, the desktop, the window). */
public interface Notifier {

    /**
     * The kind of notifier, e.g. "slack", "email".
     *
     * @return the kind
     */
    String kind();

    /**
     * Sends a group; throws when it could not be delivered, so the dispatcher retries.
     *
     * @param group the group
     * @throws Exception when delivery failed
     */
    void send(NotificationGroup group) throws Exception;
}
