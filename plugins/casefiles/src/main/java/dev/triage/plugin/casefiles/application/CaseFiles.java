package dev.triage.plugin.casefiles.application;

import dev.triage.core.cases.CaseException;
import dev.triage.core.cases.CaseService;
import java.util.List;

/** Lists the files of the current case. */
public final class CaseFiles {

    private final CaseService cases;
    private final CaseFileRepository repository;

    /**
     * Creates the use case.
     *
     * @param cases the current-case service
     * @param repository where files are recorded
     */
    public CaseFiles(CaseService cases, CaseFileRepository repository) {
        this.cases = cases;
        this.repository = repository;
    }

    /**
     * Lists the current case's files, oldest import first.
     *
     * @return the files, empty when no case is open
     * @throws CaseException when the case database cannot be read
     */
    public List<CaseFile> list() throws CaseException {
        var c = cases.current();
        return c.isEmpty() ? List.of() : repository.list(c.get());
    }
}
