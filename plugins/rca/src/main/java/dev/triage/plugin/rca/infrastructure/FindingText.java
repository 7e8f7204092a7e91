package dev.triage.plugin.rca.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.FindingStore;
import java.sql.SQLException;

/** Finds a case's finding by the title a {@code finding:<title>} evidence link carries, and writes it out as text. */
public final class FindingText {

    private FindingText() {
    }

    /**
     * Returns the most serious finding of the case with this title.
     *
     * @param c the case
     * @param title the finding's title
     * @return the finding
     * @throws SQLException when the case cannot be read
     * @throws IllegalArgumentException when the case has no such finding
     */
    public static Finding find(Case c, String title) throws SQLException {
        return new FindingStore(c).list().stream().filter(f -> f.title().equals(title)).sorted(Finding.MOST_SERIOUS_FIRST).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No finding titled '" + title + "' in the case"));
    }

    /**
     * Writes a finding as lines: severity and title, evidence, suggestion, and where and when it was found.
     *
     * @param f the finding
     * @return the text
     */
    public static String describe(Finding f) {
        StringBuilder out = new StringBuilder().append('[').append(f.severity()).append("] ").append(f.title());
        for (Evidence e : f.evidence()) {
            out.append(System.lineSeparator()).append("  ").append(e.name().isEmpty() ? "" : e.name() + ": ").append(e.value());
        }
        if (!f.suggestion().isEmpty()) {
            out.append(System.lineSeparator()).append("What to do: ").append(f.suggestion());
        }
        out.append(System.lineSeparator()).append(f.source().pluginId()).append(" · ").append(f.source().target()).append(" · ")
                .append(f.source().time());
        return out.toString();
    }
}
