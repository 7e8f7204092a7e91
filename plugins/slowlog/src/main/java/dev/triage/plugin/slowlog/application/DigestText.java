package dev.triage.plugin.slowlog.application;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** Writes a digest the way pt-query-digest's report reads: a profile, then per group its statistics, histogram and sample. */
public final class DigestText {

    private static final int ITEM = 60;
    private static final int BAR = 40;

    private DigestText() {
    }

    /**
     * Returns the digest as terminal text in pt-query-digest's layout.
     *
     * @param rows the ranked groups
     * @return the text, ending with a newline
     */
    public static String text(List<DigestRow> rows) {
        StringBuilder sb = new StringBuilder("# Profile\n");
        sb.append(String.format(Locale.ROOT, "# %4s %-34s %-16s %7s %8s %5s %s%n", "Rank", "Query ID", "Response time", "Calls",
                "R/Call", "V/M", "Item"));
        sb.append("# ==== ================================== ================ ======= ======== ===== ====\n");
        for (DigestRow r : rows) {
            sb.append(String.format(Locale.ROOT, "# %4d %-34s %9s %5.1f%% %7d %8s %5s %s%n", r.rank(), id(r),
                    seconds(r.queryTime().sum()), 100 * r.share(), r.count(), seconds(r.queryTime().avg()),
                    r.variance() == null ? "" : String.format(Locale.ROOT, "%.2f", r.variance()), cut(r.fingerprint(), ITEM)));
        }
        for (DigestRow r : rows) {
            sb.append('\n').append(String.format(Locale.ROOT, "# Query %d: %d calls, %.1f%% of time, ID %s%n", r.rank(), r.count(),
                    100 * r.share(), id(r)));
            sb.append(String.format(Locale.ROOT, "# %-13s %9s %9s %9s %9s %9s %9s %9s%n", "Attribute", "total", "min", "max", "avg",
                    "95%", "stddev", "median"));
            statsLine(sb, "Exec time", r.queryTime(), DigestText::seconds);
            statsLine(sb, "Lock time", r.lockTime(), DigestText::seconds);
            statsLine(sb, "Rows sent", r.rowsSent(), DigestText::count);
            statsLine(sb, "Rows examine", r.rowsExamined(), DigestText::count);
            statsLine(sb, "Query size", r.querySize(), DigestText::count);
            list(sb, "Databases", r.databases());
            list(sb, "Users", r.users());
            list(sb, "Hosts", r.hosts());
            list(sb, "Tables", r.tables());
            if (r.firstSeen() != null) {
                sb.append("# First seen    ").append(r.firstSeen()).append("\n# Last seen     ").append(r.lastSeen()).append('\n');
            }
            sb.append("# Query_time distribution\n");
            histogram(sb, r, "# ");
            if (r.sample() != null) {
                sb.append(r.sample()).append("\\G\n");
            }
        }
        return sb.toString();
    }

    /**
     * Returns the digest as Markdown: a profile table, then a section per group with its statistics table, histogram
     * and sample in a fenced SQL block.
     *
     * @param rows the ranked groups
     * @return the Markdown, ending with a newline
     */
    public static String markdown(List<DigestRow> rows) {
        StringBuilder sb = new StringBuilder("| Rank | Query ID | Response time | Share | Calls | R/Call | V/M | Item |\n")
                .append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (DigestRow r : rows) {
            sb.append(String.format(Locale.ROOT, "| %d | `%s` | %s | %.1f%% | %d | %s | %s | %s |%n", r.rank(), id(r),
                    seconds(r.queryTime().sum()), 100 * r.share(), r.count(), seconds(r.queryTime().avg()),
                    r.variance() == null ? "" : String.format(Locale.ROOT, "%.2f", r.variance()),
                    cell(cut(r.fingerprint(), ITEM))));
        }
        for (DigestRow r : rows) {
            sb.append("\n### ").append(r.rank()).append(". `").append(id(r)).append("`\n\n");
            sb.append(String.format(Locale.ROOT, "%d calls, %.1f%% of time", r.count(), 100 * r.share()));
            if (r.firstSeen() != null) {
                sb.append(", ").append(r.firstSeen()).append(" to ").append(r.lastSeen());
            }
            sb.append(".\n\n| Attribute | total | min | max | avg | 95% | stddev | median |\n")
                    .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            markdownStats(sb, "Exec time", r.queryTime(), DigestText::seconds);
            markdownStats(sb, "Lock time", r.lockTime(), DigestText::seconds);
            markdownStats(sb, "Rows sent", r.rowsSent(), DigestText::count);
            markdownStats(sb, "Rows examined", r.rowsExamined(), DigestText::count);
            markdownStats(sb, "Query size", r.querySize(), DigestText::count);
            sb.append('\n');
            markdownList(sb, "Databases", r.databases());
            markdownList(sb, "Users", r.users());
            markdownList(sb, "Hosts", r.hosts());
            markdownList(sb, "Tables", r.tables());
            sb.append("\nQuery time distribution:\n\n```text\n");
            histogram(sb, r, "");
            sb.append("```\n");
            if (r.fingerprint() != null) {
                sb.append("\nFingerprint:\n\n```sql\n").append(r.fingerprint()).append("\n```\n");
            }
            if (r.sample() != null) {
                sb.append("\nSlowest execution:\n\n```sql\n").append(r.sample().replace("```", "` ` `")).append("\n```\n");
            }
        }
        return sb.toString();
    }

