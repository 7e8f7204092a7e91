package dev.triage.plugin.logs.application;

import java.util.List;

/**
 * A log search: {@code --must a --must b --any x --none y --regex 're' --since .. --until .. --max-hits 500 --context 3}.
 *
 * @param must terms that must all occur in the line
 * @param any terms of which at least one must occur
 * @param none terms that must not occur
 * @param regex an RE2 regex the line must match
 * @param ignoreCase ignore case in terms and regex
 * @param since only entries at or after this time (ISO-8601; the case's zone when none is given)
 * @param until only entries before this time
 * @param maxHits the most hits returned (default 500)
 * @param context lines shown before and after each hit (0-12)
 * @param file only this file (its name or id)
 * @param cursor go on after this cursor (from the last page's {@code nextCursor})
 * @param budgetMs stop after this many milliseconds (default 30000)
 */
public record SearchArgs(List<String> must, List<String> any, List<String> none, String regex, Boolean ignoreCase, String since,
        String until, Integer maxHits, Integer context, String file, String cursor, Long budgetMs) {

    /** The default page size. */
    public static final int DEFAULT_MAX_HITS = 500;
    /** The most context lines on each side. */
    public static final int MAX_CONTEXT = 12;
}
