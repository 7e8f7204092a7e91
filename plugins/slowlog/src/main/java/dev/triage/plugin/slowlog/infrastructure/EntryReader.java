package dev.triage.plugin.slowlog.infrastructure;

import dev.triage.plugin.slowlog.domain.Fingerprint;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the records of one batch of a slow log the way pt-query-digest 3.2.1's {@code SlowLogParser} does (header
 * attributes, statement, look-ahead into the next record), and does all the per-entry work that needs no state from
 * earlier entries (times, numbers, fingerprint, class id), so that batches can be read on several threads.
 */
final class EntryReader {

    private static final int F = Pattern.UNIX_LINES;
    static final Pattern USER_HOST = Pattern.compile(
            "# User@Host: ([^\\[]+|\\[[^\\[]+\\]).*?@ (\\S*) \\[(.*)\\]\\s*(?:Id:\\s*(\\d+))?", F);
    private static final Pattern EMPTY_SCHEMA_FIX = Pattern.compile("Schema:\\s+", F);
    private static final Pattern USE = Pattern.compile("use ([^;]+)", F);
    private static final Pattern SET_SPLIT = Pattern.compile(",|\\s*=\\s*", F);
    private static final Pattern NO_QUERY_NEXT = Pattern.compile("\\s*[A-Z][a-z_]+: ", F);
    private static final Pattern LEADING_SPACE = Pattern.compile("\\A\\s+", F);
    private static final Pattern SHORT_TIME = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})");
    private static final Pattern ZONE_SUFFIX = Pattern.compile(".*[+-]\\d{2}:\\d{2}$");
    private static final Set<String> MAIN_FIELDS = Set.of("Query_time", "Lock_time", "Rows_sent", "Rows_examined", "Thread_id",
            "Id", "user", "host", "ts", "db", "use", "cmd", "arg");
    /** Class ids by fingerprint: a log has few classes and many events, and MD5 per event is measurable. */
    private static final int MAX_CACHED_CHECKSUMS = 100_000;
    private static final Map<String, String> CHECKSUMS = new ConcurrentHashMap<>();

    private EntryReader() {
    }

    /** Lines of one record between two {@code ;\n#} separators, as pt-query-digest reads them. */
    static final class Chunk {
        final List<String> lines = new ArrayList<>();
        long firstLine;
        int bytes;
        boolean cut;
        boolean last;
        boolean endsWithNewline = true;
        /** Whether a line after the first is a statement line, so reading this record never looks into the next. */
        boolean hasStatement;
    }

    /**
     * One entry with everything that does not depend on the entries before it.
     *
     * @param db {@code use}, else {@code Schema}, else TiDB's {@code DB}; null when none (inherited later)
     * @param timestamp the entry's own time; null when it has none (inherited later)
     * @param tidb whether the header has TiDB-only attributes
     * @param mariaDb whether the header has MariaDB-only attributes
     */
    record Parsed(long line, Instant timestamp, Double queryTime, Double lockTime, Long rowsSent, Long rowsExamined,
            String user, String host, String db, Long threadId, Map<String, String> attributes, String statement,
            String fingerprint, String checksum, String planDigest, boolean tidb, boolean mariaDb) {
    }

    /** A problem found in a batch, before the file name is attached. */
    record Problem(long line, String reason) {
    }

    /** What reading one batch gave: the entries in order, the problems, and whether MariaDB's explain lines were seen. */
    static final class Output {
        final List<Parsed> entries = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        boolean mariaDb;
    }

    /**
     * Reads the records of a batch: each chunk but the last with the next one as its look-ahead, and the last too when
     * it ends the input.
     */
    static Output read(List<Chunk> chunks, boolean endOfInput, boolean keepAttributes) {
        Output out = new Output();
        int n = chunks.size();
        for (int i = 0; i + 1 < n; i++) {
            entry(chunks.get(i), chunks.get(i + 1), keepAttributes, out);
        }
        if (endOfInput && n > 0) {
            entry(chunks.get(n - 1), null, keepAttributes, out);
        }
        return out;
    }

    private static void entry(Chunk chunk, Chunk next, boolean keepAttributes, Output out) {
        if (chunk.lines.isEmpty()) {
            return;
        }
        // A record ends with pt's separator ";\n#" unless it is the last one or its last line was cut.
        List<String> lines = chunk.lines;
        int size = lines.size();
        boolean separated = !chunk.last && lines.get(size - 1).endsWith(";");
        String suffix = separated ? "\n#" : chunk.last && chunk.endsWithNewline ? "\n" : "";
        Header h = new Header();
        String first = lines.get(0).startsWith("#") ? lines.get(0) : "#" + lines.get(0);
        int k = 1;
        while (k < size && isMeta(lines.get(k))) {
            k++;
        }
        String tail = k >= size ? null : (k == size - 1 ? lines.get(k) + suffix : String.join("\n", lines.subList(k, size)) + suffix);
        if (tail != null && tail.length() >= 4) {
            // The usual record: header lines, then the statement. pt's end trimming (stripEnd) looks at the last four
            // characters only, all in the statement here, so the header lines are read as they are, without joining
            // the record into one text and splitting it again.
            for (int i = 0; i < k && h.arg == null; i++) {
                header(i == 0 ? first : lines.get(i), h, keepAttributes, out);
            }
            if (h.arg == null) {
                h.arg = stripEnd(tail);
            }
        } else if (!walk(chunk, next, first, suffix, h, keepAttributes, out)) {
            return;
        }
        String arg = h.arg;
        Map<String, String> props = h.props;
        if (arg == null || arg.isEmpty() || arg.equals("0")) {
            out.problems.add(new Problem(chunk.firstLine, "entry without a statement (truncated?); skipped"));
            return;
        }
        if (chunk.cut) {
            props.put("Triage_cut", "yes");
        }
        out.entries.add(parsed(chunk.firstLine, props, h.timeText, arg, keepAttributes, out));
    }

    /** What the header lines of a record said so far. */
    private static final class Header {
        final Map<String, String> props = new HashMap<>(64);
        String arg;
        boolean gotTs;
        boolean gotUh;
        boolean gotAc;
        boolean gotDb;
        boolean gotSet;
        String timeText;
    }

    /**
     * Reads a record joined into one text and trimmed as pt does, line by line, up to its statement (or into the next
     * record for one without a statement); false when the record is skipped (a problem was added).
     */
    private static boolean walk(Chunk chunk, Chunk next, String first, String suffix, Header h, boolean keepAttributes,
            Output out) {
        List<String> lines = chunk.lines;
        String text = stripEnd(first + (lines.size() > 1 ? "\n" + String.join("\n", lines.subList(1, lines.size())) : "")
                + suffix);
        int len = text.length();
        int start = 0;
        while (true) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? len : nl;
            String line = text.substring(start, end);
            if (!isMeta(line)) {
                h.arg = text.substring(start);
                return true;
            }
            header(line, h, keepAttributes, out);
            if (h.arg == null && end == len) {
                if (next == null) {
                    out.problems.add(new Problem(chunk.firstLine, "entry without a statement (truncated?); skipped"));
                    return false;
                }
                h.arg = lookAhead(next);
                return true;
            }
            if (h.arg != null || nl < 0 || nl + 1 >= len) {
                return true;
            }
            start = nl + 1;
        }
    }

    /** Reads one header line ({@link #isMeta} is true of it) as pt does. */
    private static void header(String line, Header h, boolean keepAttributes, Output out) {
        Map<String, String> props = h.props;
        if (!h.gotTs && line.startsWith("# Time: ") && timeAt8(line)) {
            h.gotTs = true;
            h.timeText = line.substring(8).trim();
            if (line.contains("User@Host")) {
                h.gotUh = userHost(line, props);
            }
        } else if (!h.gotUh && line.contains("# User@Host: ") && userHost(line, props)) {
            h.gotUh = true;
        } else if (!h.gotAc && line.startsWith("# administrator command:")) {
            h.arg = line.replaceFirst("^#\\s+", "");
            props.put("cmd", "Admin");
            h.gotAc = true;
        } else if (isAttributeLine(line)) {
            attributes(line, props, keepAttributes);
        } else if (!h.gotDb && line.startsWith("use ") && useDb(line) != null) {
            props.put("use", useDb(line));
            h.gotDb = true;
        } else if (!h.gotSet && line.startsWith("SET") && setAssignments(line) != null) {
            String assignments = setAssignments(line);
            int eq = assignments.indexOf('=');
            if (eq > 0 && assignments.indexOf(',') < 0 && assignments.indexOf('=', eq + 1) < 0
                    && !isSpace(assignments.charAt(eq - 1)) && eq + 1 < assignments.length()
                    && !isSpace(assignments.charAt(eq + 1))) {
                props.put(assignments.substring(0, eq), assignments.substring(eq + 1));
            } else {
                String[] parts = SET_SPLIT.split(assignments, -1);
                for (int k = 0; k + 1 < parts.length; k += 2) {
                    props.put(parts[k], parts[k + 1]);
                }
            }
            h.gotSet = true;
        } else if (line.startsWith("# explain:")) {
            out.mariaDb = true;
        }
    }

    /** pt's {@code SET\s+([^;]*)} at the start of a line, without a regex: the group, or null when it does not match. */
    static String setAssignments(String line) {
        if (!line.startsWith("SET")) {
            return null;
        }
        int n = line.length();
        int i = 3;
        while (i < n && isSpace(line.charAt(i))) {
            i++;
        }
        if (i == 3) {
            return null;
        }
        int semicolon = line.indexOf(';', i);
        return line.substring(i, semicolon < 0 ? n : semicolon);
    }

    /** pt's {@code # Time: ((?:[0-9: ]{15})|(?:[-0-9: T]{19}))} test at the start of a line, without a regex. */
    static boolean timeAt8(String line) {
        return runOf(line, 8, 15, false) || runOf(line, 8, 19, true);
    }

    private static boolean runOf(String line, int from, int count, boolean iso) {
        if (line.length() < from + count) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            char c = line.charAt(i);
            if (!((c >= '0' && c <= '9') || c == ':' || c == ' ' || (iso && (c == '-' || c == 'T')))) {
                return false;
            }
        }
        return true;
    }

    /** pt's {@code use ([^;]+)} at the start of a line: the text up to the first semicolon, or null when empty. */
    static String useDb(String line) {
        int semicolon = line.indexOf(';', 4);
        int end = semicolon < 0 ? line.length() : semicolon;
        return end > 4 ? line.substring(4, end) : null;
    }

    /** pt's {@code s/;\n#?\Z//} without a regex: {@code \Z} also matches before a final newline, and the first match wins. */
    static String stripEnd(String t) {
        int n = t.length();
        boolean finalNewline = n > 0 && t.charAt(n - 1) == '\n';
        if (finalNewline && t.startsWith(";\n#", n - 4)) {
            return t.substring(0, n - 4) + "\n";
        }
        if (finalNewline && t.startsWith(";\n", n - 3)) {
            return t.substring(0, n - 3) + "\n";
        }
        if (t.startsWith(";\n#", n - 3)) {
            return t.substring(0, n - 3);
        }
        if (t.startsWith(";\n", n - 2)) {
            return t.substring(0, n - 2);
        }
        return t;
    }

    /**
     * pt-query-digest's answer to a record without a statement: it reads on to the next {@code ;\n}; when that starts
     * like a header ({@code Time: ...}) the entry is {@code /* No query *}{@code /}, otherwise what was read becomes the
     * statement (an administrator command such as {@code Quit}, logged after the header of its own entry).
     */
    private static String lookAhead(Chunk next) {
        List<String> lines = next.lines;
        int k = 0;
        while (k < lines.size() - 1 && !lines.get(k).endsWith(";")) {
            k++;
        }
        boolean newline = k < lines.size() - 1 || !next.last || next.endsWithNewline;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= k; i++) {
            String l = lines.get(i);
            sb.append(i == 0 && l.startsWith("#") ? l.substring(1) : l);
            if (i < k || newline) {
                sb.append('\n');
            }
        }
        String read = sb.toString();
        if (NO_QUERY_NEXT.matcher(read).lookingAt()) {
            return "/* No query */";
        }
        if (read.endsWith(";\n")) {
            read = read.substring(0, read.length() - 2);
        }
        lines.subList(0, k + 1).clear();
        next.firstLine += k + 1;
        return LEADING_SPACE.matcher(read).replaceFirst("");
    }

    /** Reads pt's {@code User@Host} pattern found in the line into the properties; false when it is not there. */
    private static boolean userHost(String line, Map<String, String> props) {
        String[] groups = userHostGroups(line);
        if (groups == null) {
            return false;
        }
        String host = groups[1];
        String ip = groups[2];
        props.put("user", groups[0]);
        props.put("host", host.isEmpty() ? ip : host);
        props.put("ip", ip);
        if (groups[3] != null) {
            props.put("Thread_id", groups[3]);
        }
        return true;
    }

    /**
     * The four groups of {@link #USER_HOST}'s first match in the line (user, host, ip, id or null), or null when none.
     * The usual line is read without the regex, taking the choices the regex tries first (the user up to the first
     * {@code [}, the first {@code "@ "} after it, the ip up to the last {@code ]}); any other line goes to the regex.
     */
    static String[] userHostGroups(String line) {
        String[] fast = userHostFast(line);
        if (fast != null) {
            return fast;
        }
        Matcher m = USER_HOST.matcher(line);
        return m.find() ? new String[] {m.group(1), m.group(2), m.group(3), m.group(4)} : null;
    }

    private static String[] userHostFast(String line) {
        int at = line.indexOf("# User@Host: ");
        if (at < 0) {
            return null;
        }
        int userStart = at + 13;
        int bracket = line.indexOf('[', userStart);
        if (bracket <= userStart) {
            return null;
        }
        int sep = line.indexOf("@ ", bracket);
        if (sep < 0) {
            return null;
        }
        int hostStart = sep + 2;
        int hostEnd = hostStart;
        int n = line.length();
        while (hostEnd < n && !isSpace(line.charAt(hostEnd))) {
            hostEnd++;
        }
        if (hostEnd + 1 >= n || line.charAt(hostEnd) != ' ' || line.charAt(hostEnd + 1) != '[') {
            return null;
        }
        int ipStart = hostEnd + 2;
        int ipEnd = line.lastIndexOf(']');
        if (ipEnd < ipStart) {
            return null;
        }
        int i = ipEnd + 1;
        while (i < n && isSpace(line.charAt(i))) {
            i++;
        }
        String id = null;
        if (line.startsWith("Id:", i)) {
            i += 3;
            while (i < n && isSpace(line.charAt(i))) {
                i++;
            }
            int digits = i;
            while (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                i++;
            }
            if (i > digits) {
                id = line.substring(digits, i);
            }
        }
        return new String[] {line.substring(userStart, bracket), line.substring(hostStart, hostEnd),
            line.substring(ipStart, ipEnd), id};
    }

    /** The {@code ^(?:#|use |SET (?:last_insert_id|insert_id|timestamp))} test of pt, without a regex. */
    static boolean isMeta(String line) {
        return line.startsWith("#") || line.startsWith("use ") || (line.startsWith("SET ")
                && (line.startsWith("last_insert_id", 4) || line.startsWith("insert_id", 4) || line.startsWith("timestamp", 4)));
    }

    /** pt's {@code ^# +[A-Z][A-Za-z_]+: \S+} test, without a regex. */
    private static boolean isAttributeLine(String line) {
        int n = line.length();
        if (n < 2 || line.charAt(0) != '#' || line.charAt(1) != ' ') {
            return false;
        }
        int i = 1;
        while (i < n && line.charAt(i) == ' ') {
            i++;
        }
        if (i >= n || line.charAt(i) < 'A' || line.charAt(i) > 'Z') {
            return false;
        }
        int nameStart = ++i;
        while (i < n && (isLetter(line.charAt(i)) || line.charAt(i) == '_')) {
            i++;
        }
        return i > nameStart && i + 2 < n && line.charAt(i) == ':' && line.charAt(i + 1) == ' ' && !isSpace(line.charAt(i + 2));
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isWord(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    /**
     * Reads the {@code Name: value} pairs of a header line as pt does with {@code (\w+):\s+(\S+|\Z)}, without a regex;
     * a line with a single pair keeps its whole value (TiDB's Plan, Index_names, Stats...), spaces included.
     */
    private static void attributes(String line, Map<String, String> props, boolean all) {
        if (line.contains("Schema:") && emptySchema(line)) {
            line = EMPTY_SCHEMA_FIX.matcher(line).replaceFirst("");
        }
        int n = line.length();
        int found = 0;
        String firstKey = null;
        int firstValueStart = 0;
        int i = 0;
        while (i < n) {
            int colon = line.indexOf(':', i);
            if (colon < 0) {
                break;
            }
            int keyStart = colon;
            while (keyStart > i && isWord(line.charAt(keyStart - 1))) {
                keyStart--;
            }
            int v = colon + 1;
            int spaces = v;
            while (spaces < n && isSpace(line.charAt(spaces))) {
                spaces++;
            }
            if (keyStart == colon || spaces == v) {
                i = colon + 1;
                continue;
            }
            int end = spaces;
            while (end < n && !isSpace(line.charAt(end))) {
                end++;
            }
            if (end == spaces && spaces < n) {
                i = colon + 1;
                continue;
            }
            if (found++ == 0) {
                firstKey = line.substring(keyStart, colon);
                firstValueStart = spaces;
            }
            if (all || isUsed(line, keyStart, colon)) {
                props.put(line.substring(keyStart, colon), line.substring(spaces, end));
            }
            i = end;
        }
        if (found == 1 && (all || isUsed(firstKey, 0, firstKey.length()))) {
            props.put(firstKey, line.substring(firstValueStart).trim());
        }
    }

    /** pt's {@code Schema:\s+\w+: } test (a Schema with an empty value, followed by the next name), without a regex. */
    static boolean emptySchema(String line) {
        int n = line.length();
        for (int at = line.indexOf("Schema:"); at >= 0; at = line.indexOf("Schema:", at + 1)) {
            int i = at + 7;
            int spaces = i;
            while (i < n && isSpace(line.charAt(i))) {
                i++;
            }
            int word = i;
            while (i < n && isWord(line.charAt(i))) {
                i++;
            }
            if (word > spaces && i > word && line.startsWith(": ", i)) {
                return true;
            }
        }
        return false;
    }

    /** The attributes an event is made of when the others are not kept (a one-off digest). */
    private static final String[] USED = {"Query_time", "Lock_time", "Rows_sent", "Rows_examined", "Thread_id", "Id", "Conn_ID",
        "Schema", "DB", "Plan_digest", "Txn_start_ts", "QC_hit", "timestamp"};

    /** Whether the key in {@code [from, to)} of the line is one of {@link #USED}, without making a string of it. */
    private static boolean isUsed(String line, int from, int to) {
        int n = to - from;
        for (String used : USED) {
            if (used.length() == n && line.charAt(from) == used.charAt(0) && line.regionMatches(from, used, 0, n)) {
                return true;
            }
        }
        return false;
    }

    private static Parsed parsed(long line, Map<String, String> props, String timeText, String arg, boolean keepAttributes,
            Output out) {
        Instant ts = timeText == null ? null : time(timeText, line, out);
        String timestamp = props.get("timestamp");
        if (ts == null && timestamp != null) {
            try {
                ts = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
            } catch (NumberFormatException e) {
                out.problems.add(new Problem(line, "SET timestamp=" + timestamp + " is not a number"));
            }
        }
        String db = props.getOrDefault("use", props.getOrDefault("Schema", props.get("DB")));
        String thread = props.getOrDefault("Thread_id", props.getOrDefault("Id", props.get("Conn_ID")));
        Map<String, String> attributes = Map.of();
        if (keepAttributes) {
            Map<String, String> kept = new HashMap<>(props.size() * 2);
            props.forEach((k, v) -> {
                if (!MAIN_FIELDS.contains(k)) {
                    kept.put(k, Fingerprint.utf8(v));
                }
            });
            attributes = kept;
        }
        String fingerprint = Fingerprint.of(arg);
        return new Parsed(line, ts, decimal(props.get("Query_time")), decimal(props.get("Lock_time")),
                integer(props.get("Rows_sent")), integer(props.get("Rows_examined")), text(props.get("user")),
                text(props.get("host")), db == null || db.isEmpty() ? null : text(db), integer(thread), attributes,
                Fingerprint.utf8(arg), Fingerprint.utf8(fingerprint), checksum(fingerprint), text(props.get("Plan_digest")),
                props.containsKey("Txn_start_ts") || props.containsKey("Conn_ID"), props.containsKey("QC_hit"));
    }

    private static String checksum(String fingerprint) {
        String known = CHECKSUMS.get(fingerprint);
        if (known != null) {
            return known;
        }
        String sum = Fingerprint.checksum(fingerprint);
        if (CHECKSUMS.size() < MAX_CACHED_CHECKSUMS) {
            CHECKSUMS.put(fingerprint, sum);
        }
        return sum;
    }

    private static Instant time(String text, long line, Output out) {
        Instant fast = isoInstant(text);
        if (fast != null) {
            return fast;
        }
        Matcher m = SHORT_TIME.matcher(text);
        try {
            if (m.lookingAt()) {
                return LocalDateTime.of(LocalDate.of(2000 + Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))), LocalTime.of(Integer.parseInt(m.group(4)),
                        Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)))).toInstant(ZoneOffset.UTC);
            }
            String iso = text.replace(' ', 'T');
            int sp = iso.indexOf("T#");
            if (sp > 0) {
                iso = iso.substring(0, sp);
            }
            if (iso.endsWith("Z") || ZONE_SUFFIX.matcher(iso).matches()) {
                return OffsetDateTime.parse(iso).toInstant();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            out.problems.add(new Problem(line, "unreadable time '" + text + "'"));
            return null;
        }
    }

    /**
     * MySQL 5.7+'s {@code 2024-03-01T10:00:00.123456Z} and TiDB's {@code 2024-03-01T18:00:00.123456+08:00}, read without
     * a formatter; null for any other shape (read then by the slower general rules, which give the same instant).
     */
    static Instant isoInstant(String s) {
        int n = s.length();
        int offset = 0;
        if (n > 0 && s.charAt(n - 1) == 'Z') {
            n--;
        } else if (n >= 25 && (s.charAt(n - 6) == '+' || s.charAt(n - 6) == '-') && s.charAt(n - 3) == ':') {
            int hours = digits(s, n - 5, n - 3);
            int minutes = digits(s, n - 2, n);
            if (hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
                return null;
            }
            offset = (s.charAt(n - 6) == '-' ? -1 : 1) * (hours * 3_600 + minutes * 60);
            n -= 6;
        } else {
            return null;
        }
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        long nanos = 0;
        if (n > 19) {
            if (s.charAt(19) != '.' || n - 20 > 9 || n - 20 < 1) {
                return null;
            }
            int fraction = digits(s, 20, n);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * (long) Math.pow(10, 9 - (n - 20));
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offset, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number the digits in {@code [from, to)} spell, or -1 when one is no digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static Double decimal(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long integer(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(String s) {
        return s == null ? null : Fingerprint.utf8(s);
    }
}
