package dev.triage.plugin.slowlog.infrastructure;

import dev.triage.core.task.TaskContext;
import dev.triage.plugin.slowlog.domain.ParseProblem;
import dev.triage.plugin.slowlog.domain.SlowLogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Consumer;

/** Streams one slow log through the parser into the events table of a DuckDB connection, and records the file. */
final class SlowLogLoader {

    private SlowLogLoader() {
    }

    /**
     * Loads one file.
     *
     * @param origin where the file came from, recorded with it (the staged copy of a case import has another path)
     * @param full whether to store each event whole (a case does; a one-off digest keeps only what it needs)
     * @return the parse result
     */
    static SlowLogParser.Result load(Connection conn, String importId, Path file, Path origin, boolean full, TaskContext context,
            Consumer<ParseProblem> problems) throws IOException, SQLException {
        SlowLogFormat format = SlowLogSniffer.sniff(file);
        String name = file.getFileName().toString();
        double size = Math.max(1, Files.size(file));
        SlowLogParser.Result result;
        try (EventAppender appender = new EventAppender(conn, importId, name, format, full);
             InputStream in = Files.newInputStream(file)) {
            result = SlowLogParser.parse(in, name, e -> {
                try {
                    appender.append(e);
                } catch (SQLException x) {
                    throw new IllegalStateException("Cannot store " + name + " line " + e.line() + ": " + x.getMessage(), x);
                }
            }, problems, read -> {
                context.checkCancelled();
                context.progress(Math.min(1, read / size), "Reading " + name);
            }, full);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + SlowLogSchema.FILES + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, importId);
            ps.setString(2, name);
            ps.setString(3, origin.toAbsolutePath().toString());
            ps.setString(4, format.name());
            ps.setLong(5, result.events());
            ps.setLong(6, result.lines());
            ps.setLong(7, result.problemCount());
            ps.executeUpdate();
        }
        return result;
    }
}
