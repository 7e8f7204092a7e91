package dev.triage.plugin.logs.application;

/**
 * Arguments of {@code logs.timeline}: one page of the merged, time-ordered entries of all files.
 *
 * @param since only entries at or after this time (the case's zone when none is given)
 * @param until only entries before this time
 * @param level only entries of at least this level (TRACE, DEBUG, INFO, WARN, ERROR, FATAL)
 * @param file only this file (name or id)
 * @param text only entries whose text contains this, ignoring case
 * @param fact only entries with a fact of this rule
 * @param limit rows per page (default 200)
 * @param cursor go on after this cursor (the last page's {@code nextCursor})
 */
public record TimelineArgs(String since, String until, String level, String file, String text, String fact, Integer limit, String cursor) {
}
