package dev.triage.plugin.slowlog.application;

import java.util.List;

/**
 * Arguments of {@code slowlog.digest}: {@code files=a.log files=b.log.gz limit=10 order=sum}.
 *
 * @param files the slow logs to digest (plain or gzip)
 * @param limit how many classes to print (default 20)
 * @param order sum, max, avg, p95 or count (default sum)
 */
public record DigestArgs(List<String> files, Integer limit, String order) {
}
