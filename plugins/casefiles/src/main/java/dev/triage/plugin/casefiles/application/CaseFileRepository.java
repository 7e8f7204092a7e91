package dev.triage.plugin.casefiles.application;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.CaseException;
import java.util.List;

/** Where the files of a case are recorded. */
public interface CaseFileRepository {

    /**
     * Lists a case's files.
     *
     * @param c the case
     * @return the files in import order
     * @throws CaseException when the case database cannot be read
     */
    List<CaseFile> list(Case c) throws CaseException;
}
