package dev.triage.core.plugin;

import dev.triage.core.task.NamedThreads;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs plugin code on its own thread with a time limit, turning throws and hangs into a {@link SandboxException}. */
public final class Sandbox implements AutoCloseable {

    private final ExecutorService threads = Executors.newCachedThreadPool(NamedThreads.factory("triage-sandbox"));
    private final Duration timeout;

    /**
     * Creates a sandbox with a default time limit.
     *
     * @param timeout how long plugin code may run before it is abandoned
     */
    public Sandbox(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Returns the default time limit.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Runs plugin code and waits for it within the default time limit.
     *
     * @param what a description for the error message, such as {@code "init of plugin 'x'"}
     * @param work the code
     * @param <T> the result type
     * @return the code's result
     * @throws SandboxException when the code throws or runs past the limit (its thread is then interrupted)
     */
    public <T> T call(String what, Callable<T> work) throws SandboxException {
        return call(what, timeout, work);
    }

    /**
     * Runs plugin code and waits for it within the given time limit.
     *
     * @param what a description for the error message
     * @param limit the time limit
     * @param work the code
     * @param <T> the result type
     * @return the code's result
     * @throws SandboxException when the code throws or runs past the limit (its thread is then interrupted)
     */
    public <T> T call(String what, Duration limit, Callable<T> work) throws SandboxException {
        Future<T> f;
        try {
            f = threads.submit(work);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            throw new SandboxException(what + " was not run: Triage is shutting down", closed);
        }
        try {
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new SandboxException(what + " did not finish within " + limit.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new SandboxException(what + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new SandboxException(what + " was interrupted", e);
        }
    }

    /** Stops the sandbox threads, interrupting code still running. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
