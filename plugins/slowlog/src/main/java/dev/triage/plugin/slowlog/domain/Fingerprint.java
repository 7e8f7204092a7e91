package dev.triage.plugin.slowlog.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Query fingerprints and class ids compatible with pt-query-digest 3.2.1 ({@code QueryRewriter::fingerprint} and
 * {@code make_checksum}), so that Triage's classes can be matched with pt-query-digest's and PMM's.
 *
 * <p>The rules work on raw bytes, as Perl does on a byte string: callers pass text decoded as ISO-8859-1 (one char per
 * byte), only ASCII letters are folded, and the checksum is the MD5 of those bytes. Like pt, the rules are deliberately
 * crude regular expressions (speed over parsing); keeping them identical is the point.
 */
public final class Fingerprint {

    private static final int F = Pattern.UNIX_LINES;
    private static final Pattern PERCONA_TOOLKIT = Pattern.compile("/\\*\\w+\\.\\w+:[0-9]/[0-9]\\*/", F);
    private static final Pattern CALL = Pattern.compile("\\A\\s*(call\\s+\\S+)\\(", F | Pattern.CASE_INSENSITIVE);
    private static final Pattern MULTI_INSERT = Pattern.compile(
            "\\A((?:INSERT|REPLACE)(?: IGNORE)?\\s+INTO.+?VALUES\\s*\\(.*?\\))\\s*,\\s*\\(",
            F | Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** Multi-line comments, but not version comments such as {@code /*!40001 ...}. */
    private static final Pattern MULTI_LINE_COMMENT = Pattern.compile("/\\*[^!].*?\\*/", F | Pattern.DOTALL | Pattern.MULTILINE);
    /** One-line comments, crude on purpose: up to the end of the line unless a quote follows. */
    private static final Pattern ONE_LINE_COMMENT = Pattern.compile("(?:--|#)[^'\"\\r\\n]*(?=[\\r\\n]|\\Z)", F);
    private static final Pattern USE = Pattern.compile("\\Ause \\S+\\Z", F | Pattern.CASE_INSENSITIVE);
    private static final Pattern ESCAPED_QUOTE = Pattern.compile("\\\\[\"']", F);
    private static final Pattern BOOLEAN = Pattern.compile("\\bfalse\\b|\\btrue\\b", F | Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern NULL = Pattern.compile("\\bnull\\b", F);
    private static final Pattern LISTS = Pattern.compile("\\b(in|values?)(?:[\\s,]*\\([\\s?,]*\\))+", F);
    private static final Pattern UNION = Pattern.compile("\\b(select\\s.*?)(?:(\\sunion(?:\\sall)?)\\s\\1)+", F);
    private static final Pattern LIMIT = Pattern.compile("\\blimit \\?(?:, ?\\?| offset \\?)?", F);
    private static final Pattern ORDER_BY = Pattern.compile("\\bORDER BY ", F | Pattern.CASE_INSENSITIVE);
    private static final Pattern ASC = Pattern.compile("\\G(.+?)\\s+ASC", F | Pattern.CASE_INSENSITIVE);

    private Fingerprint() {
    }

    /**
     * Abstracts a statement to its class: literals become {@code ?}, IN/VALUES lists collapse, comments go, whitespace
     * collapses and letters fold to lower case, exactly as pt-query-digest 3.2.1 does.
     *
     * @param query the statement as logged, one char per byte (ISO-8859-1)
     * @return the fingerprint, one char per byte
     */
    public static String of(String query) {
        // Each rule runs only when its text can occur: the result is the same, the common query is several times faster.
        if (query.startsWith("SELECT /*!40001 SQL_NO_CACHE */ * FROM `")) {
            return "mysqldump";
        }
        boolean comment = query.contains("/*");
        if (comment && PERCONA_TOOLKIT.matcher(query).find()) {
            return "percona-toolkit";
        }
        if (query.startsWith("administrator command: ")) {
            return query;
        }
        if (firstNonSpaceIs(query, 'c')) {
            Matcher call = CALL.matcher(query);
            if (call.lookingAt()) {
                return lowerAscii(call.group(1));
            }
        }
        String q = query;
        if (q.regionMatches(true, 0, "INSERT", 0, 6) || q.regionMatches(true, 0, "REPLACE", 0, 7)) {
            Matcher insert = MULTI_INSERT.matcher(q);
            if (insert.lookingAt()) {
                q = insert.group(1);
            }
        }
        if (comment) {
            q = MULTI_LINE_COMMENT.matcher(q).replaceAll("");
        }
        if (q.contains("--") || q.indexOf('#') >= 0) {
            q = ONE_LINE_COMMENT.matcher(q).replaceAll("");
        }
        if (q.regionMatches(true, 0, "use ", 0, 4)) {
            Matcher use = USE.matcher(q);
            if (use.find()) {
                return use.replaceFirst("use ?");
            }
        }
        if (q.indexOf('\\') >= 0) {
            q = ESCAPED_QUOTE.matcher(q).replaceAll("");
        }
        if (q.indexOf('"') >= 0) {
            q = quotedToMark(q, '"');
        }
        if (q.indexOf('\'') >= 0) {
            q = quotedToMark(q, '\'');
        }
        if (containsTrueOrFalse(q)) {
            q = BOOLEAN.matcher(q).replaceAll("?");
        }
        if (hasNumberStart(q)) {
            q = numbersToMarks(q);
        }
        q = stripLeadingSpace(q);
        if (q.endsWith("\n")) {
            q = q.substring(0, q.length() - 1);
        }
        q = collapseSpacesAndLower(q);
        if (q.contains("null")) {
            q = NULL.matcher(q).replaceAll("?");
        }
        if (q.indexOf('(') >= 0 && (q.contains("in") || q.contains("value"))) {
            q = LISTS.matcher(q).replaceAll("$1(?+)");
        }
        if (q.contains("union")) {
            q = UNION.matcher(q).replaceAll("$1 /*repeat$2*/");
        }
        if (q.contains("limit ?")) {
            q = LIMIT.matcher(q).replaceFirst("limit ?");
        }
        if (containsIgnoreCase(q, "order by ")) {
            Matcher orderBy = ORDER_BY.matcher(q);
            if (orderBy.find()) {
                int from = orderBy.end();
                q = q.substring(0, from) + ASC.matcher(q.substring(from)).replaceAll("$1");
            }
        }
        return q;
    }

    private static boolean firstNonSpaceIs(String s, char lower) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSpace(c)) {
                return c == lower || c == lower - 32;
            }
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    private static boolean hasNumberStart(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || c == '+' || c == '-') {
                return true;
            }
        }
        return false;
    }

