package dev.triage.plugin.rca.domain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A known bug or vulnerability of a product.
 *
 * @param id the id, such as a CVE or a tracker number
 * @param product mysql, mariadb, tidb, redis or kafka
 * @param title what goes wrong
 * @param affected the affected versions
 * @param fixed the first fixed versions per release line
 * @param symptoms regular expressions for signs of it in findings and log lines
 * @param link where it is described
 */
public record KnownIssue(String id, String product, String title, VersionRange affected, List<String> fixed,
                         List<Pattern> symptoms, String link) {

    /** Copies the lists and lower-cases the product. */
    public KnownIssue {
        product = product.toLowerCase(Locale.ROOT);
        fixed = List.copyOf(fixed);
        symptoms = List.copyOf(symptoms);
    }

    /**
     * Tells whether the issue mentions a text in its id, title, product or links (offline search).
     *
     * @param query words, all of which must appear, case-insensitive
     * @return true when every word appears
     */
    public boolean mentions(String query) {
        String hay = (id + " " + product + " " + title + " " + link + " "
                + symptoms.stream().map(Pattern::pattern).reduce("", (a, b) -> a + " " + b)).toLowerCase(Locale.ROOT);
        for (String w : query.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!w.isEmpty() && !hay.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
