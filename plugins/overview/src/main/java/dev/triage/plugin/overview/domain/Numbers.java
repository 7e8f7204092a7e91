package dev.triage.plugin.overview.domain;

import java.util.Locale;

/** Compact number formatting for cards, findings and the CLI. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * Formats a value with at most two decimals and no trailing zeros.
     *
     * @param v the value
     * @return the text, "-" for NaN
     */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /**
     * Formats bytes with a binary unit.
     *
     * @param bytes the size
     * @return e.g. "12.5 MiB"
     */
    public static String bytes(double bytes) {
        if (Double.isNaN(bytes)) {
            return "-";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        double v = bytes;
        while (Math.abs(v) >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }
}
