package dev.triage.plugin.rca.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A product version compared by its numeric parts: {@code 8.0.32}, {@code v7.5.1}, {@code 10.6.12-MariaDB-log},
 * {@code 5.5.5-10.6.12-MariaDB} (MariaDB's replication prefix is dropped), {@code 0.11.0.0}. Missing parts count as 0.
 *
 * @param parts the numeric parts
 * @param text the version as written
 */
public record Version(List<Integer> parts, String text) implements Comparable<Version> {

    private static final Pattern NUMBERS = Pattern.compile("^[vV]?(\\d+(?:\\.\\d+)*)");

    /** Copies the parts. */
    public Version {
        parts = List.copyOf(parts);
    }

    /**
     * Parses a version.
     *
     * @param text the version text
     * @return the version
     * @throws IllegalArgumentException when the text does not start with a number
     */
    public static Version parse(String text) {
        String t = text.strip();
        if (t.startsWith("5.5.5-") && t.toLowerCase(java.util.Locale.ROOT).contains("mariadb")) {
            t = t.substring(6);
        }
        Matcher m = NUMBERS.matcher(t);
        if (!m.find()) {
            throw new IllegalArgumentException("'" + text + "' is not a version such as 8.0.32");
        }
        List<Integer> parts = new ArrayList<>();
        for (String p : m.group(1).split("\\.")) {
            parts.add(p.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(p));
        }
        return new Version(parts, text.strip());
    }

    @Override
    public int compareTo(Version o) {
        int n = Math.max(parts.size(), o.parts.size());
        for (int i = 0; i < n; i++) {
            int a = i < parts.size() ? parts.get(i) : 0;
            int b = i < o.parts.size() ? o.parts.get(i) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
