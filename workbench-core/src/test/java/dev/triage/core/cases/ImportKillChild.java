package dev.triage.core.cases;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;

/** A separate JVM that starts a large import, says so on stdout, and waits to be killed. */
public final class ImportKillChild {

    static final String HALFWAY = "HALFWAY";

    private ImportKillChild() {
    }

    static void insertRows(ImportSession s, int n) throws SQLException {
        try (PreparedStatement ps = s.connection().prepareStatement("INSERT INTO rows_t VALUES (?, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                ps.setString(1, s.importId());
                ps.setInt(2, i);
                ps.setString(3, "row " + i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        s.addRows(n);
    }

    /**
     * Runs the import that is killed.
     *
     * @param args the case folder and a file to stage
     * @throws Exception when the case cannot be opened
     */
    public static void main(String[] args) throws Exception {
        try (Case c = Case.open(Path.of(args[0]), List.of(AtomicImportTest.ROWS))) {
            c.importAtomically("big.log", dev.triage.core.task.TaskContext.NONE, s -> {
                s.stage(Path.of(args[1]));
                try (DuckDBAppender app = s.appender("rows_t")) {
                    for (int i = 0; i < 300_000; i++) {
                        app.beginRow();
                        app.append(s.importId());
                        app.append(i);
                        app.append("appended row " + i);
                        app.endRow();
                    }
                }
                System.out.println(HALFWAY);
                System.out.flush();
                Thread.sleep(600_000);
            });
        }
    }
}
