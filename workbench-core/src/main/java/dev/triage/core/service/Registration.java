package dev.triage.core.service;

/** A handle on something registered with the kernel; closing it removes the registration, and closing twice is harmless. */
@FunctionalInterface
public interface Registration extends AutoCloseable {

    /** Removes the registration. */
    @Override
    void close();
}
