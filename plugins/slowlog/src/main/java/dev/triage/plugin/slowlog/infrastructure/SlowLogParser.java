package dev.triage.plugin.slowlog.infrastructure;

import dev.triage.plugin.slowlog.domain.ParseProblem;
import dev.triage.plugin.slowlog.domain.SlowLogFormat;
import dev.triage.plugin.slowlog.domain.SlowQueryEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * A streaming parser for MySQL, Percona Server, MariaDB and TiDB slow query logs, plain or gzip.
 *
 * <p>It splits the log into entries exactly where pt-query-digest 3.2.1's {@code SlowLogParser} does (a line ending in
 * {@code ;} followed by a line starting with {@code #}), and reads each entry's header lines with the same rules, so
 * that statements and classes match pt-query-digest's. It reads one line at a time and keeps at most one entry (itself
 * capped) in memory per batch. Bad input never stops it: garbage lines are dropped, huge lines and entries are cut, entries
 * without a statement are skipped, and each of these is reported as a {@link ParseProblem} with file and line.
 */
public final class SlowLogParser {

    /** Lines longer than this many bytes are cut (the rest of the line is read and dropped). */
    public static final int MAX_LINE = 1 << 20;
    /** Entries longer than this many bytes are cut. */
    public static final int MAX_ENTRY = 4 << 20;
    private static final int KEPT_PROBLEMS = 100;
    /** A batch handed to a worker thread ends after this many records or bytes (at the next record that allows it). */
    static final int BATCH_ENTRIES = 2_000;
    private static final int BATCH_BYTES = 1 << 20;
    private static final int F = Pattern.UNIX_LINES;

    private static final Pattern SERVER_HEADER = Pattern.compile(
            "(?:T[cC][pP]\\s[pP]ort:\\s+\\d+|[/A-Z].*mysqld,\\sVersion.*(?:started\\swith:|embedded\\slibrary)|Time\\s+Id\\s+Command)", F);

    private final String name;
    private final int batchEntries;
    private final Consumer<SlowQueryEvent> sink;
    private final Consumer<ParseProblem> problemSink;
    private final List<ParseProblem> problems = new ArrayList<>();
    private long problemCount;
    private long events;
    private Instant lastTime;
    private String lastDb;
    private SlowLogFormat format;
    private boolean mariaDbHint;

    private SlowLogParser(String name, Consumer<SlowQueryEvent> sink, Consumer<ParseProblem> problemSink, int batchEntries) {
        this.batchEntries = batchEntries;
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
        return parse(in, name, sink, problems, progress, true);
    }

    /**
     * Parses a stream, plain or gzip, on several threads (events still reach the sink in file order, on the calling
     * thread), optionally without the attributes a one-off digest does not need.
     *
     * @param in the slow log's bytes
     * @param name the name used in problems
     * @param sink receives each event in order, on the calling thread
     * @param problems receives every problem (the result keeps only the first ones)
     * @param progress receives the number of bytes read so far, now and then, on the calling thread
     * @param keepAttributes false to leave every event's attribute map empty
     * @return what was found
     * @throws IOException when the stream cannot be read
     */
    public static Result parse(InputStream in, String name, Consumer<SlowQueryEvent> sink, Consumer<ParseProblem> problems,
            LongConsumer progress, boolean keepAttributes) throws IOException {
        return parse(in, name, sink, problems, progress, keepAttributes, BATCH_ENTRIES);
    }

    /** Parses with batches of the given number of records, so tests can make every record boundary a batch boundary. */
    static Result parse(InputStream in, String name, Consumer<SlowQueryEvent> sink, Consumer<ParseProblem> problems,
            LongConsumer progress, boolean keepAttributes, int batchEntries) throws IOException {
        SlowLogParser p = new SlowLogParser(name, sink, problems, batchEntries);
        try (LineSource lines = LineSource.of(in, MAX_LINE)) {
            return p.run(lines, progress, keepAttributes);
        }
    }

    private Result run(LineSource source, LongConsumer progress, boolean keepAttributes) throws IOException {
        BatchPipeline pipeline = new BatchPipeline(keepAttributes);
        try {
            Future<BatchPipeline.Batch> first = pipeline.start(() -> read(source, pipeline));
            for (Future<BatchPipeline.Batch> next = first; next != null; ) {
                BatchPipeline.Batch batch = pipeline.take(next);
                progress.accept(batch.bytesRead);
                for (EntryReader.Problem p : batch.readerProblems) {
                    problem(p.line(), p.reason());
                }
                EntryReader.Output out = batch.output;
                mariaDbHint |= out.mariaDb;
                for (EntryReader.Problem p : out.problems) {
                    problem(p.line(), p.reason());
                }
                for (EntryReader.Parsed e : out.entries) {
                    emit(e);
                }
                if (batch.last) {
                    mariaDbHint |= batch.mariaDbHeader;
                    problems.sort(java.util.Comparator.comparingLong(ParseProblem::line));
                    return new Result(format == null ? (mariaDbHint ? SlowLogFormat.MARIADB : SlowLogFormat.MYSQL) : format,
                            events, batch.lines, problemCount, List.copyOf(problems));
                }
                next = pipeline.next();
            }
            throw new IllegalStateException("the reader of " + name + " stopped without a last batch");
        } finally {
            pipeline.close();
        }
    }

