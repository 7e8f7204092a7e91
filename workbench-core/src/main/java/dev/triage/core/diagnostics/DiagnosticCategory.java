package dev.triage.core.diagnostics;

import java.util.Objects;

/**
 * One area a middleware diagnostic looks at, such as memory, replication or consumer groups.
 *
 * @param id the stable id used on the command line ({@code memory}, {@code replication})
 * @param title the name shown to users
 */
public record DiagnosticCategory(String id, String title) {

    /** Checks the id is present and uses it as title when none is given. */
    public DiagnosticCategory {
        Objects.requireNonNull(id, "category id");
        title = title == null || title.isBlank() ? id : title;
    }
}
