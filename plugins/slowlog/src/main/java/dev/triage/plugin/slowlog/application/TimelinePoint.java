package dev.triage.plugin.slowlog.application;

import java.time.Instant;

/**
 * One time bucket of a query class: how often it ran and how long it took.
 *
 * @param start the start of the bucket
 * @param count executions in the bucket
 * @param sumQueryTime the total query time in the bucket, seconds
 * @param maxQueryTime the longest execution in the bucket, seconds
 */
public record TimelinePoint(Instant start, long count, double sumQueryTime, double maxQueryTime) {
}
