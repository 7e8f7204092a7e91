package dev.triage.plugin.slowlog.infrastructure;

import dev.triage.plugin.slowlog.domain.SlowLogFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** Tells a slow query log, and its dialect, from the first bytes of a file (gunzipped when they are gzip). */
final class SlowLogSniffer {

    private static final int HEAD = 64 * 1024;

    private SlowLogSniffer() {
    }

    /** Returns the dialect when the head looks like a slow log, empty otherwise. */
    static Optional<SlowLogFormat> sniff(byte[] head) {
        String text = new String(gunzip(head), StandardCharsets.ISO_8859_1);
        boolean slow = text.contains("# Query_time:") || text.contains("# User@Host:");
        if (!slow) {
            return Optional.empty();
        }
        if (text.contains("# Txn_start_ts:") || text.contains("# Conn_ID:")) {
            return Optional.of(SlowLogFormat.TIDB);
        }
        if (text.contains("MariaDB") || text.contains("QC_hit:") || text.contains("# explain:")) {
            return Optional.of(SlowLogFormat.MARIADB);
        }
        return Optional.of(SlowLogFormat.MYSQL);
    }

    /** Reads the head of a file and tells whether it looks like a slow log of any dialect. */
    static boolean looksLikeSlowLog(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sniff(in.readNBytes(HEAD)).isPresent();
        }
    }

    /** Reads the head of a file and sniffs it; MySQL when the head says nothing (an empty file, say). */
    static SlowLogFormat sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        return sniff(head).orElse(SlowLogFormat.MYSQL);
    }

    private static byte[] gunzip(byte[] head) {
        if (head.length < 2 || (head[0] & 0xff) != 0x1f || (head[1] & 0xff) != 0x8b) {
            return head;
        }
        byte[] out = new byte[HEAD];
        int n = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(head))) {
            for (int r; n < out.length && (r = in.read(out, n, out.length - n)) > 0; ) {
                n += r;
            }
        } catch (IOException e) {
            // The head ends mid-stream: keep what was inflated so far.
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
