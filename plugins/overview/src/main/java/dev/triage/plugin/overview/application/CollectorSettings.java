package dev.triage.plugin.overview.application;

import java.time.Duration;

/**
 * How the collector samples.
 *
 * @param interval time between two samples of a target (default 30 s)
 * @param timeout the longest one sample may take
 * @param concurrency how many targets are sampled at once
 * @param jitter fraction of the interval added or removed at random so targets do not all fire together (0..0.5)
 * @param maxBackoff the longest wait between tries of a target that is down (the wait doubles per failure up to this)
 * @param maintenanceEvery how often the rollup and retention tasks run
 * @param rawRetention how long raw samples are kept (default 7 days)
 * @param dailyRetention how long daily rollups are kept (default 90 days)
 */
public record CollectorSettings(Duration interval, Duration timeout, int concurrency, double jitter, Duration maxBackoff,
                                Duration maintenanceEvery, Duration rawRetention, Duration dailyRetention) {

    /** Validates. */
    public CollectorSettings {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The sampling interval must be positive, got " + interval);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("Concurrency must be at least 1, got " + concurrency);
        }
        jitter = Math.max(0, Math.min(0.5, jitter));
    }

    /**
     * The defaults: 30 s, 10 s timeout, 4 at once, 10 % jitter, back off up to 5 min, maintenance hourly, 7 d raw, 90 d daily.
     *
     * @return the defaults
     */
    public static CollectorSettings defaults() {
        return new CollectorSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), 4, 0.1, Duration.ofMinutes(5), Duration.ofHours(1),
                Duration.ofDays(7), Duration.ofDays(90));
    }

    /**
     * A copy with another interval (the timeout shrinks to fit inside it).
     *
     * @param every the interval
     * @return the settings
     */
    public CollectorSettings withInterval(Duration every) {
        Duration t = timeout.compareTo(every) > 0 ? every : timeout;
        return new CollectorSettings(every, t, concurrency, jitter, maxBackoff, maintenanceEvery, rawRetention, dailyRetention);
    }

    /**
     * Parses "30s", "2m", "1h", "500ms" or an ISO-8601 duration.
     *
     * @param text the text
     * @return the duration
     */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> Duration.parse(text.trim().toUpperCase(java.util.Locale.ROOT));
            };
        } catch (RuntimeException e) {
            try {
                return Duration.parse(text.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (RuntimeException again) {
                throw new IllegalArgumentException("Cannot read the duration '" + text + "': use e.g. 30s, 2m, 1h");
            }
        }
    }
}
