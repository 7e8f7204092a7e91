package dev.triage.plugin.overview.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A silence: while it lasts, notifications of alerts whose labels satisfy all its matchers are not sent (the alerts still fire
 * and are recorded).
 *
 * @param id the id
 * @param matchers the matchers, at least one
 * @param startsAt when it starts
 * @param endsAt when it ends
 * @param createdBy who created it
 * @param comment why
 */
public record Silence(String id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {

    /** Validates. */
    public Silence {
        matchers = List.copyOf(matchers);
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("A silence needs at least one matcher, e.g. target=db-1");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("A silence must end after it starts");
        }
    }

    /**
     * Whether the silence mutes these labels at a time.
     *
     * @param labels the alert's labels
     * @param now the time
     * @return true when active and matching
     */
    public boolean mutes(Map<String, String> labels, Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt) && Matcher.all(matchers, labels);
    }
}
