package dev.triage.plugin.logs.infrastructure;

import dev.triage.core.task.TaskContext;
import dev.triage.plugin.logs.domain.EncodingDetector;
import dev.triage.plugin.logs.domain.LineClassifier;
import dev.triage.plugin.logs.domain.LogLevel;
import dev.triage.plugin.logs.domain.StampParser;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.duckdb.DuckDBAppender;

/**
 * Indexes a file in two stages that run at once: a reader thread splits large chunks of bytes into lines (files in an
 * ASCII-compatible encoding: UTF-8, GBK, Latin-1), reads stamps and levels on the bytes (decoding only an entry's text,
 * once) and hands batches of entries over; the calling thread appends them through the DuckDB appender. UTF-16 files
 * come line by line from {@link LineReader} into the same grouping. Rows equal those of the line-by-line reader: same
 * lines, offsets, entries, times, levels and texts.
 */
final class ByteIndexer {

    /** Entries per batch handed from the reader to the appender. */
    static final int BATCH = 8192;
    /** Bytes of an entry's text kept before decoding (4 bytes per character at most). */
    static final int MESSAGE_BYTES = LogIndexer.MESSAGE_CHARS * 4;

    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "logs-index");
        t.setDaemon(true);
        return t;
    });

    /** Entries and sparse-index rows read, ready to append. */
    static final class Batch {
        final long[] line = new long[BATCH];
        final long[] offset = new long[BATCH];
        final long[] ts = new long[BATCH];
        final boolean[] timed = new boolean[BATCH];
        final LogLevel[] level = new LogLevel[BATCH];
        final int[] count = new int[BATCH];
        final String[] msg = new String[BATCH];
        int n;
        final long[] blockLine = new long[BATCH];
        final long[] blockOffset = new long[BATCH];
        final long[] blockMin = new long[BATCH];
        final long[] blockMax = new long[BATCH];
        int blocks;
        long lines;
        long fileBytes;
        boolean last;
    }

    private ByteIndexer() {
    }

    static LogIndexer.Result index(Path file, int fileId, String encoding, String detected, List<StampParser.Kind> kinds, ZoneId zone,
            int year, long gzipLimit, DuckDBAppender entries, DuckDBAppender blocks, TaskContext ctx, long fileSize)
            throws IOException, SQLException {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
        AtomicBoolean stop = new AtomicBoolean();
        Reader reader = new Reader(file, encoding, detected, kinds, zone, year, gzipLimit, queue, stop);
        Future<LogIndexer.Result> done = READERS.submit(reader);
        try {
            while (true) {
                Batch b;
                try {
                    b = queue.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted");
                }
                if (b == null) {
                    if (done.isDone() && queue.isEmpty()) {
                        // The reader failed before handing its last batch.
                        return result(done);
                    }
                    ctx.checkCancelled();
                    continue;
                }
                append(b, fileId, entries, blocks);
                ctx.checkCancelled();
                if (b.last) {
                    return result(done);
                }
                ctx.progress(fileSize <= 0 ? 0 : Math.min(1.0, (double) b.fileBytes / fileSize), file.getFileName() + ": " + b.lines + " lines");
            }
        } finally {
            stop.set(true);
        }
    }

    private static LogIndexer.Result result(Future<LogIndexer.Result> done) throws IOException {
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof IOException io) {
                throw io;
            }
            if (t instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(t);
        }
    }

    private static void append(Batch b, int fileId, DuckDBAppender a, DuckDBAppender blocks) throws SQLException {
        for (int i = 0; i < b.n; i++) {
            a.beginRow();
            a.append(fileId);
            a.append(b.line[i]);
            a.append(b.offset[i]);
            if (b.timed[i]) {
                a.append(b.ts[i]);
            } else {
                a.appendNull();
            }
            a.append(b.level[i].name());
            a.append(b.count[i]);
            a.append(b.msg[i]);
            a.endRow();
        }
        for (int i = 0; i < b.blocks; i++) {
            blocks.beginRow();
            blocks.append(fileId);
            blocks.append(b.blockLine[i]);
            blocks.append(b.blockOffset[i]);
            if (b.blockMin[i] == Long.MAX_VALUE) {
                blocks.appendNull();
                blocks.appendNull();
            } else {
                blocks.append(b.blockMin[i]);
                blocks.append(b.blockMax[i]);
            }
            blocks.endRow();
        }
    }

    /** The reader stage: lines, entries and the sparse index from the bytes. */
    private static final class Reader implements java.util.concurrent.Callable<LogIndexer.Result> {
        private final Path file;
        private final String encoding;
        private final String detected;
        private final List<StampParser.Kind> kinds;
        private final Charset cs;
        private final LineClassifier cls;
        private final boolean timed;
        private final long gzipLimit;
        private final BlockingQueue<Batch> queue;
        private final AtomicBoolean stop;
        private final AsciiView view = new AsciiView();
        private Batch batch = new Batch();
        private long fileBytes;
        private long lines;
        private long entryCount;
        private long timedCount;
        private long cutLines;
        private Long first;
        private Long last;
        private long blockMin = Long.MAX_VALUE;
        private long blockMax = Long.MIN_VALUE;
        private long blockFirstLine = 1;
        private long blockOffset;
        private long eLine;
        private long eOffset;
        private long eTs;
        private boolean eTimed;
        private LogLevel eLevel = LogLevel.UNKNOWN;
        private int eLines;
        private final byte[] msg = new byte[MESSAGE_BYTES];
        private int msgLen;
        private Charset msgCs;

        Reader(Path file, String encoding, String detected, List<StampParser.Kind> kinds, ZoneId zone, int year, long gzipLimit,
                BlockingQueue<Batch> queue, AtomicBoolean stop) {
            this.file = file;
            this.encoding = encoding;
            this.detected = detected;
            this.kinds = kinds;
            this.cs = EncodingDetector.charset(encoding);
            this.cls = new LineClassifier(kinds, zone, year);
            this.timed = !kinds.isEmpty();
            this.gzipLimit = gzipLimit;
            this.queue = queue;
            this.stop = stop;
        }

        @Override
        public LogIndexer.Result call() throws IOException {
            return cs.name().startsWith("UTF-16") ? callChars() : callBytes();
        }

        /** UTF-16: lines come decoded from {@link LineReader} and are grouped as UTF-8 bytes. */
        private LogIndexer.Result callChars() throws IOException {
            LogIndexer.Result r;
            try (LineReader in = LineReader.open(file, encoding, gzipLimit)) {
                for (String l; (l = in.next()) != null; ) {
                    byte[] b = l.getBytes(StandardCharsets.UTF_8);
                    fileBytes = in.fileBytesRead();
                    line(b, 0, b.length, in.wasCut(), in.offset(), false, StandardCharsets.UTF_8);
                }
                finish();
                r = new LogIndexer.Result(encoding, detected, kinds, in.endOffset(), lines, entryCount, timedCount, first, last, cutLines,
                        in.brokenInput(), in.gzip());
            }
            batch.last = true;
            hand();
            return r;
        }

        private void finish() throws IOException {
            if (eLines > 0) {
                entry();
            }
            if (lines > 0) {
                block();
            }
        }

        private LogIndexer.Result callBytes() throws IOException {
            long textBytes = 0;
            String broken;
            boolean gz;
            byte[] buf = new byte[KeywordScan.CHUNK];
            int len = 0;
            long bufOffset = 0;
            boolean skipping = false;
            try (ByteSource src = ByteSource.open(file, gzipLimit, 0)) {
                boolean eof = false;
                while (!eof) {
                    int r = src.read(buf, len, buf.length - len);
                    if (r < 0) {
                        eof = true;
                    } else {
                        len += r;
                        textBytes += r;
                    }
                    fileBytes = src.fileBytesRead();
                    int pos = 0;
                    if (skipping) {
                        int nl = Bytes.indexOf(buf, 0, len, (byte) '\n');
                        if (nl < 0) {
                            bufOffset += len;
                            len = 0;
                            continue;
                        }
                        skipping = false;
                        pos = nl + 1;
                    }
                    while (true) {
                        int nl = Bytes.indexOf(buf, pos, len, (byte) '\n');
                        if (nl < 0) {
                            break;
                        }
                        boolean cut = nl - pos > LineReader.MAX_LINE;
                        line(buf, pos, cut ? pos + LineReader.MAX_LINE : nl, cut, bufOffset + pos);
                        pos = nl + 1;
                    }
                    if (eof) {
                        if (pos < len) {
                            boolean cut = len - pos > LineReader.MAX_LINE;
                            line(buf, pos, cut ? pos + LineReader.MAX_LINE : len, cut, bufOffset + pos);
                        }
                        break;
                    }
                    if (pos == 0 && len == buf.length) {
                        // A line longer than the chunk: cut, the rest skipped.
                        line(buf, 0, LineReader.MAX_LINE, true, bufOffset);
                        bufOffset += len;
                        len = 0;
                        skipping = true;
                        continue;
                    }
                    System.arraycopy(buf, pos, buf, 0, len - pos);
                    bufOffset += pos;
                    len -= pos;
                }
                finish();
                broken = src.brokenInput();
                gz = src.gzip();
            }
            batch.last = true;
            hand();
            return new LogIndexer.Result(encoding, detected, kinds, textBytes, lines, entryCount, timedCount, first, last, cutLines, broken, gz);
        }

        private void line(byte[] buf, int from, int to, boolean cut, long offset) throws IOException {
            line(buf, from, to, cut, offset, true, cs);
        }

        /**
         * Takes one line: counts it, rolls the sparse index, starts or continues an entry.
         *
         * @param stripCr whether a {@code \r} at its end is dropped (not when the line reader dropped it already)
         * @param textCs the encoding of the bytes
         */
        private void line(byte[] buf, int from, int to, boolean cut, long offset, boolean stripCr, Charset textCs) throws IOException {
            msgCs = textCs;
            int end = to;
            if (stripCr && !cut && end > from && buf[end - 1] == '\r') {
                end--;
            }
            lines++;
            if (cut) {
                cutLines++;
            }
            if ((lines - 1) % LogSchema.BLOCK_LINES == 0) {
                if (lines > 1) {
                    block();
                }
                blockFirstLine = lines;
                blockOffset = offset;
                blockMin = Long.MAX_VALUE;
                blockMax = Long.MIN_VALUE;
            }
            CharSequence text = null;
            boolean starts = true;
            if (timed) {
                text = text(buf, from, end);
                starts = cls.startsEntry(text);
            }
            if (starts || eLines == 0) {
                if (eLines > 0) {
                    entry();
                }
                eLine = lines;
                eOffset = offset;
                eTimed = timed && starts;
                eLines = 0;
                msgLen = 0;
                if (eTimed) {
                    eTs = cls.micros();
                    eLevel = cls.level();
                    timedCount++;
                    first = first == null ? eTs : Math.min(first, eTs);
                    last = last == null ? eTs : Math.max(last, eTs);
                    blockMin = Math.min(blockMin, eTs);
                    blockMax = Math.max(blockMax, eTs);
                } else {
                    eLevel = timed ? LogLevel.UNKNOWN : LineClassifier.findLevel(text(buf, from, end), 0);
                }
            }
            eLines++;
            if (msgLen < MESSAGE_BYTES) {
                if (msgLen > 0) {
                    msg[msgLen++] = '\n';
                }
                int n = Math.min(end - from, MESSAGE_BYTES - msgLen);
                System.arraycopy(buf, from, msg, msgLen, n);
                msgLen += n;
            }
        }

        /** The line as characters: a view of its bytes when its head is ASCII, else decoded. */
        private CharSequence text(byte[] buf, int from, int end) {
            view.set(buf, from, end - from);
            return view.asciiHead() ? view : new String(buf, from, end - from, msgCs);
        }

        private void entry() throws IOException {
            Batch b = batch;
            int i = b.n;
            b.line[i] = eLine;
            b.offset[i] = eOffset;
            b.ts[i] = eTs;
            b.timed[i] = eTimed;
            b.level[i] = eLevel;
            b.count[i] = eLines;
            String m = Bytes.decode(msg, 0, msgLen, msgCs);
            b.msg[i] = m.length() > LogIndexer.MESSAGE_CHARS ? m.substring(0, LogIndexer.MESSAGE_CHARS) : m;
            b.n++;
            entryCount++;
            if (b.n == BATCH) {
                hand();
            }
        }

        private void block() throws IOException {
            Batch b = batch;
            int i = b.blocks;
            b.blockLine[i] = blockFirstLine;
            b.blockOffset[i] = blockOffset;
            b.blockMin[i] = blockMin;
            b.blockMax[i] = blockMax;
            b.blocks++;
            if (b.blocks == BATCH) {
                hand();
            }
        }

        private void hand() throws IOException {
            Batch b = batch;
            b.lines = lines;
            b.fileBytes = fileBytes;
            try {
                while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                    if (stop.get()) {
                        throw new CancellationException("indexing stopped");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
            if (!b.last) {
                batch = new Batch();
            }
        }
    }
}
