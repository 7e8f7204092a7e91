package dev.triage.plugin.flame.application;

import dev.triage.core.task.TaskContext;
import java.nio.file.Path;

/** Captures a profile from a running system into a file. */
public interface Collector {

    /**
     * Fetches a Go pprof profile over HTTP for some seconds.
     *
     * @param url the endpoint ({@code ?seconds=N} is added unless the URL has it)
     * @param seconds how long to profile
     * @param target where to write the profile
     * @param context progress (time elapsed) and cancellation
     * @throws Exception when the endpoint fails or the task is cancelled
     */
    void pprof(String url, int seconds, Path target, TaskContext context) throws Exception;

    /**
     * Records a local JVM with JFR for some seconds through {@code jcmd} (JFR.start, then JFR.dump).
     *
     * @param pid the JVM's process id
     * @param seconds how long to record
     * @param target where to write the recording
     * @param context progress and cancellation
     * @throws Exception when the JVM cannot be attached or the task is cancelled
     */
    void jfr(long pid, int seconds, Path target, TaskContext context) throws Exception;
}
