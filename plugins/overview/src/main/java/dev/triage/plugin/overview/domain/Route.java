package dev.triage.plugin.overview.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where notifications go, as an Alertmanager route: alerts whose labels satisfy the matchers, inside the time window, go to the
 * receivers, grouped by some labels, each group sent after {@code groupWait}, repeated while firing every {@code repeatInterval},
 * at most {@code rateLimit} messages per receiver per {@code ratePeriod}.
 *
 * @param name the route's name
 * @param matchers label matchers (empty: every alert)
 * @param receivers receiver names
 * @param groupBy labels whose values make a group (empty: one group per route)
 * @param groupWait how long to wait for more alerts of a new group before sending it
 * @param repeatInterval how often a still firing, unacknowledged alert is sent again (zero: never)
 * @param rateLimit how many messages a receiver gets per period at most (0: no limit)
 * @param ratePeriod the period of the rate limit
 * @param window the time-of-day window, or null for always
 * @param continueMatching whether later routes are also tried after this one matched
 */
public record Route(String name, List<Matcher> matchers, List<String> receivers, List<String> groupBy, Duration groupWait,
                    Duration repeatInterval, int rateLimit, Duration ratePeriod, TimeWindow window, boolean continueMatching) {

    /** Validates and copies. */
    public Route {
        matchers = List.copyOf(matchers);
        receivers = List.copyOf(receivers);
        groupBy = List.copyOf(groupBy);
        groupWait = groupWait == null ? Duration.ZERO : groupWait;
        repeatInterval = repeatInterval == null ? Duration.ZERO : repeatInterval;
        ratePeriod = ratePeriod == null ? Duration.ofHours(1) : ratePeriod;
        if (receivers.isEmpty()) {
            throw new IllegalArgumentException("Route '" + name + "' has no receiver");
        }
    }

    /**
     * Whether this route takes an alert at a time.
     *
     * @param labels the alert's labels
     * @param now the time
     * @return true when the matchers hold and the time is inside the window
     */
    public boolean takes(Map<String, String> labels, Instant now) {
        return Matcher.all(matchers, labels) && (window == null || window.contains(now));
    }

    /**
     * The labels that name an alert's group on this route.
     *
     * @param labels the alert's labels
     * @return the group labels
     */
    public Map<String, String> groupLabels(Map<String, String> labels) {
        Map<String, String> out = new TreeMap<>();
        for (String l : groupBy) {
            out.put(l, labels.getOrDefault(l, ""));
        }
        return out;
    }
}
