package dev.triage.plugin.slowlog.infrastructure;

import dev.triage.core.cases.ImportSession;
import dev.triage.core.imports.FileImporter;
import java.nio.file.Path;

/** Imports MySQL, Percona Server, MariaDB and TiDB slow logs (plain or gzip) into the case, one row per entry. */
public final class SlowLogImporter implements FileImporter {

    /** How strongly a file whose first bytes look like a slow log is claimed (a generic copy claims 1). */
    public static final int CLAIM = 50;

    @Override
    public String id() {
        return "slowlog.mysql";
    }

    @Override
    public int claim(Path file, byte[] head) {
        return SlowLogSniffer.sniff(head).isPresent() ? CLAIM : 0;
    }

    /**
     * Tells whether a file (plain or gzip) starts like a MySQL, Percona Server, MariaDB or TiDB slow log.
     *
     * @param file the file
     * @return true when it does
     * @throws java.io.IOException when the file cannot be read
     */
    public static boolean accepts(Path file) throws java.io.IOException {
        return SlowLogSniffer.looksLikeSlowLog(file);
    }

    @Override
    public void importFile(Path file, ImportSession session) throws Exception {
        // The case keeps its own copy (a DBA hands the case folder on; the server's log rotates away); rows name the copy.
        Path copy = session.stage(file);
        var result = SlowLogLoader.load(session.connection(), session.importId(), copy, file, true, session.context(),
                p -> session.skip(p.toString()));
        session.addRows(result.events());
        // Reopening the case then shows the class digest from this summary instead of aggregating every event again.
        DuckDbSlowLogStore.writeSummary(session.connection());
    }
}
