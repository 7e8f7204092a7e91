package dev.triage.plugin.slowlog.application;

import java.util.List;

/**
 * Arguments of {@code slowlog.compare}: {@code a=before.log b=after.log [limit=20]}.
 *
 * @param a the slow logs of the baseline (plain or gzip)
 * @param b the slow logs to compare with the baseline
 * @param limit how many classes to return, biggest change first (default 20)
 */
public record CompareArgs(List<String> a, List<String> b, Integer limit) {
}
