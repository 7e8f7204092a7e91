package dev.triage.core.finding;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One result of a diagnostic, DDL check or alert rule, rendered the same way everywhere.
 *
 * @param severity how serious it is
 * @param title a one-line statement of what was found
 * @param evidence the lines and metric values that back it, possibly none
 * @param suggestion what to do about it, empty when nothing
 * @param source which plugin found it, on what, and when
 */
public record Finding(Severity severity, String title, List<Evidence> evidence, String suggestion, FindingSource source) {

    /** The order findings are listed in: most serious first, then oldest first, then by title. */
    public static final Comparator<Finding> MOST_SERIOUS_FIRST = Comparator.comparing(Finding::severity).reversed()
            .thenComparing(f -> f.source().time())
            .thenComparing(Finding::title);

    /** Checks the required parts and copies the evidence list. */
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A finding from '" + source.pluginId() + "' needs a title");
        }
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        suggestion = suggestion == null ? "" : suggestion;
    }
}
