package dev.triage.core.cases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.duckdb.DuckDBAppender;

/** A separate JVM that imports into a case again and again, saying after each commit how many imports the case holds. */
public final class KillLoopChild {

    static final String STARTED = "STARTED";
    static final String COMMITTED = "COMMITTED ";
    /** Rows each import appends; the case must always hold a multiple of it. */
    static final int ROWS_PER_IMPORT = 20_000;

    private KillLoopChild() {
    }

    /**
     * Imports until killed.
     *
     * @param args the case folder and a scratch folder for the files to stage
     * @throws Exception when the case cannot be opened
     */
    public static void main(String[] args) throws Exception {
        try (Case c = Case.open(Path.of(args[0]), List.of(AtomicImportTest.ROWS))) {
            System.out.println(STARTED);
            System.out.flush();
            for (int n = 0; n < 10_000; n++) {
                Path file = Files.writeString(Path.of(args[1]).resolve("part-" + n + ".log"), "line " + n + "\n".repeat(200));
                c.importAtomically(file.getFileName().toString(), dev.triage.core.task.TaskContext.NONE, s -> {
                    s.stage(file);
                    try (DuckDBAppender app = s.appender("rows_t")) {
                        for (int i = 0; i < ROWS_PER_IMPORT; i++) {
                            app.beginRow();
                            app.append(s.importId());
                            app.append(i);
                            app.append("row " + i);
                            app.endRow();
                        }
                    }
                    s.addRows(ROWS_PER_IMPORT);
                });
                System.out.println(COMMITTED + c.imports().size());
                System.out.flush();
            }
        }
    }
}
