package dev.triage.plugin.logs.infrastructure;

import dev.triage.core.cases.ImportSession;
import dev.triage.core.imports.FileImporter;
import dev.triage.plugin.logs.application.ImportOptions;
import dev.triage.plugin.logs.domain.LineClassifier;
import dev.triage.plugin.logs.domain.StampParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;

/**
 * Imports text server logs (plain or gzip) into the case: copies each file, indexes its entries and time, extracts facts.
 * A file that cannot be read is recorded with its problem and skipped; the others are imported. A file whose source,
 * fingerprint (size and SHA-256 of its first and last 64 KiB) and options are unchanged since its last import is not
 * indexed again; a changed one replaces its earlier rows.
 */
public final class LogImporter implements FileImporter {

    /** The claim on a file whose head starts lines with time stamps; below the slow-log importer's 50. */
    public static final int CLAIM = 20;
    /** The claim on a text file named like a log but without stamps in its head. */
    public static final int WEAK_CLAIM = 5;
    private static final int FINGERPRINT_BYTES = 64 * 1024;

    private final ImportOptions options;
    private final FactExtractor facts;

    /**
     * Creates an importer.
     *
     * @param options how files are read
     * @param facts the fact rules applied to each imported file, or null for none
     */
    public LogImporter(ImportOptions options, FactExtractor facts) {
        this.options = options == null ? ImportOptions.DEFAULT : options;
        this.facts = facts;
    }

    @Override
    public String id() {
        return "logs.text";
    }

    @Override
    public int claim(Path file, byte[] head) {
        byte[] text = head;
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            try {
                text = LineReader.head(file, 16 * 1024);
            } catch (IOException e) {
                return 0;
            }
        }
        String encoding = dev.triage.plugin.logs.domain.EncodingDetector.detect(text);
        String s = new String(text, dev.triage.plugin.logs.domain.EncodingDetector.charset(encoding));
        if (s.indexOf('\u0000') >= 0) {
            return 0;
        }
        List<String> lines = new ArrayList<>(List.of(s.split("\n", 60)));
        if (lines.size() > 1) {
            lines.remove(lines.size() - 1);
        }
        if (!LineClassifier.detect(lines).isEmpty()) {
            return CLAIM;
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.contains(".log") || name.endsWith(".txt") || name.endsWith(".out") || name.contains("syslog")
                || name.contains("messages") ? WEAK_CLAIM : 0;
    }

