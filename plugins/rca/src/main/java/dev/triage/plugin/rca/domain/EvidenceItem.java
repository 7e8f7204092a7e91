package dev.triage.plugin.rca.domain;

import java.time.Instant;

/**
 * One thing found for a piece of evidence, with a link to where it is shown.
 *
 * @param at when it happened, or null when unknown
 * @param text what was found, such as a finding title or a log line
 * @param ref a link: {@code finding:<title>}, {@code slowlog:<checksum>}, {@code log:<file>:<line>}, {@code flame:<function>}
 */
public record EvidenceItem(Instant at, String text, String ref) {

    /** Turns null text and links into empty ones. */
    public EvidenceItem {
        text = text == null ? "" : text;
        ref = ref == null ? "" : ref;
    }
}
