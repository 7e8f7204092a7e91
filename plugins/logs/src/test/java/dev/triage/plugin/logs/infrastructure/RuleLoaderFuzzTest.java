package dev.triage.plugin.logs.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.triage.plugin.logs.domain.FactRule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Any rule file: loading either gives rules that are complete (name, compiled pattern, fields that are groups of it, a known
 * severity) and usable on any text, or refuses the file with an IllegalArgumentException naming it (issue 12).
 */
class RuleLoaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void aRuleFileLoadsIntoCompleteRulesOrIsRefusedByName(byte[] data) {
        String toml = new String(data, StandardCharsets.UTF_8);
        List<FactRule> rules;
        try {
            rules = RuleLoader.parse(toml, "fuzz.toml");
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).startsWith("fuzz.toml");
            return;
        }
        for (FactRule r : rules) {
            assertThat(r.name()).isNotBlank();
            assertThat(r.compiled()).isNotNull();
            assertThat(Set.of("INFO", "WARNING", "CRITICAL")).contains(r.severity());
            assertThat(r.compiled().namedGroups().keySet()).containsAll(r.fields());
            var fields = r.match(toml);
            if (fields != null) {
                assertThat(fields.keySet()).containsExactlyInAnyOrderElementsOf(r.fields());
            }
        }
    }
}
