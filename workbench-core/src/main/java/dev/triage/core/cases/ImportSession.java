package dev.triage.core.cases;

import dev.triage.core.task.TaskContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** One atomic import in progress: its own database transaction, a staging folder for copied files, and counters. */
public final class ImportSession {

    private final String importId;
    private final org.duckdb.DuckDBConnection connection;
    private final Connection guarded;
    private final Path staging;
    private final TaskContext context;
    private final List<String> warnings = new ArrayList<>();
    private long rows;
    private long skipped;
    private final List<StagedFile> staged = new ArrayList<>();
    private String importer;
    private long rowsAtFileStart;
    private int firstOfFile;

    ImportSession(String importId, org.duckdb.DuckDBConnection connection, Path staging, TaskContext context) {
        this.importId = importId;
        this.connection = connection;
        this.guarded = ImportConnection.guard(connection);
        this.staging = staging;
        this.context = context;
    }

    /**
     * Returns the id of this import, stored with every row it writes where a plugin wants to trace rows back.
     *
     * @return the import id
     */
    public String importId() {
        return importId;
    }

    /**
     * Returns the connection whose transaction commits only when the whole import succeeds; commit, rollback and close
     * are refused because the kernel owns the transaction.
     *
     * @return the case database connection, auto-commit off
     */
    public Connection connection() {
        return guarded;
    }

    /**
     * Opens a DuckDB appender on a table inside the import's transaction, for bulk loading; close it before returning.
     *
     * @param table the table name in the main schema
     * @return the appender
     * @throws java.sql.SQLException when the table does not exist
     */
    public org.duckdb.DuckDBAppender appender(String table) throws java.sql.SQLException {
        return connection.createAppender(org.duckdb.DuckDBConnection.DEFAULT_SCHEMA, table);
    }

    /**
     * Returns progress and cancellation for the import.
     *
     * @return the task context
     */
    public TaskContext context() {
        return context;
    }

    /**
     * Copies a source file into the case; it appears under {@code sources/} only if the import commits.
     *
     * @param source the file to copy
     * @return the staged copy, to read from during the import
     * @throws IOException when it cannot be copied
     */
    public Path stage(Path source) throws IOException {
        Files.createDirectories(staging);
        Path target = staging.resolve(source.getFileName().toString());
        for (int n = 2; Files.exists(target); n++) {
            target = staging.resolve(n + "-" + source.getFileName());
        }
        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        staged.add(new StagedFile(target.getFileName().toString(), source.toAbsolutePath().toString(), Files.size(target), importer));
        return target;
    }

    /**
     * Counts rows written, shown in the import summary.
     *
     * @param n the number of rows just written
     */
    public void addRows(long n) {
        rows += n;
    }

    /**
     * Records a skipped input unit (line, record) with a reason naming file and line.
     *
     * @param warning the message, such as {@code "slow.log line 42: no timestamp"}
     */
    public void skip(String warning) {
        skipped++;
        if (warnings.size() < 100) {
            warnings.add(warning);
        }
    }

    /**
     * Names the importer that handles the files staged from now on, so the case can tell which plugin read each file.
     *
     * @param importerId the importer's id
     */
    public void importing(String importerId) {
        importer = importerId;
        rowsAtFileStart = rows;
        firstOfFile = staged.size();
    }

    /** Gives the rows written since {@link #importing} to the files staged since then (the first of them). */
    public void fileDone() {
        if (firstOfFile < staged.size()) {
            StagedFile f = staged.get(firstOfFile);
            staged.set(firstOfFile, new StagedFile(f.name(), f.source(), f.bytes(), f.importer(), rows - rowsAtFileStart));
        }
        firstOfFile = staged.size();
    }

    /** A file copied into the case by this import, with the importer that read it and the rows it gave (null when unknown). */
    record StagedFile(String name, String source, long bytes, String importer, Long rows) {

        StagedFile(String name, String source, long bytes, String importer) {
            this(name, source, bytes, importer, null);
        }
    }

    List<StagedFile> staged() {
        return List.copyOf(staged);
    }

    Path staging() {
        return staging;
    }

    /**
     * Summarises the import so far.
     *
     * @param label the import's label
     * @return the summary
     */
    ImportSummary summary(String label) {
        return new ImportSummary(importId, label, staged.size(), rows, skipped, List.copyOf(warnings));
    }
}
