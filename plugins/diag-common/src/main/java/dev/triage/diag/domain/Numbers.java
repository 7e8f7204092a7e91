package dev.triage.diag.domain;

import java.util.Locale;

/** Parsing and formatting of the numbers found in status dumps. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * Parses a number, or NaN when the text is not one.
     *
     * @param text such as {@code 42}, {@code 1.5} or {@code NULL}
     * @return the value or NaN
     */
    public static double parse(String text) {
        if (text == null) {
            return Double.NaN;
        }
        String t = text.trim();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Formats a value without a useless fraction.
     *
     * @param v the value
     * @return such as {@code 42} or {@code 0.85}
     */
    public static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * Formats a byte count for people.
     *
     * @param bytes the count
     * @return such as {@code 64.0 MiB}
     */
    public static String bytes(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (Math.abs(v) >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? plain(v) + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /**
     * Formats a ratio as a percentage.
     *
     * @param ratio such as 0.853
     * @return such as {@code 85.3 %}
     */
    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }
}
