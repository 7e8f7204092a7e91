package dev.triage.core.task;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The one factory for kernel threads: daemon threads named {@code prefix-N}. */
public final class NamedThreads {

    private NamedThreads() {
    }

    /**
     * Returns a factory for daemon threads named after a prefix.
     *
     * @param prefix the name prefix, such as {@code triage-task}
     * @return the thread factory
     */
    public static ThreadFactory factory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
