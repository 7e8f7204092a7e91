package dev.triage.plugin.ddl.application;

import dev.triage.plugin.ddl.api.DdlCheckRequest;
import dev.triage.plugin.ddl.api.DdlChecker;
import dev.triage.plugin.ddl.api.DdlDialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Runs {@code check lossy-ddl}: reads the SQL and the schema (file or live connection) and checks it. */
public final class LossyDdlCommand {

    private final DdlChecker checker;
    private final SchemaSource live;

    /**
     * Creates the command.
     *
     * @param checker the checker
     * @param live where {@code --connection} reads the current tables from
     */
    public LossyDdlCommand(DdlChecker checker, SchemaSource live) {
        this.checker = checker;
        this.live = live;
    }

    /**
     * Checks the file.
     *
     * @param args the arguments
     * @return the report
     * @throws IllegalArgumentException when an argument is missing, a file does not exist or the dialect is unknown
     * @throws Exception when the connection fails
     */
    public LossyDdlReport run(LossyDdlArgs args) throws Exception {
        if (args.file() == null || args.file().isBlank()) {
            throw new IllegalArgumentException("--file is required: the SQL file to check");
        }
        if (args.schema() != null && args.connection() != null) {
            throw new IllegalArgumentException("give either --schema or --connection, not both");
        }
        DdlDialect dialect = dialect(args.dialect());
        String sql = read(args.file());
        String schema = args.schema() == null ? "" : read(args.schema());
        if (args.connection() != null) {
            SchemaSource.Live l = live.read(args.connection(), LossyDdlChecker.tablesTouched(sql));
            schema = l.createSql();
            dialect = args.dialect() == null ? l.dialect() : dialect;
        }
        var result = checker.check(new DdlCheckRequest(sql, schema, dialect));
        return LossyDdlReport.of(args.file(), dialect.name().toLowerCase(Locale.ROOT), result);
    }

    private static DdlDialect dialect(String name) {
        if (name == null) {
            return DdlDialect.MYSQL;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mysql", "mariadb" -> DdlDialect.MYSQL;
            case "tidb" -> DdlDialect.TIDB;
            default -> throw new IllegalArgumentException("unknown --dialect " + name + ": use mysql or tidb");
        };
    }

    private static String read(String file) throws IOException {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("file not found: " + file, e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text", e);
        }
    }
}
