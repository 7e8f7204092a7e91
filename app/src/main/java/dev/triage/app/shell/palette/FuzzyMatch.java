package dev.triage.app.shell.palette;

import java.util.Locale;

/** Scores how well typed letters match a text in order (subsequence match), favouring word starts and runs. */
public final class FuzzyMatch {

    private FuzzyMatch() {
    }

    /**
     * Scores a query against a text.
     *
     * @param query what the user typed; blank matches everything with score 0
     * @param text the candidate
     * @return a score, higher is better, or -1 when the query's letters do not all appear in order
     */
    public static int score(String query, String text) {
        String q = query.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        String t = text.toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return 0;
        }
        int score = 0;
        int ti = 0;
        int prev = -2;
        for (int qi = 0; qi < q.length(); qi++) {
            char c = q.charAt(qi);
            int found = t.indexOf(c, ti);
            if (found < 0) {
                return -1;
            }
            score += 1;
            if (found == prev + 1) {
                score += 5;
            }
            if (found == 0 || !Character.isLetterOrDigit(t.charAt(found - 1))) {
                score += 8;
            }
            prev = found;
            ti = found + 1;
        }
        if (t.contains(q)) {
            score += 20;
        }
        return score - t.length() / 10;
    }
}
