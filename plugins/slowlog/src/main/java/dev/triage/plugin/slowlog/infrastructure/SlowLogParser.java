package dev.triage.plugin.slowlog.infrastructure;

import dev.triage.plugin.slowlog.domain.Fingerprint;
import dev.triage.plugin.slowlog.domain.ParseProblem;
import dev.triage.plugin.slowlog.domain.SlowLogFormat;
import dev.triage.plugin.slowlog.domain.SlowQueryEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A streaming parser for MySQL, Percona Server, MariaDB and TiDB slow query logs, plain or gzip.
 *
 * <p>It splits the log into entries exactly where pt-query-digest 3.2.1's {@code SlowLogParser} does (a line ending in
 * {@code ;} followed by a line starting with {@code #}), and reads each entry's header lines with the same rules, so
 * that statements and classes match pt-query-digest's. It reads one line at a time and keeps at most one entry (itself
 * capped) in memory. Bad input never stops it: garbage lines are dropped, huge lines and entries are cut, entries
 * without a statement are skipped, and each of these is reported as a {@link ParseProblem} with file and line.
 */
public final class SlowLogParser {

    /** Lines longer than this many bytes are cut (the rest of the line is read and dropped). */
    public static final int MAX_LINE = 1 << 20;
    /** Entries longer than this many bytes are cut. */
    public static final int MAX_ENTRY = 4 << 20;
    private static final int KEPT_PROBLEMS = 100;
    private static final int F = Pattern.UNIX_LINES;

