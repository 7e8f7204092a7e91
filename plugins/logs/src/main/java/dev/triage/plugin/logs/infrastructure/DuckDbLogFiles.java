package dev.triage.plugin.logs.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.logs.application.FileRow;
import dev.triage.plugin.logs.application.ImportArgs;
import dev.triage.plugin.logs.application.ImportResult;
import dev.triage.plugin.logs.application.LogFiles;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@link LogFiles} over the case database and the log importer: a re-import replaces the file's rows atomically. */
public final class DuckDbLogFiles implements LogFiles {

    private final DuckDbLogs logs;

    /**
     * Creates the files service.
     *
     * @param logs the logs store
     */
    public DuckDbLogFiles(DuckDbLogs logs) {
        this.logs = logs;
    }

    @Override
    public List<FileRow> files(Case c) throws Exception {
        return logs.files(c);
    }

    @Override
    public ImportResult reimport(Case c, FileRow file, String encoding, TaskContext ctx) throws Exception {
        if (encoding == null || encoding.isBlank() || !Charset.isSupported(encoding.strip())) {
            throw new IllegalArgumentException("Unknown encoding '" + encoding + "' for " + file.name() + ": pick one of " + ENCODINGS);
        }
        if (file.source() == null || !Files.isRegularFile(Path.of(file.source()))) {
            throw new IllegalArgumentException(file.name() + ": its source " + file.source() + " is gone; import it again from where it is now");
        }
        return logs.importFiles(new ImportArgs(List.of(file.source()), null, null, file.zone(), encoding.strip(), null), ctx);
    }
}
