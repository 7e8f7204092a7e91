package dev.triage.plugin.logs.application;

import dev.triage.core.cases.Case;
import dev.triage.core.task.TaskContext;
import java.util.List;

/** The case's log files as the Files tab shows them, and re-importing one file with another encoding. */
public interface LogFiles {

    /** The encodings offered when overriding a file's detected one. */
    List<String> ENCODINGS = List.of("UTF-8", "GB18030", "GBK", "UTF-16LE", "UTF-16BE", "ISO-8859-1", "Big5", "Shift_JIS");

    /**
     * Lists the files of a case.
     *
     * @param c the case
     * @return the files in id order
     * @throws Exception when the database fails
     */
    List<FileRow> files(Case c) throws Exception;

    /**
     * Imports one file again from its source, decoded with the given encoding (its zone kept).
     *
     * @param c the case
     * @param file the file as listed
     * @param encoding the charset name to read it with
     * @param ctx progress and cancellation
     * @return what the import did
     * @throws Exception when the source is gone, the encoding is unknown or the import fails
     */
    ImportResult reimport(Case c, FileRow file, String encoding, TaskContext ctx) throws Exception;
}
