package dev.triage.plugin.ddl.application;

import dev.triage.core.cases.CaseService;
import dev.triage.plugin.ddl.api.DdlCheckRequest;
import dev.triage.plugin.ddl.api.DdlCheckResult;
import dev.triage.plugin.ddl.api.DdlChecker;
import java.time.Clock;
import java.util.Locale;

/** Runs checks for the view and the command, and records them in the current case when one is open. */
public final class CaseChecks {

    private final DdlChecker checker;
    private final CaseService cases;
    private final DdlCheckStore store;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param checker the checker
     * @param cases the current case
     * @param store where checks are recorded
     * @param clock the time of each record
     */
    public CaseChecks(DdlChecker checker, CaseService cases, DdlCheckStore store, Clock clock) {
        this.checker = checker;
        this.cases = cases;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Checks and records the result in the open case, if any.
     *
     * @param request the statements
     * @return the result
     * @throws Exception when recording fails
     */
    public DdlCheckResult check(DdlCheckRequest request) throws Exception {
        DdlCheckResult result = checker.check(request);
        var current = cases.current();
        if (current.isPresent() && !result.statements().isEmpty()) {
            store.save(current.get(), result, request.dialect().name().toLowerCase(Locale.ROOT), clock.instant());
        }
        return result;
    }

    /**
     * Returns the checker as a service that records into the case.
     *
     * @return the recording checker
     */
    public DdlChecker recording() {
        return request -> {
            try {
                return check(request);
            } catch (Exception e) {
                throw new IllegalStateException("could not record the DDL check in the case: " + e.getMessage(), e);
            }
        };
    }
}
