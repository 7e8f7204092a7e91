package dev.triage.core.cases;

import dev.triage.core.task.TaskContext;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One investigation: a folder with {@code case.duckdb}, the imported source files, notes and exported reports. */
public final class Case implements AutoCloseable {

    /** The database file inside a case folder. */
    public static final String DATABASE = "case.duckdb";
    /** The file holding the case's name and creation time. */
    public static final String META = "case.properties";
    /** The Markdown notes file. */
    public static final String NOTES = "notes.md";
    /** The file a desktop opens the case with: the installers associate the {@code .triage} extension with Triage. */
    public static final String OPENER = "open-case.triage";
    /** The folder of imported source files. */
    public static final String SOURCES = "sources";

    private static final Logger LOG = LoggerFactory.getLogger(Case.class);
    private static final String STAGING = ".staging";
    private static final String INCIDENT_FROM = "incident.from";
    private static final String INCIDENT_UNTIL = "incident.until";

    private final Path folder;
    private final Properties meta;
    private final DuckDBConnection connection;
    private final java.util.concurrent.atomic.AtomicInteger importsRunning = new java.util.concurrent.atomic.AtomicInteger();

    private Case(Path folder, Properties meta, DuckDBConnection connection) {
        this.folder = folder;
        this.meta = meta;
        this.connection = connection;
    }

