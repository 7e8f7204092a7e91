package dev.triage.plugin.mysqldiag.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GTID sets of MySQL ({@code uuid:1-100:105-110,uuid2:1-5}, tagged {@code uuid:tag:1-5} too) and GTID positions of MariaDB
 * ({@code domain-server-sequence,...}): counting, subtracting, and the holes that are GTID gaps.
 */
public final class GtidSets {

    private GtidSets() {
    }

    /**
     * Parses a MySQL GTID set; malformed parts are skipped.
     *
     * @param text such as {@code 3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5:11-18, 2174B383-5441-11E8-B90A-C80AA9429562:1-3}
     * @return the merged, sorted intervals {@code [first, last]} by source id (uuid, or uuid:tag)
     */
    public static Map<String, List<long[]>> parseMySql(String text) {
        Map<String, List<long[]>> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String part : text.replace("\\n", "").replaceAll("\\s+", "").split(",")) {
            String[] f = part.split(":");
            if (f.length < 2 || f[0].isEmpty()) {
                continue;
            }
            String source = f[0].toLowerCase(java.util.Locale.ROOT);
            List<long[]> intervals = new ArrayList<>();
            for (int i = 1; i < f.length; i++) {
                long[] iv = interval(f[i]);
                if (iv != null) {
                    intervals.add(iv);
                } else if (intervals.isEmpty() && f[i].matches("[A-Za-z_][A-Za-z0-9_]{0,31}")) {
                    source = source + ":" + f[i].toLowerCase(java.util.Locale.ROOT);
                }
            }
            if (!intervals.isEmpty()) {
                out.merge(source, intervals, (a, b) -> {
                    List<long[]> all = new ArrayList<>(a);
                    all.addAll(b);
                    return all;
                });
            }
        }
        out.replaceAll((k, v) -> merged(v));
        return out;
    }

    private static long[] interval(String s) {
        int dash = s.indexOf('-');
        try {
            long a = Long.parseLong(dash < 0 ? s : s.substring(0, dash));
            long b = dash < 0 ? a : Long.parseLong(s.substring(dash + 1));
            return a >= 1 && b >= a ? new long[]{a, b} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<long[]> merged(List<long[]> intervals) {
        List<long[]> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingLong(iv -> iv[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] iv : sorted) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && iv[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], iv[1]);
            } else {
                out.add(new long[]{iv[0], iv[1]});
            }
        }
        return out;
    }

    /**
     * Counts the transactions of a set.
     *
     * @param set the parsed set
     * @return how many GTIDs it holds
     */
    public static long count(Map<String, List<long[]>> set) {
        return set.values().stream().flatMap(List::stream).mapToLong(iv -> saturated(iv[1] - iv[0] + 1)).reduce(0, GtidSets::add);
    }

    /**
     * Counts the transactions missing between the intervals of each source (a gap: {@code uuid:1-100:106-110} misses 5).
     *
     * @param set the parsed set
     * @return the missing transactions by source, only sources with a gap
     */
    public static Map<String, Long> holes(Map<String, List<long[]>> set) {
        Map<String, Long> out = new LinkedHashMap<>();
        set.forEach((source, ivs) -> {
            long missing = 0;
            for (int i = 1; i < ivs.size(); i++) {
                missing = add(missing, saturated(ivs.get(i)[0] - ivs.get(i - 1)[1] - 1));
            }
            if (missing > 0) {
                out.put(source, missing);
            }
        });
        return out;
    }

    /**
     * Counts the transactions of {@code a} that {@code b} does not hold.
     *
     * @param a a parsed set
     * @param b another
     * @return |a - b|
     */
    public static long missingFrom(Map<String, List<long[]>> a, Map<String, List<long[]>> b) {
        long out = 0;
        for (Map.Entry<String, List<long[]>> e : a.entrySet()) {
            List<long[]> other = b.getOrDefault(e.getKey(), List.of());
            for (long[] iv : e.getValue()) {
                long n = saturated(iv[1] - iv[0] + 1);
                for (long[] o : other) {
                    long lo = Math.max(iv[0], o[0]);
                    long hi = Math.min(iv[1], o[1]);
                    if (hi >= lo) {
                        n -= saturated(hi - lo + 1);
                    }
                }
                out = add(out, Math.max(0, n));
            }
        }
        return out;
    }

    /**
     * Parses a MariaDB GTID position list.
     *
     * @param text such as {@code 0-1-100,1-2-7}
     * @return {@code [server_id, sequence]} by replication domain
     */
    public static Map<Long, long[]> parseMariaDb(String text) {
        Map<Long, long[]> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String part : text.replaceAll("\\s+", "").split(",")) {
            String[] f = part.split("-");
            if (f.length != 3) {
                continue;
            }
            try {
                long domain = Long.parseLong(f[0]);
                long server = Long.parseLong(f[1]);
                long seq = Long.parseLong(f[2]);
                if (domain >= 0 && server >= 0 && seq >= 0) {
                    out.put(domain, new long[]{server, seq});
                }
            } catch (NumberFormatException e) {
                // not a position: skipped like other malformed parts
            }
        }
        return out;
    }

    private static long saturated(long v) {
        return v < 0 ? 0 : v;
    }

    private static long add(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
