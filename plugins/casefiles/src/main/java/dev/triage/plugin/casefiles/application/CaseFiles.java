package dev.triage.plugin.casefiles.application;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.CaseService;
import dev.triage.plugin.casefiles.infrastructure.CaseFilesRepository;
import java.sql.SQLException;
import java.util.List;

/** Lists the files of the current case. */
public final class CaseFiles {

    private final CaseService cases;

    /**
     * Creates the use case over the current-case service.
     *
     * @param cases the case service
     */
    public CaseFiles(CaseService cases) {
        this.cases = cases;
    }

    /**
     * Lists the current case's files, oldest import first.
     *
     * @return the files, empty when no case is open
     * @throws SQLException when the case database cannot be read
     */
    public List<CaseFile> list() throws SQLException {
        Case c = cases.current().orElse(null);
        return c == null ? List.of() : CaseFilesRepository.list(c);
    }
}
