package dev.triage.core.imports;

import dev.triage.core.cases.ImportSession;
import java.nio.file.Path;

/** A plugin's way of bringing one kind of file into a case; the shell picks the importer that claims a dropped file most strongly. */
public interface FileImporter {

    /**
     * Returns the importer's id, such as {@code slowlog.mysql}.
     *
     * @return the id
     */
    String id();

    /**
     * Tells how well this importer understands a file, from its name and first bytes.
     *
     * @param file the candidate file
     * @param head up to the first 4 KiB of the file
     * @return 0 when it does not, higher numbers for stronger claims (a generic copy claims 1)
     */
    int claim(Path file, byte[] head);

    /**
     * Imports one file inside an atomic import session.
     *
     * @param file the file to import
     * @param session the transaction, staging and counters
     * @throws Exception when the file cannot be imported; the whole import is then rolled back
     */
    void importFile(Path file, ImportSession session) throws Exception;
}
