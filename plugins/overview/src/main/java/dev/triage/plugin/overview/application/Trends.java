package dev.triage.plugin.overview.application;

import dev.triage.plugin.overview.domain.Rollup;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Trend series of one metric for several targets over a range, from raw samples (up to 7 days) or daily rollups (90 days). */
public final class Trends {

    /** The most points per series drawn; raw samples are averaged into buckets above it. */
    public static final int MAX_POINTS = 600;

    private Trends() {
    }

    /** The ranges offered. */
    public enum Range {
        /** The last hour, raw samples. */
        HOUR("1 h", Duration.ofHours(1)),
        /** The last day, raw samples. */
        DAY("24 h", Duration.ofDays(1)),
        /** The last week, raw samples (kept 7 days). */
        WEEK("7 d", Duration.ofDays(7)),
        /** The last 90 days, daily averages. */
        QUARTER("90 d", Duration.ofDays(90));

        private final String label;
        private final Duration length;

        Range(String label, Duration length) {
            this.label = label;
            this.length = length;
        }

        /**
         * The label.
         *
         * @return e.g. "24 h"
         */
        public String label() {
            return label;
        }

        /**
         * Whether the range reads daily rollups instead of raw samples.
         *
         * @return true for 90 days
         */
        public boolean daily() {
            return length.compareTo(Duration.ofDays(7)) > 0;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * A target's series.
     *
     * @param target the target id
     * @param points time and value, oldest first
     */
    public record Series(String target, List<Map.Entry<Instant, Double>> points) {
    }

    /**
     * Loads the series.
     *
     * @param store the store
     * @param targets the targets to overlay
     * @param metric the metric
     * @param range the range
     * @param now the end of the range
     * @return one series per target (possibly empty)
     * @throws Exception when the case cannot be read
     */
    public static List<Series> load(SampleStore store, List<String> targets, String metric, Range range, Instant now) throws Exception {
        List<Series> out = new ArrayList<>();
        Instant since = now.minus(range.length);
        for (String t : targets) {
            List<Map.Entry<Instant, Double>> points = new ArrayList<>();
            if (range.daily()) {
                LocalDate first = LocalDate.ofInstant(since, ZoneOffset.UTC);
                for (Map.Entry<LocalDate, Rollup> e : store.daily(t, metric).entrySet()) {
                    if (!e.getKey().isBefore(first)) {
                        points.add(Map.entry(e.getKey().atStartOfDay(ZoneOffset.UTC).toInstant(), e.getValue().avg()));
                    }
                }
            } else {
                points.addAll(downsample(store.series(t, metric, since)));
            }
            out.add(new Series(t, points));
        }
        return out;
    }

    /** Averages consecutive points into at most {@link #MAX_POINTS} buckets, each at its first point's time. */
    static List<Map.Entry<Instant, Double>> downsample(List<Map.Entry<Instant, Double>> raw) {
        if (raw.size() <= MAX_POINTS) {
            return raw;
        }
        List<Map.Entry<Instant, Double>> out = new ArrayList<>();
        double per = raw.size() / (double) MAX_POINTS;
        for (int b = 0; b < MAX_POINTS; b++) {
            int from = (int) Math.floor(b * per);
            int to = (int) Math.min(raw.size(), Math.floor((b + 1) * per));
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += raw.get(i).getValue();
            }
            out.add(Map.entry(raw.get(from).getKey(), sum / Math.max(1, to - from)));
        }
        return out;
    }
}
