package dev.triage.plugin.overview.application;

import dev.triage.plugin.overview.domain.Silence;
import java.time.Instant;
import java.util.List;

/** Port: the silences and acknowledgements of the open case, shared by the window, the CLI and {@code triage watch}. */
public interface Silences {

    /**
     * The silences that have not ended at a time.
     *
     * @param now the time
     * @return the silences
     * @throws Exception when the case cannot be read
     */
    List<Silence> silences(Instant now) throws Exception;

    /**
     * Whether an alert (rule and target) is acknowledged: its repeats are not sent until it resolves.
     *
     * @param fingerprint the alert's fingerprint (rule/target)
     * @return true when acknowledged
     * @throws Exception when the case cannot be read
     */
    boolean acknowledged(String fingerprint) throws Exception;

    /**
     * Forgets the acknowledgement of an alert that resolved.
     *
     * @param fingerprint the alert's fingerprint
     * @throws Exception when the case cannot be written
     */
    void clearAcknowledgement(String fingerprint) throws Exception;

    /** No silences, nothing acknowledged. */
    Silences NONE = new Silences() {
        @Override
        public List<Silence> silences(Instant now) {
            return List.of();
        }

        @Override
        public boolean acknowledged(String fingerprint) {
            return false;
        }

        @Override
        public void clearAcknowledgement(String fingerprint) {
        }
    };
}