    /**
     * Creates a new case in an empty or missing folder.
     *
     * @param folder the case folder
     * @param name the case name shown to users
     * @param migrations every component's migrations
     * @return the open case
     * @throws CaseException when the folder already holds a case or cannot be written
     */
    public static Case create(Path folder, String name, Collection<SchemaMigrations> migrations) throws CaseException {
        Path dir = folder.toAbsolutePath().normalize();
        if (Files.exists(dir.resolve(DATABASE)) || Files.exists(dir.resolve(META))) {
            throw new CaseException("A case already exists in " + dir, null);
        }
        Properties p = new Properties();
        p.setProperty("name", name == null || name.isBlank() ? dir.getFileName().toString() : name);
        p.setProperty("created", Instant.now().toString());
        try {
            Files.createDirectories(dir.resolve(SOURCES));
            writeMeta(dir, p);
            Files.writeString(dir.resolve(OPENER), "Triage case: open this file with Triage (double-click) to open the case.\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CaseException("Cannot create case folder " + dir + ": " + e.getMessage(), e);
        }
        try {
            return open(dir, migrations);
        } catch (CaseException | RuntimeException e) {
            for (String f : new String[] {META, DATABASE, DATABASE + ".wal"}) {
                try {
                    Files.deleteIfExists(dir.resolve(f));
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /**
     * Finds the case a path given by a desktop or on the command line stands for: a case folder, or its
     * {@value #META} or any {@code .triage} file inside it.
     *
     * @param path a folder or file
     * @return the case folder, or empty when the path is no case
     */
    public static java.util.Optional<Path> folderOf(Path path) {
        Path p = path.toAbsolutePath().normalize();
        Path dir = Files.isDirectory(p) ? p : p.getParent();
        boolean caseFile = Files.isRegularFile(p) && (p.getFileName().toString().endsWith(".triage")
                || p.getFileName().toString().equals(META));
        if (dir != null && (Files.isDirectory(p) || caseFile) && Files.isRegularFile(dir.resolve(META))) {
            return java.util.Optional.of(dir);
        }
        return java.util.Optional.empty();
    }

    /**
     * Opens an existing case, rolling back leftovers of an interrupted import and applying pending migrations.
     *
     * @param folder the case folder
     * @param migrations every component's migrations
     * @return the open case
     * @throws CaseException when the folder is not a case or the database cannot be opened
     */
    public static Case open(Path folder, Collection<SchemaMigrations> migrations) throws CaseException {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(META))) {
            throw new CaseException("Not a Triage case: " + dir + " has no " + META, null);
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(META), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new CaseException("Cannot read " + dir.resolve(META) + ": " + e.getMessage(), e);
        }
        DuckDBConnection c;
        try {
            c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(DATABASE));
        } catch (SQLException e) {
            throw new CaseException("Cannot open " + dir.resolve(DATABASE) + ": " + e.getMessage(), e);
        }
        Case opened = new Case(dir, p, c);
        try {
            List<SchemaMigrations> all = new ArrayList<>();
            all.add(CoreSchema.MIGRATIONS);
            all.addAll(migrations);
            SchemaMigrator.migrate(c, all);
            opened.removeUncommittedFiles();
        } catch (CaseException | RuntimeException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    /**
     * Reads a case's name from its folder without opening its database, for lists of cases.
     *
     * @param folder the case folder
     * @return the name, or the folder name when it cannot be read
     */
    public static String nameOf(Path folder) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(folder.resolve(META), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return String.valueOf(folder.getFileName());
        }
        return p.getProperty("name", String.valueOf(folder.getFileName()));
    }

    /**
     * Returns the case folder.
     *
     * @return the absolute folder
     */
    public Path folder() {
        return folder;
    }

    /**
     * Returns the case name.
     *
     * @return the name given at creation
     */
    public String name() {
        return meta.getProperty("name", folder.getFileName().toString());
    }

    /**
     * Returns the creation time.
     *
     * @return the instant the case was created
     */
    public Instant created() {
        return Instant.parse(meta.getProperty("created", Instant.EPOCH.toString()));
    }

    /**
     * Returns the case's incident window, when one was set.
     *
     * @return the window, or empty
     */
    public synchronized java.util.Optional<IncidentWindow> incidentWindow() {
        String from = meta.getProperty(INCIDENT_FROM);
        String until = meta.getProperty(INCIDENT_UNTIL);
        if (from == null || until == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new IncidentWindow(Instant.parse(from), Instant.parse(until)));
        } catch (RuntimeException e) {
            LOG.warn("Ignoring the incident window in {}: {}", folder.resolve(META), e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /**
     * Sets or clears the case's incident window, saved at once in {@value #META}.
     *
     * @param window the window, or null to clear it
     * @throws CaseException when the file cannot be written (the window in memory is then unchanged)
     */
    public synchronized void setIncidentWindow(IncidentWindow window) throws CaseException {
        Properties next = new Properties();
        next.putAll(meta);
        if (window == null) {
            next.remove(INCIDENT_FROM);
            next.remove(INCIDENT_UNTIL);
        } else {
            next.setProperty(INCIDENT_FROM, window.from().toString());
            next.setProperty(INCIDENT_UNTIL, window.until().toString());
        }
        try {
            writeMeta(folder, next);
        } catch (IOException e) {
            throw new CaseException("Cannot save the incident window in " + folder.resolve(META) + ": " + e.getMessage(), e);
        }
        meta.clear();
        meta.putAll(next);
    }

    /**
     * Opens a new connection to the case database for one thread of work (DuckDB connections are not shared across threads).
     *
     * @return a connection to close after use
     * @throws SQLException when the database is closed
     */
    public Connection newConnection() throws SQLException {
        return connection.duplicate();
    }

    /**
     * Returns the folder of committed imported files.
     *
     * @return {@code sources/} in the case folder
     */
    public Path sources() {
        return folder.resolve(SOURCES);
    }

    /**
     * Reads the case notes.
     *
     * @return the Markdown notes, empty when none
     */
    public String notes() {
        Path f = folder.resolve(NOTES);
        try {
            return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the case notes, writing through a temporary file so a crash never leaves half a file.
     *
     * @param markdown the new notes
     */
    public void saveNotes(String markdown) {
        try {
            atomicWrite(folder.resolve(NOTES), markdown);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write notes in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs an import as one unit: its rows and files appear together when it succeeds, and not at all if it throws,
     * is cancelled, or the process dies first.
     *
     * @param label what is imported, shown in the import list
     * @param context progress and cancellation
     * @param work the import body
     * @return what the import brought
     * @throws CaseException when the import failed (the case is unchanged)
     * @throws CancellationException when it was cancelled (the case is unchanged)
     */
    public ImportSummary importAtomically(String label, TaskContext context, ImportWork work) throws CaseException {
        String id = UUID.randomUUID().toString();
        Path staging = sources().resolve(STAGING).resolve(id);
        Path committed = sources().resolve(id);
        importsRunning.incrementAndGet();
        try (DuckDBConnection c = connection.duplicate()) {
            c.setAutoCommit(false);
            try (var begin = c.createStatement()) {
                // DuckDB begins the transaction at the first statement; an appender alone would auto-commit.
                begin.execute("SELECT 1");
            }
            ImportSession session = new ImportSession(id, c, staging, context);
            try {
                work.run(session);
                context.checkCancelled();
                ImportSummary summary = session.summary(label);
                recordImport(c, summary, session.staged());
                if (summary.files() > 0 && !Files.isDirectory(staging)) {
                    throw new IOException("the staged copies in " + staging + " were removed while the import ran");
                }
                if (Files.isDirectory(staging)) {
                    Files.move(staging, committed, StandardCopyOption.ATOMIC_MOVE);
                }
                c.commit();
                return summary;
            } catch (CancellationException e) {
                rollback(c, staging, committed);
                throw e;
            } catch (Exception e) {
                rollback(c, staging, committed);
                if (context.isCancelled()) {
                    throw new CancellationException("Import of " + label + " cancelled");
                }
                throw new CaseException("Import of " + label + " failed, nothing was kept: " + message(e), e);
            }
        } catch (SQLException e) {
            throw new CaseException("Cannot start an import in " + folder + ": " + e.getMessage(), e);
        } finally {
            importsRunning.decrementAndGet();
        }
    }

    /**
     * Tells how many imports into this case are running now.
     *
     * @return the number of imports in flight
     */
    public int importsRunning() {
        return importsRunning.get();
    }

    private static String message(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
    }

    /**
     * Lists the committed imports, oldest first.
     *
     * @return the import summaries (without warnings)
     * @throws SQLException when the database cannot be read
     */
    public List<ImportSummary> imports() throws SQLException {
        List<ImportSummary> out = new ArrayList<>();
        try (Connection c = newConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, label, files, rows, skipped FROM case_imports ORDER BY imported_at, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ImportSummary(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5), List.of()));
            }
        }
        return out;
    }

    private static void recordImport(Connection c, ImportSummary s, List<ImportSession.StagedFile> files) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO case_files (import_id, name, source, bytes, importer, rows) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ImportSession.StagedFile f : files) {
                ps.setString(1, s.importId());
                ps.setString(2, f.name());
                ps.setString(3, f.source());
                ps.setLong(4, f.bytes());
                ps.setString(5, f.importer());
                ps.setObject(6, f.rows());
                ps.addBatch();
            }
            if (!files.isEmpty()) {
                ps.executeBatch();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO case_imports (id, label, files, rows, skipped) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, s.importId());
            ps.setString(2, s.label());
            ps.setInt(3, s.files());
            ps.setLong(4, s.rows());
            ps.setLong(5, s.skipped());
            ps.executeUpdate();
        }
    }

    private void rollback(Connection c, Path staging, Path committed) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback of an import in {} failed: {}", folder, e.getMessage());
        }
        deleteTree(staging);
        deleteTree(committed);
    }

    /** Deletes staged files and committed-file folders that no committed import names (left by a killed process). */
    private void removeUncommittedFiles() throws CaseException {
        deleteTree(sources().resolve(STAGING));
        Set<String> known = new HashSet<>();
        try {
            imports().forEach(s -> known.add(s.importId()));
        } catch (SQLException e) {
            throw new CaseException("Cannot read the imports of " + folder + ": " + e.getMessage(), e);
        }
        if (!Files.isDirectory(sources())) {
            return;
        }
        try (Stream<Path> dirs = Files.list(sources())) {
            dirs.filter(Files::isDirectory)
                    .filter(d -> !known.contains(d.getFileName().toString()))
                    .filter(d -> d.getFileName().toString().matches("[0-9a-f-]{36}"))
                    .forEach(d -> {
                        LOG.info("Removing files of an interrupted import: {}", d);
                        deleteTree(d);
                    });
        } catch (IOException e) {
            throw new CaseException("Cannot list " + sources() + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("Cannot delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", root, e.getMessage());
        }
    }

    private static void writeMeta(Path dir, Properties p) throws IOException {
        Path tmp = dir.resolve(META + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Triage case");
        }
        Files.move(tmp, dir.resolve(META), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void atomicWrite(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Closes the case database. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing {} failed: {}", folder, e.getMessage());
        }
    }
}
