package dev.triage.diag.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.triage.core.finding.Severity;
import dev.triage.diag.domain.Rules;
import dev.triage.diag.domain.Threshold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any user rules file: it either overrides thresholds into rules that still rate every value, keeping every shipped key,
 * or is refused with an IOException naming the file (issue 12).
 */
class RulesFileFuzzTest {

    private static final Rules DEFAULTS = RulesLoader.defaults(RulesFileFuzzTest.class, "test-diagnostics");

    @FuzzTest(maxDuration = "60s")
    void aUserRulesFileOverridesCompletelyOrIsRefusedByName(byte[] data) throws IOException {
        Path file = Files.createTempFile("rules-fuzz", ".json");
        try {
            Files.write(file, data);
            Rules merged;
            try {
                merged = RulesLoader.override(DEFAULTS, file);
            } catch (IOException refused) {
                assertThat(refused.getMessage()).contains(file.toString());
                return;
            }
            assertThat(merged.all().keySet()).containsAll(DEFAULTS.all().keySet());
            for (Threshold t : merged.all().values()) {
                for (double v : new double[] {0, 0.5, 1, 1e9, -1, Double.NaN}) {
                    Severity s = t.rate(v);
                    assertThat(s).isNotNull();
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
