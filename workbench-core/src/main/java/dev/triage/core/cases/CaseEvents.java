package dev.triage.core.cases;

import java.nio.file.Path;

/** Events about the current case, published on the EventBus. */
public final class CaseEvents {

    private CaseEvents() {
    }

    /**
     * A case became the current case.
     *
     * @param folder the case folder
     * @param name the case name
     */
    public record Opened(Path folder, String name) {
    }

    /**
     * The current case was closed.
     *
     * @param folder the case folder
     */
    public record Closed(Path folder) {
    }

    /**
     * An import committed into the current case.
     *
     * @param folder the case folder
     * @param summary what it brought
     */
    public record Imported(Path folder, ImportSummary summary) {
    }
}
