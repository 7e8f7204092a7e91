package dev.triage.plugin.slowlog.application;

/**
 * Arguments of {@code slowlog.case-digest}: {@code limit=10 order=sum}.
 *
 * @param limit how many classes to return (default 20)
 * @param order sum, max, avg, p95 or count (default sum)
 */
public record CaseDigestArgs(Integer limit, String order) {
}
