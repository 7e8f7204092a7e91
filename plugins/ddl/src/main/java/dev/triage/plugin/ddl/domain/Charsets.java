package dev.triage.plugin.ddl.domain;

import java.util.Locale;
import java.util.Map;

/** What each character set can hold: its widest character and the repertoire it covers. */
public final class Charsets {

    /** Repertoires, from small to large; a charset can hold the characters of any charset of a repertoire it covers. */
    enum Repertoire { ASCII, LATIN1, BMP, UNICODE, BINARY, LEGACY }

    /** charset -> (max bytes per character, repertoire). */
    private static final Map<String, Object[]> TABLE = Map.ofEntries(
            Map.entry("ascii", new Object[] {1, Repertoire.ASCII}),
            Map.entry("latin1", new Object[] {1, Repertoire.LATIN1}),
            Map.entry("utf8mb3", new Object[] {3, Repertoire.BMP}),
            Map.entry("utf8", new Object[] {3, Repertoire.BMP}),
            Map.entry("ucs2", new Object[] {2, Repertoire.BMP}),
            Map.entry("utf8mb4", new Object[] {4, Repertoire.UNICODE}),
            Map.entry("utf16", new Object[] {4, Repertoire.UNICODE}),
            Map.entry("utf16le", new Object[] {4, Repertoire.UNICODE}),
            Map.entry("utf32", new Object[] {4, Repertoire.UNICODE}),
            Map.entry("binary", new Object[] {1, Repertoire.BINARY}),
            Map.entry("gbk", new Object[] {2, Repertoire.LEGACY}),
            Map.entry("gb2312", new Object[] {2, Repertoire.LEGACY}),
            Map.entry("gb18030", new Object[] {4, Repertoire.UNICODE}),
            Map.entry("big5", new Object[] {2, Repertoire.LEGACY}),
            Map.entry("sjis", new Object[] {2, Repertoire.LEGACY}),
            Map.entry("ujis", new Object[] {3, Repertoire.LEGACY}),
            Map.entry("euckr", new Object[] {2, Repertoire.LEGACY}));

    private Charsets() {
    }

    /**
     * Normalises a charset name (lower case, utf8 as utf8mb3), or derives it from a collation name.
     *
     * @param name a charset or collation name, or null
     * @return the charset, or null when unknown
     */
    public static String normalize(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.replace("'", "").replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
        if (n.equals("utf8")) {
            return "utf8mb3";
        }
        int underscore = n.indexOf('_');
        if (underscore > 0) {
            String cs = n.substring(0, underscore);
            return cs.equals("utf8") ? "utf8mb3" : cs;
        }
        return n;
    }

    /**
     * Returns the most bytes one character of the charset takes (4 when the charset is unknown).
     *
     * @param charset a normalised charset, or null
     * @return bytes per character
     */
    public static int maxBytes(String charset) {
        Object[] row = charset == null ? null : TABLE.get(charset);
        return row == null ? 4 : (int) row[0];
    }

    /**
     * Tells whether every character of {@code from} can be stored in {@code to}.
     *
     * @param from the source charset
     * @param to the target charset
     * @return true when nothing becomes '?'
     */
    public static boolean holds(String from, String to) {
        if (from == null || to == null || from.equals(to)) {
            return true;
        }
        Repertoire f = repertoire(from);
        Repertoire t = repertoire(to);
        return switch (t) {
            case BINARY -> true;
            case UNICODE -> f != Repertoire.BINARY;
            case BMP -> f == Repertoire.ASCII || f == Repertoire.LATIN1 || f == Repertoire.BMP || f == Repertoire.LEGACY;
            case LATIN1 -> f == Repertoire.ASCII;
            case ASCII, LEGACY -> f == Repertoire.ASCII;
        };
    }

    private static Repertoire repertoire(String charset) {
        Object[] row = TABLE.get(charset);
        return row == null ? Repertoire.LEGACY : (Repertoire) row[1];
    }
}
