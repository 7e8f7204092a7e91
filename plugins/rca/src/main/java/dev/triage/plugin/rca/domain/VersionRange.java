package dev.triage.plugin.rca.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Version ranges in interval notation, several joined by {@code ||}: {@code [a,b)} means a &lt;= v &lt; b,
 * {@code (,b)} v &lt; b, {@code [a,)} v &gt;= a, {@code [a]} exactly a; round brackets exclude the bound.
 *
 * @param text the ranges as written
 * @param intervals the parsed intervals
 */
public record VersionRange(String text, List<Interval> intervals) {

    /** Copies the intervals. */
    public VersionRange {
        intervals = List.copyOf(intervals);
    }

    /**
     * One interval; a null bound is open.
     *
     * @param low the lower bound, or null
     * @param lowInclusive whether the lower bound is included
     * @param high the upper bound, or null
     * @param highInclusive whether the upper bound is included
     */
    public record Interval(Version low, boolean lowInclusive, Version high, boolean highInclusive) {

        /**
         * Tells whether a version lies in this interval.
         *
         * @param v the version
         * @return true when inside
         */
        public boolean contains(Version v) {
            if (low != null) {
                int c = v.compareTo(low);
                if (c < 0 || c == 0 && !lowInclusive) {
                    return false;
                }
            }
            if (high != null) {
                int c = v.compareTo(high);
                return c < 0 || c == 0 && highInclusive;
            }
            return true;
        }
    }

    /**
     * Parses ranges.
     *
     * @param text such as {@code [8.0.0,8.0.30) || [8.4.0,8.4.2)}
     * @return the range
     * @throws IllegalArgumentException naming the bad part
     */
    public static VersionRange parse(String text) {
        List<Interval> out = new ArrayList<>();
        for (String part : text.split("\\|\\|")) {
            String p = part.strip();
            if (p.length() < 3 || "[(".indexOf(p.charAt(0)) < 0 || "])".indexOf(p.charAt(p.length() - 1)) < 0) {
                throw new IllegalArgumentException("Version range '" + p + "' must look like [a,b), (,b), [a,) or [a]");
            }
            boolean lowIn = p.charAt(0) == '[';
            boolean highIn = p.charAt(p.length() - 1) == ']';
            String inner = p.substring(1, p.length() - 1);
            int comma = inner.indexOf(',');
            if (comma < 0) {
                if (!lowIn || !highIn || inner.isBlank()) {
                    throw new IllegalArgumentException("Version range '" + p + "' without a comma must be [version]");
                }
                Version v = Version.parse(inner);
                out.add(new Interval(v, true, v, true));
                continue;
            }
            String lo = inner.substring(0, comma).strip();
            String hi = inner.substring(comma + 1).strip();
            Version low = lo.isEmpty() ? null : Version.parse(lo);
            Version high = hi.isEmpty() ? null : Version.parse(hi);
            if (low != null && high != null && low.compareTo(high) > 0) {
                throw new IllegalArgumentException("Version range '" + p + "' has its lower bound above its upper bound");
            }
            out.add(new Interval(low, lowIn, high, highIn));
        }
        return new VersionRange(text, out);
    }

    /**
     * Tells whether a version lies in any of the intervals.
     *
     * @param v the version
     * @return true when affected
     */
    public boolean contains(Version v) {
        return intervals.stream().anyMatch(i -> i.contains(v));
    }
}
