package dev.triage.plugin.slowlog.infrastructure;

import dev.triage.plugin.slowlog.application.DigestAttribute;
import dev.triage.plugin.slowlog.application.DigestFilter;
import dev.triage.plugin.slowlog.application.DigestGroup;
import dev.triage.plugin.slowlog.application.DigestOrder;
import dev.triage.plugin.slowlog.application.DigestQuery;
import dev.triage.plugin.slowlog.application.DigestRow;
import dev.triage.plugin.slowlog.domain.SlowQueryEvent;
import dev.triage.core.task.TaskContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The digest of {@link DuckDbSlowLogStore#digest} computed in Java while events stream by, for a one-off digest of
 * files: no event is stored, so neither the DuckDB appender nor the store's native library is needed. It keeps per
 * group a few counters and the values of the five summarised attributes (for exact percentiles, as DuckDB's
 * {@code quantile_cont} gives them), so its memory grows with the number of events at 40 bytes each at most.
 * {@code StreamingDigestTest} checks it gives the SQL digest's rows.
 */
final class StreamingDigest {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingDigest.class);
    private static final int ATTRIBUTES = DigestAttribute.values().length;

    private final DigestQuery query;
    private final DigestFilter filter;
    private final Instant since;
    private final Instant until;
    /** Class id to fingerprint, for every class seen (unfiltered, as the SQL's names). */
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Group> groups = new HashMap<>();
    private Group nullGroup;

    StreamingDigest(DigestQuery query) {
        this.query = query;
        this.filter = query.filter();
        this.since = filter.since() == null ? null : filter.since().truncatedTo(ChronoUnit.MICROS);
        this.until = filter.until() == null ? null : filter.until().truncatedTo(ChronoUnit.MICROS);
    }

    /** A growable array of doubles. */
    static final class Values {
        double[] v = new double[8];
        int n;
        double sum;
        long longSum;
        boolean integral;

        void add(double d) {
            if (n == v.length) {
                v = Arrays.copyOf(v, n * 2);
            }
            v[n++] = d;
            sum += d;
        }

        DigestRow.Stats stats() {
            if (n == 0) {
                return new DigestRow.Stats(null, null, null, null, null, null, null);
            }
            double total = integral ? (double) longSum : sum;
            double avg = integral ? (double) longSum / n : sum / n;
            double[] work = Arrays.copyOf(v, n);
            double min = work[0];
            double max = work[0];
            for (int i = 1; i < n; i++) {
                min = Math.min(min, work[i]);
                max = Math.max(max, work[i]);
            }
            return new DigestRow.Stats(total, min, max, avg, quantile(work, 0.95), quantile(work, 0.5), Math.sqrt(variance()));
        }

        /** The population variance, two-pass (the values are at hand). */
        double variance() {
            double mean = sum / n;
            double d2 = 0;
            for (int i = 0; i < n; i++) {
                double d = v[i] - mean;
                d2 += d * d;
            }
            return d2 / n;
        }

        /**
         * DuckDB's {@code quantile_cont}: linear interpolation between the values around {@code q * (n - 1)} in sorted
         * order, found by selection rather than sorting (the array's order changes).
         */
        static double quantile(double[] values, double q) {
            int count = values.length;
            double rn = q * (count - 1);
            int lo = (int) Math.floor(rn);
            int hi = (int) Math.ceil(rn);
            for (double d : values) {
                if (Double.isNaN(d)) {
                    double[] sorted = values.clone();
                    Arrays.sort(sorted);
                    return lo == hi ? sorted[lo] : sorted[lo] + (rn - lo) * (sorted[hi] - sorted[lo]);
                }
            }
            double below = select(values, lo);
            if (lo == hi) {
                return below;
            }
            double above = values[lo + 1];
            for (int i = lo + 2; i < count; i++) {
                above = Math.min(above, values[i]);
            }
            return below + (rn - lo) * (above - below);
        }

        /** Moves the k-th smallest value to index k, smaller ones before it and larger ones after it, and returns it. */
        static double select(double[] a, int k) {
            int left = 0;
            int right = a.length - 1;
            while (right > left) {
                int mid = (left + right) >>> 1;
                // median of three as the pivot, so sorted input stays linear
                if (a[mid] < a[left]) {
                    swap(a, mid, left);
                }
                if (a[right] < a[left]) {
                    swap(a, right, left);
                }
                if (a[right] < a[mid]) {
                    swap(a, right, mid);
                }
                double pivot = a[mid];
                int i = left;
                int j = right;
                while (i <= j) {
                    while (a[i] < pivot) {
                        i++;
                    }
                    while (a[j] > pivot) {
                        j--;
                    }
                    if (i <= j) {
                        swap(a, i, j);
                        i++;
                        j--;
                    }
                }
                if (k <= j) {
                    right = j;
                } else if (k >= i) {
                    left = i;
                } else {
                    return a[k];
                }
            }
            return a[k];
        }

        private static void swap(double[] a, int i, int j) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** What one group has seen so far. */
    private static final class Group {
        final String key;
        long calls;
        final Values[] values = new Values[ATTRIBUTES];
        final long[] histogram = new long[DigestRow.BUCKETS.size()];
        Instant first;
        Instant last;
        String topClass;
        double topTime = Double.NEGATIVE_INFINITY;
        String sample;
        double sampleTime = Double.NEGATIVE_INFINITY;
        final Map<String, long[]> dbs = new HashMap<>();
        final Map<String, long[]> users = new HashMap<>();
        final Map<String, long[]> hosts = new HashMap<>();

        Group(String key) {
            this.key = key;
            for (int i = 0; i < ATTRIBUTES; i++) {
                values[i] = new Values();
            }
            values[DigestAttribute.ROWS_SENT.ordinal()].integral = true;
            values[DigestAttribute.ROWS_EXAMINED.ordinal()].integral = true;
            values[DigestAttribute.QUERY_SIZE.ordinal()].integral = true;
        }
    }

    /**
     * Parses files and digests them, without storing an event.
     *
     * @param files the slow logs, plain or gzip
     * @param query the grouping, order, limit and filter
     * @param context progress and cancellation
     * @return the ranked rows
     * @throws IOException when a file cannot be read
     */
    static List<DigestRow> digest(List<Path> files, DigestQuery query, TaskContext context) throws IOException {
        StreamingDigest digest = new StreamingDigest(query);
        for (Path f : files) {
            String name = f.getFileName().toString();
            double size = Math.max(1, Files.size(f));
            SlowLogParser.Result r;
            try (InputStream in = Files.newInputStream(f)) {
                r = SlowLogParser.parse(in, name, digest::add, p -> { }, read -> {
                    context.checkCancelled();
                    context.progress(Math.min(1, read / size), "Reading " + name);
                }, false);
            }
            if (r.problemCount() > 0) {
                LOG.warn("{}: {} entries or lines skipped or cut, first: {}", f, r.problemCount(), r.problems().get(0));
            }
        }
        return digest.rows();
    }

    /** Adds one event (in file order): counted when it passes the filter; its class's fingerprint is kept either way. */
    void add(SlowQueryEvent e) {
        names.putIfAbsent(e.checksum(), e.fingerprint());
        if (!passes(e)) {
            return;
        }
        String key = key(e);
        Group g;
        if (key == null) {
            if (nullGroup == null) {
                nullGroup = new Group(null);
            }
            g = nullGroup;
        } else {
            g = groups.get(key);
            if (g == null) {
                g = new Group(key);
                groups.put(key, g);
            }
        }
        g.calls++;
        Double qt = e.queryTime();
        if (qt != null) {
            g.values[0].add(qt);
            g.histogram[bucket(qt)]++;
        }
        if (e.lockTime() != null) {
            g.values[1].add(e.lockTime());
        }
        addLong(g.values[2], e.rowsSent());
        addLong(g.values[3], e.rowsExamined());
        addLong(g.values[4], (long) e.statement().length());
        Instant ts = e.timestamp();
        if (ts != null) {
            ts = ts.truncatedTo(ChronoUnit.MICROS);
            if (g.first == null || ts.isBefore(g.first)) {
                g.first = ts;
            }
            if (g.last == null || ts.isAfter(g.last)) {
                g.last = ts;
            }
        }
        double rank = qt == null ? -1 : qt;
        if (rank > g.topTime) {
            g.topTime = rank;
            g.topClass = e.checksum();
        }
        if (rank > g.sampleTime) {
            g.sampleTime = rank;
            g.sample = e.statement();
        }
        count(g.dbs, e.db());
        count(g.users, e.user());
        count(g.hosts, e.host());
    }

    private static void addLong(Values v, Long n) {
        if (n != null) {
            v.add(n);
            v.longSum += n;
        }
    }

    private static void count(Map<String, long[]> counts, String value) {
        if (value != null) {
            counts.computeIfAbsent(value, k -> new long[1])[0]++;
        }
    }

    /** pt's buckets as the SQL's filters: the first holds anything under 10us, the last 10s and more. */
    private static int bucket(double qt) {
        for (int b = 0; b < UPPER.length; b++) {
            if (qt < UPPER[b]) {
                return b;
            }
        }
        return UPPER.length;
    }

    /** The upper bounds of all buckets but the last, as the SQL's literals {@code 1e-5} .. {@code 1e1} read. */
    private static final double[] UPPER = new double[DigestRow.BUCKETS.size() - 1];

    static {
        for (int b = 0; b < UPPER.length; b++) {
            UPPER[b] = Double.parseDouble("1e" + (b - 5));
        }
    }

    private boolean passes(SlowQueryEvent e) {
        Instant ts = e.timestamp() == null ? null : e.timestamp().truncatedTo(ChronoUnit.MICROS);
        if (since != null && (ts == null || ts.isBefore(since))) {
            return false;
        }
        if (until != null && (ts == null || !ts.isBefore(until))) {
            return false;
        }
        if (filter.db() != null && !filter.db().equals(e.db())) {
            return false;
        }
        if (filter.user() != null && !filter.user().equals(e.user())) {
            return false;
        }
        if (filter.host() != null && !filter.host().equals(e.host())) {
            return false;
        }
        return filter.minQueryTime() == null || (e.queryTime() != null && e.queryTime() >= filter.minQueryTime());
    }

    private String key(SlowQueryEvent e) {
        return switch (query.group()) {
            case FINGERPRINT -> e.checksum();
            case DB -> e.db();
            case USER -> e.user();
            case HOST -> e.host();
            case PLAN_DIGEST -> e.planDigest();
        };
    }

    /** The ranked rows, as {@link DuckDbSlowLogStore#digest} returns them. */
    List<DigestRow> rows() {
        List<Group> all = new ArrayList<>(groups.values());
        if (nullGroup != null) {
            all.add(nullGroup);
        }
        double total = 0;
        for (Group g : all) {
            total += g.values[0].sum;
        }
        String match = filter.match() == null ? null : filter.match().toLowerCase(Locale.ROOT);
        record Ranked(Group group, String fingerprint, Double order) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (Group g : all) {
            String fingerprint = names.get(query.group() == DigestGroup.FINGERPRINT ? g.key : g.topClass);
            if (fingerprint == null || (match != null && !fingerprint.toLowerCase(Locale.ROOT).contains(match))) {
                continue;
            }
            ranked.add(new Ranked(g, fingerprint, order(g)));
        }
        ranked.sort(Comparator.comparing(Ranked::order, Comparator.nullsLast(Comparator.<Double>reverseOrder()))
                .thenComparing(r -> r.group().calls, Comparator.reverseOrder())
                .thenComparing(r -> r.group().key, Comparator.nullsLast(Comparator.<String>naturalOrder())));
        List<DigestRow> rows = new ArrayList<>();
        for (Ranked r : ranked) {
            if (rows.size() >= query.limit()) {
                break;
            }
            Group g = r.group();
            Values qt = g.values[0];
            Double avg = qt.n == 0 ? null : qt.sum / qt.n;
            Double vm = avg == null || avg == 0 ? null : qt.variance() / avg;
            List<Long> histogram = new ArrayList<>();
            for (long h : g.histogram) {
                histogram.add(h);
            }
            boolean listed = g.key != null;
            rows.add(new DigestRow(rows.size() + 1, g.key, r.fingerprint(), g.calls, total == 0 ? 0 : qt.sum / total,
                    qt.stats(), g.values[1].stats(), g.values[2].stats(), g.values[3].stats(), g.values[4].stats(), vm, histogram,
                    g.first == null ? null : g.first.toString(), g.last == null ? null : g.last.toString(),
                    DuckDbSlowLogStore.cut(g.sample), listed ? top(g.dbs) : List.of(), listed ? top(g.users) : List.of(),
                    listed ? top(g.hosts) : List.of(), TableNames.of(r.fingerprint())));
        }
        return rows;
    }

    private Double order(Group g) {
        if (query.order() == DigestOrder.COUNT) {
            return (double) g.calls;
        }
        Values v = g.values[query.attribute().ordinal()];
        if (v.n == 0) {
            return null;
        }
        return switch (query.order()) {
            case SUM -> v.integral ? (double) v.longSum : v.sum;
            case AVG -> v.integral ? (double) v.longSum / v.n : v.sum / v.n;
            case MAX -> max(v);
            case P95 -> Values.quantile(Arrays.copyOf(v.v, v.n), 0.95);
            case COUNT -> (double) g.calls;
        };
    }

    private static double max(Values v) {
        double m = v.v[0];
        for (int i = 1; i < v.n; i++) {
            m = Math.max(m, v.v[i]);
        }
        return m;
    }

    /** The most frequent values first (then by value), as {@code value (count)}, at most {@link DigestBreakdown#TOP}. */
    private static List<String> top(Map<String, long[]> counts) {
        return counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> x) -> x.getValue()[0]).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(DigestBreakdown.TOP).map(x -> x.getKey() + " (" + x.getValue()[0] + ")").toList();
    }
}
