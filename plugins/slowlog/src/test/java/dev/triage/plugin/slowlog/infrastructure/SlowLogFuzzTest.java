package dev.triage.plugin.slowlog.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.triage.plugin.slowlog.domain.Fingerprint;
import dev.triage.plugin.slowlog.domain.SlowQueryEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzz tests of the slow-log parser and the fingerprint (issue #12). Under {@code mvn verify} they replay the inputs
 * saved in {@code src/test/resources/.../SlowLogFuzzTestInputs}; {@code JAZZER_FUZZ=1} searches for new ones (see
 * docs/fuzzing.md).
 */
class SlowLogFuzzTest {

    /** Any bytes: no crash, the same events whether read in one batch or one record per batch, ids match fingerprints. */
    @FuzzTest(maxDuration = "30s")
    void anyBytesParseTheSameInBatchesAndClassIdsAreTheFingerprintsMd5(byte[] data) throws IOException {
        BatchedParseTest.Outcome whole;
        try {
            whole = parse(data, Integer.MAX_VALUE);
        } catch (IOException e) {
            return; // a stream that cannot be read at all (not gzip-damage, which is a problem, not an exception)
        }
        assertThat(parse(data, 1)).isEqualTo(whole);
        for (SlowQueryEvent e : whole.events()) {
            assertThat(e.checksum()).matches("[0-9A-F]{32}");
            assertThat(e.line()).isBetween(1L, Math.max(1L, whole.lines()));
        }
        assertThat(whole.problemCount()).isGreaterThanOrEqualTo(whole.problems().size());
    }

    /** Any statement: the fingerprint is the same every time, has no upper-case ASCII letter, and its id is its MD5. */
    @FuzzTest(maxDuration = "30s")
    void fingerprintsAreDeterministicLowerCaseAndIdentifiedByTheirMd5(FuzzedDataProvider data) {
        String query = new String(data.consumeRemainingAsBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        String fingerprint = Fingerprint.of(query);
        assertThat(Fingerprint.of(query)).isEqualTo(fingerprint);
        if (!fingerprint.equals(query) && !fingerprint.startsWith("administrator command: ")) {
            assertThat(fingerprint.chars().noneMatch(c -> c >= 'A' && c <= 'Z')).as(fingerprint).isTrue();
        }
        assertThat(Fingerprint.checksum(fingerprint)).hasSize(32);
    }

    private static BatchedParseTest.Outcome parse(byte[] data, int batch) throws IOException {
        return BatchedParseTest.parse(new ByteArrayInputStream(data), batch);
    }
}
