package dev.triage.plugin.report.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The user's choices for a case's report, kept in the case: section order and selection, the conclusion written at
 * the top, whether the notes are included, whether SQL literals are masked, and the values marked as sensitive.
 *
 * @param order section titles in the order the user wants them; sections not listed follow in their own order
 * @param hidden titles of the sections left out
 * @param conclusion the conclusion shown first, empty for none
 * @param includeNotes whether the case notes ({@code notes.md}) are included at the top
 * @param maskLiterals whether literal values in SQL samples are replaced with {@code ?}
 * @param sensitive the values never to write, by hash
 */
public record ReportLayout(List<String> order, Set<String> hidden, String conclusion, boolean includeNotes,
                           boolean maskLiterals, List<SecretRedactor.SensitiveValue> sensitive) {

    /** Copies the collections and turns nulls into empty values. */
    public ReportLayout {
        order = order == null ? List.of() : List.copyOf(new LinkedHashSet<>(order));
        hidden = hidden == null ? Set.of() : Set.copyOf(hidden);
        conclusion = conclusion == null ? "" : conclusion;
        sensitive = sensitive == null ? List.of() : List.copyOf(sensitive);
    }

    /**
     * Returns the layout of a case whose user chose nothing yet: every section, notes included, literals masked.
     *
     * @return the default layout
     */
    public static ReportLayout defaults() {
        return new ReportLayout(List.of(), Set.of(), "", true, true, List.of());
    }

    /**
     * Orders section titles as the user chose, the ones the user never placed keeping their own order after them.
     *
     * @param available the titles of the sections the plugins contribute, in their order
     * @return every available title, in the chosen order, hidden ones included
     */
    public List<String> ordered(List<String> available) {
        List<String> out = new ArrayList<>();
        for (String t : order) {
            if (available.contains(t)) {
                out.add(t);
            }
        }
        for (String t : available) {
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Returns the titles to write, in order, without the hidden ones.
     *
     * @param available the titles the plugins contribute
     * @return the selected titles in order
     */
    public List<String> selected(List<String> available) {
        return ordered(available).stream().filter(t -> !hidden.contains(t)).toList();
    }

    /**
     * Returns this layout with another order and selection.
     *
     * @param newOrder the titles in order
     * @param newHidden the titles left out
     * @return the new layout
     */
    public ReportLayout withSections(List<String> newOrder, Set<String> newHidden) {
        return new ReportLayout(newOrder, newHidden, conclusion, includeNotes, maskLiterals, sensitive);
    }

    /**
     * Returns this layout with another conclusion.
     *
     * @param text the conclusion
     * @return the new layout
     */
    public ReportLayout withConclusion(String text) {
        return new ReportLayout(order, hidden, text, includeNotes, maskLiterals, sensitive);
    }

    /**
     * Returns this layout with the options changed.
     *
     * @param notes whether the notes are included
     * @param mask whether SQL literals are masked
     * @return the new layout
     */
    public ReportLayout withOptions(boolean notes, boolean mask) {
        return new ReportLayout(order, hidden, conclusion, notes, mask, sensitive);
    }

    /**
     * Returns this layout with one more sensitive value.
     *
     * @param value the hashed value
     * @return the new layout
     */
    public ReportLayout withSensitive(SecretRedactor.SensitiveValue value) {
        List<SecretRedactor.SensitiveValue> all = new ArrayList<>(sensitive);
        all.add(value);
        return new ReportLayout(order, hidden, conclusion, includeNotes, maskLiterals, all);
    }
}