    private static final Pattern SERVER_HEADER = Pattern.compile(
            "(?:T[cC][pP]\\s[pP]ort:\\s+\\d+|[/A-Z].*mysqld,\\sVersion.*(?:started\\swith:|embedded\\slibrary)|Time\\s+Id\\s+Command)", F);
    private static final Pattern TIME = Pattern.compile("# Time: ((?:[0-9: ]{15})|(?:[-0-9: T]{19}))", F);
    private static final Pattern USER_HOST = Pattern.compile(
            "# User@Host: ([^\\[]+|\\[[^\\[]+\\]).*?@ (\\S*) \\[(.*)\\]\\s*(?:Id:\\s*(\\d+))?", F);
    private static final Pattern EMPTY_SCHEMA = Pattern.compile("Schema:\\s+\\w+: ", F);
    private static final Pattern EMPTY_SCHEMA_FIX = Pattern.compile("Schema:\\s+", F);
    private static final Pattern USE = Pattern.compile("use ([^;]+)", F);
    private static final Pattern SET = Pattern.compile("SET\\s+([^;]*)", F);
    private static final Pattern SET_SPLIT = Pattern.compile(",|\\s*=\\s*", F);
    private static final Pattern NO_QUERY_NEXT = Pattern.compile("\\s*[A-Z][a-z_]+: ", F);
    private static final Pattern STRIP_END = Pattern.compile(";\n#?\\Z", F);
    private static final Pattern LEADING_SPACE = Pattern.compile("\\A\\s+", F);
    private static final Pattern SHORT_TIME = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})");
    private static final Set<String> MAIN_FIELDS = Set.of("Query_time", "Lock_time", "Rows_sent", "Rows_examined", "Thread_id",
            "Id", "user", "host", "ts", "db", "use", "cmd", "arg");

    private final String name;
    private final Consumer<SlowQueryEvent> sink;
    private final Consumer<ParseProblem> problemSink;
    private final List<ParseProblem> problems = new ArrayList<>();
    private long problemCount;
    private long events;
    private Instant lastTime;
    private String lastDb;
    private SlowLogFormat format;
    private boolean mariaDbHint;

    private SlowLogParser(String name, Consumer<SlowQueryEvent> sink, Consumer<ParseProblem> problemSink) {
        this.name = name;
        this.sink = sink;
        this.problemSink = problemSink;
    }

    /**
     * What a parse found.
     *
     * @param format the detected dialect
     * @param events entries turned into events
     * @param lines lines read
     * @param problemCount pieces skipped or cut
     * @param problems the first problems, with file and line
     */
    public record Result(SlowLogFormat format, long events, long lines, long problemCount, List<ParseProblem> problems) {
    }

    /**
     * Parses one file, plain or gzip.
     *
     * @param file the slow log
     * @param sink receives each event in file order
     * @param progress receives the number of (compressed) bytes read so far, now and then
     * @return what was found
     * @throws IOException when the file cannot be read
     */
    public static Result parse(Path file, Consumer<SlowQueryEvent> sink, LongConsumer progress) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.getFileName().toString(), sink, progress);
        }
    }

    /**
     * Parses a stream, plain or gzip.
     *
     * @param in the slow log's bytes
     * @param name the name used in problems
     * @param sink receives each event in order
     * @param progress receives the number of bytes read so far, now and then
     * @return what was found
     * @throws IOException when the stream cannot be read
     */
    public static Result parse(InputStream in, String name, Consumer<SlowQueryEvent> sink, LongConsumer progress) throws IOException {
        return parse(in, name, sink, p -> { }, progress);
    }

    /**
     * Parses a stream, plain or gzip, telling each problem as it is found.
     *
     * @param in the slow log's bytes
     * @param name the name used in problems
     * @param sink receives each event in order
     * @param problems receives every problem (the result keeps only the first ones)
     * @param progress receives the number of bytes read so far, now and then
     * @return what was found
     * @throws IOException when the stream cannot be read
     */
    public static Result parse(InputStream in, String name, Consumer<SlowQueryEvent> sink, Consumer<ParseProblem> problems,
            LongConsumer progress) throws IOException {
        SlowLogParser p = new SlowLogParser(name, sink, problems);
        try (LineSource lines = LineSource.of(in, MAX_LINE)) {
            return p.run(lines, progress);
        }
    }

    /** Lines of one record between two {@code ;\n#} separators, as pt-query-digest reads them. */
    private static final class Chunk {
        final List<String> lines = new ArrayList<>();
        long firstLine;
        int bytes;
        boolean cut;
        boolean last;
        boolean endsWithNewline = true;
    }

    private Result run(LineSource source, LongConsumer progress) throws IOException {
        Chunk chunk = new Chunk();
        Chunk pending = null;
        boolean previousEndsEntry = false;
        for (String line; (line = source.next()) != null; ) {
            long no = source.lineNumber();
            if ((no & 0x3fff) == 0) {
                progress.accept(source.bytesRead());
            }
            if (source.isGarbage()) {
                problem(no, "binary or control bytes; line skipped");
                continue;
            }
            if (source.wasCut()) {
                problem(no, "line longer than " + MAX_LINE + " bytes; cut");
            }
            if (maybeServerHeader(line) && SERVER_HEADER.matcher(line).lookingAt()) {
                if (line.contains("MariaDB")) {
                    mariaDbHint = true;
                }
                continue;
            }
            if (!chunk.lines.isEmpty() && previousEndsEntry && line.startsWith("#")) {
                if (pending != null) {
                    entry(pending, chunk);
                }
                pending = chunk;
                chunk = new Chunk();
            }
            if (chunk.lines.isEmpty()) {
                chunk.firstLine = no;
            }
            if (chunk.bytes + line.length() <= MAX_ENTRY) {
                chunk.lines.add(line);
                chunk.bytes += line.length() + 1;
            } else if (!chunk.cut) {
                chunk.cut = true;
                problem(no, "entry longer than " + MAX_ENTRY + " bytes; cut");
            }
            previousEndsEntry = source.endedWithSemicolon();
        }
        if (source.brokenInput() != null) {
            problem(source.lineNumber(), source.brokenInput());
        }
        chunk.last = true;
        chunk.endsWithNewline = source.lastHadNewline();
        if (pending != null) {
            entry(pending, chunk.lines.isEmpty() ? null : chunk);
        }
        if (!chunk.lines.isEmpty()) {
            entry(chunk, null);
        }
        progress.accept(source.bytesRead());
        return new Result(format == null ? (mariaDbHint ? SlowLogFormat.MARIADB : SlowLogFormat.MYSQL) : format, events,
                source.lineNumber(), problemCount, List.copyOf(problems));
    }

    /**
     * Reads one record the way pt-query-digest's SlowLogParser does, including its look-ahead into the next record when
     * a record has header lines but no statement (the next record may then lose its first lines, as in pt).
     */
    private void entry(Chunk chunk, Chunk next) {
        if (chunk.lines.isEmpty()) {
            return;
        }
        // A record ends with pt's separator ";\n#" unless it is the last one or its last line was cut.
        boolean separated = !chunk.last && chunk.lines.get(chunk.lines.size() - 1).endsWith(";");
        String text = String.join("\n", chunk.lines) + (separated ? "\n#" : chunk.last && chunk.endsWithNewline ? "\n" : "");
        if (!text.startsWith("#")) {
            text = "#" + text;
        }
        text = STRIP_END.matcher(text).replaceFirst("");
        Map<String, String> props = new HashMap<>();
        String arg = null;
        boolean gotTs = false;
        boolean gotUh = false;
        boolean gotAc = false;
        boolean gotDb = false;
        boolean gotSet = false;
        String timeText = null;
        int len = text.length();
        int start = 0;
        while (true) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? len : nl;
            String line = text.substring(start, end);
            if (!isMeta(line)) {
                arg = text.substring(start);
                break;
            }
            Matcher m;
            if (!gotTs && line.startsWith("# Time: ") && (m = TIME.matcher(line)).lookingAt()) {
                gotTs = true;
                timeText = line.substring(8).trim();
                props.put("ts", m.group(1));
                Matcher uh = USER_HOST.matcher(line);
                if (!gotUh && uh.find()) {
                    userHost(uh, props);
                    gotUh = true;
                }
            } else if (!gotUh && line.contains("# User@Host: ") && (m = USER_HOST.matcher(line)).find()) {
                userHost(m, props);
                gotUh = true;
            } else if (!gotAc && line.startsWith("# administrator command:")) {
                arg = line.replaceFirst("^#\\s+", "");
                props.put("cmd", "Admin");
                gotAc = true;
            } else if (isAttributeLine(line)) {
                attributes(line, props);
            } else if (!gotDb && line.startsWith("use ") && (m = USE.matcher(line)).lookingAt()) {
                props.put("use", m.group(1));
                gotDb = true;
            } else if (!gotSet && line.startsWith("SET") && (m = SET.matcher(line)).lookingAt()) {
                String[] parts = SET_SPLIT.split(m.group(1), -1);
                for (int k = 0; k + 1 < parts.length; k += 2) {
                    props.put(parts[k], parts[k + 1]);
                }
                gotSet = true;
            } else if (line.startsWith("# explain:")) {
                mariaDbHint = true;
            }
            if (arg == null && end == len) {
                if (next == null) {
                    problem(chunk.firstLine, "entry without a statement (truncated?); skipped");
                    return;
                }
                arg = lookAhead(chunk, next);
                break;
            }
            if (arg != null || nl < 0 || nl + 1 >= len) {
                break;
            }
            start = nl + 1;
        }
        if (arg == null || arg.isEmpty() || arg.equals("0")) {
            problem(chunk.firstLine, "entry without a statement (truncated?); skipped");
            return;
        }
        if (chunk.cut) {
            props.put("Triage_cut", "yes");
        }
        emit(chunk.firstLine, props, timeText, arg);
    }

    /**
     * pt-query-digest's answer to a record without a statement: it reads on to the next {@code ;\n}; when that starts
     * like a header ({@code Time: ...}) the entry is {@code /* No query *}{@code /}, otherwise what was read becomes the
     * statement (an administrator command such as {@code Quit}, logged after the header of its own entry).
     */
    private static String lookAhead(Chunk chunk, Chunk next) {
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

    private static void userHost(Matcher m, Map<String, String> props) {
        String host = m.group(2);
        String ip = m.group(3);
        props.put("user", m.group(1));
        props.put("host", host.isEmpty() ? ip : host);
        props.put("ip", ip);
        if (m.group(4) != null) {
            props.put("Thread_id", m.group(4));
        }
    }

    /** The {@code ^(?:#|use |SET (?:last_insert_id|insert_id|timestamp))} test of pt, without a regex. */
    private static boolean isMeta(String line) {
        return line.startsWith("#") || line.startsWith("use ") || (line.startsWith("SET ")
                && (line.startsWith("last_insert_id", 4) || line.startsWith("insert_id", 4) || line.startsWith("timestamp", 4)));
    }

    /** A cheap pre-test for {@link #SERVER_HEADER}: a line starting with T, or with / or a capital and naming mysqld. */
    private static boolean maybeServerHeader(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char c = line.charAt(0);
        return c == 'T' || ((c == '/' || (c >= 'A' && c <= 'Z')) && line.contains("mysqld,"));
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
    private static void attributes(String line, Map<String, String> props) {
        if (line.contains("Schema:") && EMPTY_SCHEMA.matcher(line).find()) {
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
            String key = line.substring(keyStart, colon);
            if (found++ == 0) {
                firstKey = key;
                firstValueStart = spaces;
            }
            props.put(key, line.substring(spaces, end));
            i = end;
        }
        if (found == 1) {
            props.put(firstKey, line.substring(firstValueStart).trim());
        }
    }

    private void emit(long line, Map<String, String> props, String timeText, String arg) {
        Instant ts = timeText == null ? null : time(timeText, line);
        if (ts == null && props.containsKey("timestamp")) {
            try {
                ts = Instant.ofEpochSecond(Long.parseLong(props.get("timestamp").trim()));
            } catch (NumberFormatException e) {
                problem(line, "SET timestamp=" + props.get("timestamp") + " is not a number");
            }
        }
        if (ts == null) {
            ts = lastTime;
        } else {
            lastTime = ts;
        }
        if (format == null && events < 100) {
            if (props.containsKey("Txn_start_ts") || props.containsKey("Conn_ID")) {
                format = SlowLogFormat.TIDB;
            } else if (props.containsKey("QC_hit")) {
                mariaDbHint = true;
            }
        }
        // MySQL writes "use db" only when the database differs from the last one it logged; pt inherits it the same way.
        String db = props.getOrDefault("use", props.getOrDefault("Schema", props.get("DB")));
        if (db == null || db.isEmpty()) {
            db = lastDb;
        } else {
            lastDb = db;
        }
        String thread = props.getOrDefault("Thread_id", props.getOrDefault("Id", props.get("Conn_ID")));
        Map<String, String> attributes = new HashMap<>();
        props.forEach((k, v) -> {
            if (!MAIN_FIELDS.contains(k)) {
                attributes.put(k, Fingerprint.utf8(v));
            }
        });
        String fingerprint = Fingerprint.of(arg);
        events++;
        sink.accept(new SlowQueryEvent(line, ts, decimal(props.get("Query_time")), decimal(props.get("Lock_time")),
                integer(props.get("Rows_sent")), integer(props.get("Rows_examined")), text(props.get("user")),
                text(props.get("host")), text(db), integer(thread), attributes, Fingerprint.utf8(arg),
                Fingerprint.utf8(fingerprint), Fingerprint.checksum(fingerprint)));
    }

    private Instant time(String text, long line) {
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
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(iso).toInstant();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            problem(line, "unreadable time '" + text + "'");
            return null;
        }
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

    private void problem(long line, String reason) {
        problemCount++;
        ParseProblem p = new ParseProblem(name, line, reason);
        if (problems.size() < KEPT_PROBLEMS) {
            problems.add(p);
        }
        problemSink.accept(p);
    }
}