    /** Whether the text holds the lower-case ASCII word in any case; checks the first letter before comparing the rest. */
    static boolean containsIgnoreCase(String s, String lowerWord) {
        int n = lowerWord.length();
        char first = lowerWord.charAt(0);
        for (int i = 0, last = s.length() - n; i <= last; i++) {
            if ((s.charAt(i) | 0x20) == first && s.regionMatches(true, i, lowerWord, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** pt's {@code s/'.*?'/?/sg} (or with double quotes), without a regex: each quoted run, quotes included, becomes ?. */
    static String quotedToMark(String s, char quote) {
        int open = s.indexOf(quote);
        StringBuilder sb = new StringBuilder(s.length());
        int from = 0;
        while (open >= 0) {
            int close = s.indexOf(quote, open + 1);
            if (close < 0) {
                break;
            }
            sb.append(s, from, open).append('?');
            from = close + 1;
            open = s.indexOf(quote, from);
        }
        return from == 0 ? s : sb.append(s, from, s.length()).toString();
    }

    /**
     * pt's {@code s/[0-9+-][0-9a-f.xb+-]*}{@code /?/g} then {@code s/[xb.+-]\?/?/g}, without regexes: each run that starts
     * with a digit or sign becomes ?, then a leftover x, b, dot or sign right before a ? is dropped.
     */
    static String numbersToMarks(String s) {
        int n = s.length();
        StringBuilder sb = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || c == '+' || c == '-') {
                i++;
                while (i < n && isNumberPart(s.charAt(i))) {
                    i++;
                }
                mark(sb);
            } else if (c == '?') {
                mark(sb);
                i++;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** Appends a ?, dropping an x, b, dot or sign right before it (the second rule, applied in the same pass). */
    private static void mark(StringBuilder sb) {
        int m = sb.length();
        if (m > 0) {
            char last = sb.charAt(m - 1);
            if (last == 'x' || last == 'b' || last == '.' || last == '+' || last == '-') {
                sb.setCharAt(m - 1, '?');
                return;
            }
        }
        sb.append('?');
    }

    private static boolean isNumberPart(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '.' || c == 'x' || c == 'b' || c == '+' || c == '-';
    }

    /** pt's {@code s/\A\s+//}: the text without its leading whitespace. */
    static String stripLeadingSpace(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        return i == 0 ? s : s.substring(i);
    }

    /** Whether the text holds {@code true} or {@code false} in any case, in one pass. */
    static boolean containsTrueOrFalse(String s) {
        for (int i = 0, n = s.length(); i + 4 <= n; i++) {
            char c = (char) (s.charAt(i) | 0x20);
            if ((c == 't' && s.regionMatches(true, i, "true", 0, 4)) || (c == 'f' && s.regionMatches(true, i, "false", 0, 5))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Perl's {@code tr[ \n\t\r\f][ ]s} then ASCII lower case, in one pass: each run of the five characters of Perl's
     * {@code tr[ \n\t\r\f][ ]s} becomes one space and A to Z become a to z.
     */
    static String collapseSpacesAndLower(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if ((c >= 'A' && c <= 'Z') || c == '\n' || c == '\t' || c == '\r' || c == '\f'
                    || (c == ' ' && i + 1 < n && isTrSpace(s.charAt(i + 1)))) {
                break;
            }
            i++;
        }
        if (i == n) {
            return s;
        }
        char[] out = new char[n];
        s.getChars(0, i, out, 0);
        int m = i;
        boolean inRun = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (isTrSpace(c)) {
                if (!inRun) {
                    out[m++] = ' ';
                    inRun = true;
                }
            } else {
                out[m++] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
                inRun = false;
            }
        }
        return new String(out, 0, m);
    }

    private static boolean isTrSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }

    /**
     * Returns pt-query-digest's class id of a fingerprint: the upper-case hex MD5 of its bytes.
     *
     * @param fingerprint the fingerprint, one char per byte (ISO-8859-1)
     * @return 32 upper-case hex digits
     */
    public static String checksum(String fingerprint) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(fingerprint.getBytes(StandardCharsets.ISO_8859_1));
            return HexFormat.of().withUpperCase().formatHex(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    /**
     * Converts byte-per-char text (ISO-8859-1) to the text it spells in UTF-8, for display and storage.
     *
     * @param latin1 text holding one char per byte
     * @return the UTF-8 reading, with malformed bytes replaced
     */
    public static String utf8(String latin1) {
        for (int i = 0; i < latin1.length(); i++) {
            if (latin1.charAt(i) >= 0x80) {
                return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        return latin1;
    }

    private static String lowerAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return lowerAsciiFrom(s, i);
            }
        }
        return s;
    }

    private static String lowerAsciiFrom(String s, int first) {
        char[] cs = s.toCharArray();
        for (int i = first; i < cs.length; i++) {
            if (cs[i] >= 'A' && cs[i] <= 'Z') {
                cs[i] = (char) (cs[i] + 32);
            }
        }
        return new String(cs);
    }
}
