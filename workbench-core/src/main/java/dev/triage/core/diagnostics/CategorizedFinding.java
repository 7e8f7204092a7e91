package dev.triage.core.diagnostics;

import dev.triage.core.finding.Finding;
import java.util.Objects;

/**
 * A finding of a diagnosis together with the category it belongs to.
 *
 * @param category the category id, such as {@code memory}
 * @param finding the finding
 */
public record CategorizedFinding(String category, Finding finding) {

    /** Checks both parts are present. */
    public CategorizedFinding {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(finding, "finding");
    }
}