    /** pt shows class ids as {@code 0x} and hex; other groupings show their key as it is. */
    private static String id(DigestRow r) {
        return r.checksum() != null && r.checksum().matches("[0-9A-F]{32}") ? "0x" + r.checksum() : String.valueOf(r.checksum());
    }

    private static void statsLine(StringBuilder sb, String name, DigestRow.Stats s, DoubleFunction<String> f) {
        if (s == null || s.sum() == null) {
            return;
        }
        sb.append(String.format(Locale.ROOT, "# %-13s %9s %9s %9s %9s %9s %9s %9s%n", name, f.apply(s.sum()), f.apply(s.min()),
                f.apply(s.max()), f.apply(s.avg()), f.apply(s.p95()), f.apply(s.stddev()), f.apply(s.median())));
    }

    private static void markdownStats(StringBuilder sb, String name, DigestRow.Stats s, DoubleFunction<String> f) {
        if (s == null || s.sum() == null) {
            return;
        }
        sb.append("| ").append(name).append(" | ").append(String.join(" | ", f.apply(s.sum()), f.apply(s.min()), f.apply(s.max()),
                f.apply(s.avg()), f.apply(s.p95()), f.apply(s.stddev()), f.apply(s.median()))).append(" |\n");
    }

    private static void list(StringBuilder sb, String name, List<String> values) {
        if (!values.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "# %-13s %s%n", name, String.join(", ", values)));
        }
    }

    private static void markdownList(StringBuilder sb, String name, List<String> values) {
        if (!values.isEmpty()) {
            sb.append("- ").append(name).append(": ").append(cell(String.join(", ", values))).append('\n');
        }
    }

    /** One line per bucket with a bar of {@code #} scaled to the fullest bucket, as pt draws it. */
    private static void histogram(StringBuilder sb, DigestRow r, String prefix) {
        long max = r.histogram().stream().mapToLong(Long::longValue).max().orElse(0);
        for (int b = 0; b < r.histogram().size(); b++) {
            long n = r.histogram().get(b);
            int width = max == 0 ? 0 : (int) Math.ceil(BAR * (double) n / max);
            sb.append(String.format(Locale.ROOT, "%s%6s  %-" + BAR + "s %d%n", prefix, DigestRow.BUCKETS.get(b), "#".repeat(width), n));
        }
    }

    /**
     * Formats seconds with a unit as pt-query-digest does: {@code 3s}, {@code 250ms}, {@code 12us}.
     *
     * @param s seconds
     * @return the text
     */
    public static String seconds(double s) {
        if (s >= 1 || s == 0) {
            return trim(String.format(Locale.ROOT, s >= 100 ? "%.0fs" : "%.2fs", s));
        }
        if (s >= 0.001) {
            return trim(String.format(Locale.ROOT, "%.0fms", s * 1000));
        }
        return trim(String.format(Locale.ROOT, "%.0fus", s * 1_000_000));
    }

    private static String seconds(Double s) {
        return s == null ? "" : seconds(s.doubleValue());
    }

    /** Counts and sizes as pt prints them: {@code 950}, {@code 12.3k}, {@code 4.5M}, {@code 1.2G}. */
    private static String count(double n) {
        if (Math.abs(n) < 1000) {
            return n == Math.rint(n) ? String.valueOf((long) n) : String.format(Locale.ROOT, "%.2f", n);
        }
        String[] units = {"k", "M", "G", "T"};
        double v = n;
        int u = -1;
        while (Math.abs(v) >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f", v) + units[u];
    }

    private static String trim(String s) {
        return s.replace(".00s", "s");
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
