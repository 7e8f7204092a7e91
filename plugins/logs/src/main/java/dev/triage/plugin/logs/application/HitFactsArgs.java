package dev.triage.plugin.logs.application;

import java.util.List;

/**
 * Arguments of {@code logs.hit-facts}: a search whose hits the fact rules then read ({@code --must deadlock --max-hits 200}).
 *
 * @param must terms that must all occur in the line
 * @param any terms of which at least one must occur
 * @param none terms that must not occur
 * @param regex an RE2 regex the line must match
 * @param ignoreCase ignore case in terms and regex
 * @param since only entries at or after this time
 * @param until only entries before this time
 * @param maxHits the most hits read (default 500)
 * @param file only this file (its name or id)
 * @param limit how many facts to list (default 50; the counts cover them all)
 */
public record HitFactsArgs(List<String> must, List<String> any, List<String> none, String regex, Boolean ignoreCase, String since,
        String until, Integer maxHits, String file, Integer limit) {

    /**
     * The search these arguments describe, without context lines.
     *
     * @return the search arguments
     */
    public SearchArgs search() {
        return new SearchArgs(must, any, none, regex, ignoreCase, since, until, maxHits, 0, file, null, null);
    }
}
