package dev.triage.core.report;

import dev.triage.core.cases.Case;
import dev.triage.core.finding.FindingStore;
import java.time.Instant;
import java.util.Objects;

/**
 * What a report is asked for: the case it is about and when it is generated.
 *
 * @param currentCase the open case the report describes
 * @param generated the report's generation time
 */
public record ReportRequest(Case currentCase, Instant generated) {

    /** Checks both parts are present. */
    public ReportRequest {
        Objects.requireNonNull(currentCase, "case");
        Objects.requireNonNull(generated, "generation time");
    }

    /**
     * Returns the case's findings store, for contributors that report findings.
     *
     * @return a store over the case database
     */
    public FindingStore findings() {
        return new FindingStore(currentCase);
    }
}
