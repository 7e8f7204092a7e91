package dev.triage.plugin.overview.domain;

/** States of an alert per rule and target, as in Prometheus. */
public enum AlertState {
    /** The condition does not hold. */
    INACTIVE,
    /** The condition holds, for less than the rule's duration. */
    PENDING,
    /** The condition has held for the rule's duration. */
    FIRING,
    /** The condition stopped holding after firing (shown once, then inactive). */
    RESOLVED
}