    @Override
    public void importFile(Path file, ImportSession session) throws Exception {
        Connection c = session.connection();
        String name = file.getFileName().toString();
        String source = file.toAbsolutePath().normalize().toString();
        long size;
        String fingerprint;
        try {
            size = Files.size(file);
            fingerprint = fingerprint(file, size) + optionsKey();
        } catch (IOException e) {
            session.skip(name + ": cannot be read (" + e.getMessage() + "); not imported");
            return;
        }
        Integer previous = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT file_id, fingerprint, status FROM logs_files WHERE source = ?"
                + " ORDER BY file_id DESC LIMIT 1")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (fingerprint.equals(rs.getString(2)) && "ok".equals(rs.getString(3))) {
                        session.skip(name + ": unchanged since its last import (same size, head and tail); not indexed again");
                        return;
                    }
                    previous = rs.getInt(1);
                }
            }
        }
        if (previous != null) {
            delete(c, previous);
        }
        int fileId = nextFileId(c);
        ZoneId zone = zone(c);
        Path copy;
        try {
            copy = session.stage(file);
        } catch (IOException e) {
            record(c, fileId, session.importId(), name, null, source, size, fingerprint, zone, null, "failed",
                    "cannot be copied: " + e.getMessage(), null);
            session.skip(name + ": cannot be copied into the case (" + e.getMessage() + "); not imported");
            return;
        }
        int year = options.year() != null ? options.year()
                : Files.getLastModifiedTime(file).toInstant().atZone(ZoneOffset.UTC).getYear();
        LogIndexer.Result r;
        try (DuckDBAppender entries = session.appender(LogSchema.ENTRIES); DuckDBAppender blocks = session.appender(LogSchema.BLOCKS)) {
            r = LogIndexer.index(copy, fileId, options.encoding(), zone, year, options.gzipLimit(), entries, blocks, session.context(), size);
        } catch (IOException | SQLException | RuntimeException e) {
            if (e instanceof java.util.concurrent.CancellationException ce) {
                throw ce;
            }
            delete(c, fileId);
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            record(c, fileId, session.importId(), name, relative(session, copy), source, size, fingerprint, zone, null, "failed", why, null);
            session.skip(name + ": " + why + "; not imported");
            return;
        }
        if (r.lines() == 0 && r.broken() != null) {
            delete(c, fileId);
            record(c, fileId, session.importId(), name, relative(session, copy), source, size, fingerprint, zone, r, "failed", r.broken(), year);
            session.skip(name + ": " + r.broken() + "; not imported");
            return;
        }
        record(c, fileId, session.importId(), name, relative(session, copy), source, size, fingerprint, zone, r, "ok", r.broken(), year);
        if (r.broken() != null) {
            session.skip(name + " line " + (r.lines() + 1) + ": " + r.broken());
        }
        if (r.cutLines() > 0) {
            session.skip(name + ": " + r.cutLines() + " lines longer than 1 MiB were cut");
        }
        session.addRows(r.entries());
        if (facts != null) {
            facts.extractFile(c, fileId);
        }
    }

    /** The staged copy's path as the case will hold it once committed: sources/IMPORT/NAME. */
    private static String relative(ImportSession session, Path copy) {
        return "sources/" + session.importId() + "/" + copy.getFileName();
    }

    private String optionsKey() {
        return "|" + options.zone() + "|" + options.encoding() + "|" + options.year() + "|" + options.gzipLimit();
    }

    private ZoneId zone(Connection c) throws SQLException {
        if (options.zone() != null && !options.zone().isBlank()) {
            return parseZone(options.zone());
        }
        return caseZone(c);
    }

    /** Parses a zone id or offset ({@code UTC}, {@code +08:00}, {@code Asia/Shanghai}). */
    public static ZoneId parseZone(String zone) {
        try {
            return ZoneId.of(zone.strip());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("Unknown time zone '" + zone + "': give an id such as UTC, +08:00 or Asia/Shanghai", e);
        }
    }

    /** Returns the case's zone (set with {@code logs zone}), or the machine's when none was set. */
    static ZoneId caseZone(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM logs_settings WHERE name = 'zone'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? ZoneId.of(rs.getString(1)) : ZoneId.systemDefault();
        }
    }

    private static int nextFileId(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(file_id), 0) + 1 FROM logs_files")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static void delete(Connection c, int fileId) throws SQLException {
        for (String t : new String[] {"logs_entries", "logs_blocks", "logs_facts", "logs_files"}) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE file_id = ?")) {
                ps.setInt(1, fileId);
                ps.executeUpdate();
            }
        }
    }

    private static void record(Connection c, int fileId, String importId, String name, String path, String source, long size,
            String fingerprint, ZoneId zone, LogIndexer.Result r, String status, String problem, Integer year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO logs_files VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setInt(1, fileId);
            ps.setString(2, importId);
            ps.setString(3, name);
            ps.setString(4, path);
            ps.setString(5, source);
            ps.setLong(6, size);
            ps.setString(7, fingerprint);
            ps.setString(8, r == null ? null : r.encoding());
            ps.setString(9, r == null ? null : r.detectedEncoding());
            ps.setString(10, r == null ? null : r.kinds().stream().map(StampParser.Kind::name).collect(Collectors.joining(",")));
            ps.setString(11, zone.getId());
            ps.setObject(12, r == null ? null : r.gzip());
            ps.setObject(13, r == null ? null : r.textBytes());
            ps.setObject(14, r == null ? null : r.lines());
            ps.setObject(15, r == null ? null : r.entries());
            ps.setObject(16, r == null ? null : r.timedEntries());
            ps.setObject(17, r == null ? null : r.firstUs());
            ps.setObject(18, r == null ? null : r.lastUs());
            ps.setObject(19, r == null ? null : r.cutLines());
            ps.setString(20, status);
            ps.setString(21, problem);
            ps.setObject(22, year);
            ps.executeUpdate();
        }
    }

    /** Size plus SHA-256 of the first and last 64 KiB: cheap on a 1 GB file, and a rotated or appended file differs. */
    static String fingerprint(Path file, long size) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (var ch = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(FINGERPRINT_BYTES);
            ch.read(b, 0);
            md.update(b.flip());
            if (size > FINGERPRINT_BYTES) {
                b.clear();
                ch.read(b, Math.max(FINGERPRINT_BYTES, size - FINGERPRINT_BYTES));
                md.update(b.flip());
            }
        }
        md.update(Long.toString(size).getBytes(StandardCharsets.US_ASCII));
        return size + ":" + HexFormat.of().formatHex(md.digest(), 0, 16);
    }

    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }
}
