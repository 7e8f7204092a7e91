package dev.triage.plugin.flame.application;

/**
 * Arguments of {@code flame.collect}: {@code triage flame collect --pprof URL --seconds 30 --case DIR} or
 * {@code --jfr-pid PID}.
 *
 * @param pprof a Go pprof profile endpoint, such as {@code http://tidb:10080/debug/pprof/profile}
 * @param jfrPid the process id of a local JVM to record with JFR
 * @param seconds how long to profile (default 30)
 */
public record CollectArgs(String pprof, Long jfrPid, Integer seconds) {
}
