package dev.triage.plugin.logs.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.CaseService;
import dev.triage.core.cases.ImportSummary;
import dev.triage.core.imports.ImportService;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.logs.application.FileRow;
import dev.triage.plugin.logs.application.ImportArgs;
import dev.triage.plugin.logs.application.ImportOptions;
import dev.triage.plugin.logs.application.ImportResult;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The logs use cases on the case database: import, list files, zone. */
public final class DuckDbLogs {

    private final CaseService cases;
    private final dev.triage.core.event.EventBus events;

    /**
     * Creates the service.
     *
     * @param cases the current-case service
     * @param events where an import is announced (views refresh)
     */
    public DuckDbLogs(CaseService cases, dev.triage.core.event.EventBus events) {
        this.cases = cases;
        this.events = events;
    }

    /**
     * Returns the open case.
     *
     * @return the case
     * @throws IllegalStateException when none is open
     */
    public Case current() {
        return cases.current().orElseThrow(() -> new IllegalStateException("No case is open: give --case DIR"));
    }

    /**
     * Returns a fact extractor with the defaults and the open case's rule files.
     *
     * @return the extractor
     */
    public FactExtractor facts() {
        return new FactExtractor(() -> {
            try {
                return RuleLoader.forCase(cases.current().map(Case::folder).orElse(null));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * Imports files and folders (filtered by globs) into the open case as one atomic import.
     *
     * @param args the paths and options
     * @param ctx progress and cancellation
     * @return what was imported
     * @throws Exception when the arguments are wrong or the import failed as a whole
     */
    public ImportResult importFiles(ImportArgs args, TaskContext ctx) throws Exception {
        if (args == null || args.paths() == null || args.paths().isEmpty()) {
            throw new IllegalArgumentException("Give the log files or folders to import: triage logs import DIR --case C");
        }
        Case c = current();
        if (args.tz() != null) {
            LogImporter.parseZone(args.tz());
        }
        List<Path> files = select(args);
        LogImporter importer = new LogImporter(new ImportOptions(args.tz(), args.encoding(), args.year(), 0), facts());
        String label = args.paths().size() == 1 ? Path.of(args.paths().get(0)).getFileName() + " (logs)" : files.size() + " log files";
        ImportSummary s = c.importAtomically(label, ctx, session -> {
            for (int i = 0; i < files.size(); i++) {
                ctx.checkCancelled();
                ctx.progress((double) i / Math.max(1, files.size()), "Indexing " + files.get(i).getFileName());
                importer.importFile(files.get(i), session);
            }
            ctx.progress(1, "Committing");
        });
        events.publish(new dev.triage.core.cases.CaseEvents.Imported(c.folder(), s));
        List<FileRow> table = files(c);
        int imported = (int) table.stream().filter(f -> "ok".equals(f.status())).count();
        return new ImportResult(files.size(), imported, s.rows(), s.skipped(), s.warnings(), table);
    }

    /** Expands folders and applies the include/exclude globs (matched on the file name and on the path under the folder). */
    static List<Path> select(ImportArgs args) throws java.io.IOException {
        List<PathMatcher> include = matchers(args.glob());
        List<PathMatcher> exclude = matchers(args.exclude());
        List<Path> out = new ArrayList<>();
        for (String p : args.paths()) {
            Path root = Path.of(p);
            for (Path f : ImportService.expand(List.of(root))) {
                Path rel = root.equals(f) ? f.getFileName() : root.relativize(f);
                boolean in = include.isEmpty() || include.stream().anyMatch(m -> m.matches(f.getFileName()) || m.matches(rel));
                boolean out2 = exclude.stream().anyMatch(m -> m.matches(f.getFileName()) || m.matches(rel));
                if (in && !out2 && !f.getFileName().toString().equals("truth.json")) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static List<PathMatcher> matchers(String globs) {
        List<PathMatcher> out = new ArrayList<>();
        if (globs != null) {
            for (String g : globs.split(",")) {
                if (!g.isBlank()) {
                    out.add(FileSystems.getDefault().getPathMatcher("glob:" + g.strip()));
                }
            }
        }
        return out;
    }

    /**
     * Lists the log files of a case.
     *
     * @param c the case
     * @return the files in id order
     * @throws SQLException when the database fails
     */
    public List<FileRow> files(Case c) throws SQLException {
        List<FileRow> out = new ArrayList<>();
        try (Connection conn = c.newConnection(); PreparedStatement ps = conn.prepareStatement("SELECT file_id, name, source, encoding,"
                + " detected_encoding, formats, zone, coalesce(lines, 0), coalesce(entries, 0), coalesce(timed_entries, 0), first_us, last_us,"
                + " status, problem FROM logs_files ORDER BY file_id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new FileRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), iso(rs.getObject(11)), iso(rs.getObject(12)),
                        rs.getString(13), rs.getString(14)));
            }
        }
        return out;
    }

    static String iso(Object micros) {
        if (micros == null) {
            return null;
        }
        long us = ((Number) micros).longValue();
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L).toString();
    }

    /**
     * Sets the case's zone, given to stamps without one in files imported later.
     *
     * @param zone the zone id
     * @return the zone set
     * @throws SQLException when the database fails
     */
    public String setZone(String zone) throws SQLException {
        String id = LogImporter.parseZone(zone).getId();
        try (Connection conn = current().newConnection(); PreparedStatement ps = conn.prepareStatement(
                "INSERT OR REPLACE INTO logs_settings VALUES ('zone', ?)")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        return id;
    }
}
