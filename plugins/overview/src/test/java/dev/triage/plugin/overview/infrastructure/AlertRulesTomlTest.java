package dev.triage.plugin.overview.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.finding.Severity;
import dev.triage.plugin.overview.domain.AlertRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules as TOML: written by the editor, read back equal, found before the JSON file, errors with the line. */
class AlertRulesTomlTest {

    @TempDir
    Path folder;

    @Test
    void writesAndReadsBackEveryFieldIncludingQuotesAndLabels() throws Exception {
        List<AlertRule> rules = List.of(
                new AlertRule("lag \"critical\"", "replication_delay_s", AlertRule.Op.GE, 600, Duration.ofMinutes(5), Severity.CRITICAL,
                        "prod-.*\\d", "{target} lags {value} s\nact now", Duration.ofSeconds(90), Map.of("team", "db", "page", "yes")),
                new AlertRule("hit-ratio", "buffer_pool_hit_pct", AlertRule.Op.LT, 95.5, Duration.ZERO, Severity.INFO, null, null));
        Path file = folder.resolve(AlertRulesFile.TOML_FILE);
        AlertRulesFile.writeToml(rules, file);
        assertThat(Files.readString(file)).contains("[[rules]]").contains("name = \"lag \\\"critical\\\"\"")
                .contains("labels = { \"page\" = \"yes\", \"team\" = \"db\" }").contains("keep_firing_for = \"90s\"");
        assertThat(AlertRulesFile.load(folder, null)).isEqualTo(rules);
        Files.writeString(folder.resolve(AlertRulesFile.FILE), "{\"rules\": []}");
        assertThat(AlertRulesFile.find(folder, null)).as("TOML before JSON").isEqualTo(file);
    }

    @Test
    void aBrokenTomlFileIsNamedWithItsLine() {
        assertThatThrownBy(() -> AlertRulesFile.parseToml("format = 1\n[[rules]]\nname = \"x\nmetric = \"up\"\n", "alert-rules.toml"))
                .hasMessageStartingWith("alert-rules.toml is not valid TOML at line 3");
        assertThatThrownBy(() -> AlertRulesFile.parseToml("[[rules]]\nname = \"x\"\nmetric = \"up\"\nop = \"~\"\n", "alert-rules.toml"))
                .hasMessageContaining("rule 1 (x): Unknown comparison '~'");
    }
}