    /**
     * The reader thread: splits the lines into records exactly where pt does (a line ending in {@code ;} followed by a
     * line starting with {@code #}) and hands them to the pipeline in batches; a batch never ends right after a record
     * without a statement, whose reading looks into the next record.
     */
    private void read(LineSource source, BatchPipeline pipeline) throws IOException, InterruptedException {
        BatchPipeline.Batch batch = new BatchPipeline.Batch();
        EntryReader.Chunk chunk = new EntryReader.Chunk();
        boolean previousEndsEntry = false;
        for (String line; (line = source.next()) != null; ) {
            long no = source.lineNumber();
            if (source.isGarbage()) {
                batch.readerProblems.add(new EntryReader.Problem(no, "binary or control bytes; line skipped"));
                continue;
            }
            if (source.wasCut()) {
                batch.readerProblems.add(new EntryReader.Problem(no, "line longer than " + MAX_LINE + " bytes; cut"));
            }
            if (maybeServerHeader(line) && SERVER_HEADER.matcher(line).lookingAt()) {
                if (line.contains("MariaDB")) {
                    batch.mariaDbHeader = true;
                }
                continue;
            }
            if (!chunk.lines.isEmpty() && previousEndsEntry && line.startsWith("#")) {
                batch.chunks.add(chunk);
                int n = batch.chunks.size();
                if (n >= 2 && (n >= batchEntries || batch.bytes >= BATCH_BYTES) && batch.chunks.get(n - 2).hasStatement) {
                    batch.bytesRead = source.bytesRead();
                    BatchPipeline.Batch carry = new BatchPipeline.Batch();
                    carry.chunks.add(chunk);
                    carry.mariaDbHeader = batch.mariaDbHeader;
                    pipeline.submit(batch);
                    batch = carry;
                }
                chunk = new EntryReader.Chunk();
            }
            if (chunk.lines.isEmpty()) {
                chunk.firstLine = no;
            } else if (!chunk.hasStatement && !EntryReader.isMeta(line)) {
                chunk.hasStatement = true;
            }
            if (chunk.bytes + line.length() <= MAX_ENTRY) {
                chunk.lines.add(line);
                chunk.bytes += line.length() + 1;
                batch.bytes += line.length() + 1;
            } else if (!chunk.cut) {
                chunk.cut = true;
                batch.readerProblems.add(new EntryReader.Problem(no, "entry longer than " + MAX_ENTRY + " bytes; cut"));
            }
            previousEndsEntry = source.endedWithSemicolon();
        }
        if (source.brokenInput() != null) {
            batch.readerProblems.add(new EntryReader.Problem(source.lineNumber(), source.brokenInput()));
        }
        chunk.last = true;
        chunk.endsWithNewline = source.lastHadNewline();
        if (!chunk.lines.isEmpty()) {
            batch.chunks.add(chunk);
        }
        batch.last = true;
        batch.lines = source.lineNumber();
        batch.bytesRead = source.bytesRead();
        pipeline.submit(batch);
    }

    /** A cheap pre-test for {@link #SERVER_HEADER}: a line starting with T, or with / or a capital and naming mysqld. */
    private static boolean maybeServerHeader(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char c = line.charAt(0);
        return c == 'T' || ((c == '/' || (c >= 'A' && c <= 'Z')) && line.contains("mysqld,"));
    }

    /** Adds what depends on earlier entries (inherited time and database, the dialect) and hands the event on. */
    private void emit(EntryReader.Parsed e) {
        Instant ts = e.timestamp();
        if (ts == null) {
            ts = lastTime;
        } else {
            lastTime = ts;
        }
        if (format == null && events < 100) {
            if (e.tidb()) {
                format = SlowLogFormat.TIDB;
            } else if (e.mariaDb()) {
                mariaDbHint = true;
            }
        }
        // MySQL writes "use db" only when the database differs from the last one it logged; pt inherits it the same way.
        String db = e.db();
        if (db == null) {
            db = lastDb;
        } else {
            lastDb = db;
        }
        events++;
        sink.accept(new SlowQueryEvent(e.line(), ts, e.queryTime(), e.lockTime(), e.rowsSent(), e.rowsExamined(), e.user(),
                e.host(), db, e.threadId(), e.attributes(), e.statement(), e.fingerprint(), e.checksum(),
                e.planDigest()));
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
