package dev.triage.plugin.overview.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.plugin.overview.infrastructure.AlertRulesFile;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class AlertRulesFileTest {

    @Test
    void theShippedDefaultsLoadAndABadRuleIsNamed() throws Exception {
        assertThat(AlertRulesFile.defaults()).extracting(AlertRule::name).contains("target-down", "connections-near-limit", "replication-lag");
        assertThatThrownBy(() -> AlertRulesFile.parse("{\"rules\": [{\"name\": \"x\", \"metric\": \"up\", \"op\": \"~\"}]}", "mine.json"))
                .isInstanceOf(IOException.class).hasMessageContaining("mine.json: rule 1 (x)").hasMessageContaining("Unknown comparison");
    }
}
