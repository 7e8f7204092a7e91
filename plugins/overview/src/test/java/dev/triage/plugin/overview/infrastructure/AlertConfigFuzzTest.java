package dev.triage.plugin.overview.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.triage.plugin.overview.application.AlertInbox;
import dev.triage.plugin.overview.application.AlertRuleFiles;
import dev.triage.plugin.overview.domain.AlertEngine;
import dev.triage.plugin.overview.domain.AlertRule;
import dev.triage.plugin.overview.domain.AlertState;
import dev.triage.plugin.overview.domain.AlertTransition;
import dev.triage.plugin.overview.domain.Matcher;
import dev.triage.plugin.overview.domain.Sample;
import dev.triage.plugin.overview.domain.TimeWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzz tests of the alert configuration a user writes by hand: rule files (TOML), label matchers, time windows and the
 * notification file. Under {@code mvn verify} they replay the saved inputs; {@code JAZZER_FUZZ=1} searches for new ones.
 */
class AlertConfigFuzzTest {

    /** Any TOML text: an IOException naming the file, or rules that survive a write and a read unchanged and evaluate cleanly. */
    @FuzzTest(maxDuration = "30s")
    void rulesTomlRoundTripAndTheEngineNeverThrows(FuzzedDataProvider data) throws Exception {
        double value = data.consumeDouble();
        String text = data.consumeRemainingAsString();
        List<AlertRule> rules;
        try {
            rules = AlertRulesFile.parseToml(text, "fuzz.toml");
        } catch (IOException e) {
            assertThat(e.getMessage()).startsWith("fuzz.toml");
            return;
        }
        if (AlertRuleFiles.problems(rules).isEmpty()) {
            Path dir = Files.createTempDirectory("fuzz-rules");
            try {
                Path file = dir.resolve(AlertRulesFile.TOML_FILE);
                AlertRulesFile.writeToml(rules, file);
                assertThat(AlertRulesFile.load(dir, null)).isEqualTo(rules);
            } finally {
                Files.deleteIfExists(dir.resolve(AlertRulesFile.TOML_FILE));
                Files.deleteIfExists(dir);
            }
        }
        AlertEngine engine = new AlertEngine(rules);
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        for (AlertRule r : rules) {
            for (AlertTransition tr : engine.evaluate(new Sample("target", t, true, "", Map.of(r.metric(), value), ""))) {
                assertThat(tr.from()).isNotEqualTo(tr.to());
            }
        }
        assertThat(engine.tick(t.plusSeconds(3600 * 24 * 365))).allSatisfy(tr -> assertThat(tr.to()).isIn(AlertState.values()));
    }

    /** Any matcher text: refused with IllegalArgumentException, or a matcher that keeps what its comparison says. */
    @FuzzTest(maxDuration = "30s")
    void matchersAndWindowsKeepTheirPromises(FuzzedDataProvider data) {
        String text = data.consumeString(200);
        String other = data.consumeString(50);
        int minute = data.consumeInt(0, 7 * 24 * 60);
        String window = data.consumeRemainingAsString();
        try {
            Matcher m = Matcher.parse(text);
            boolean same = m.matches(Map.of(m.label(), m.value()));
            switch (m.type()) {
                case EQ -> assertThat(same).isTrue();
                case NE -> assertThat(same).isFalse();
                case RE, NRE -> assertThat(m.matches(Map.of(m.label(), other))).isEqualTo(
                        (m.type() == Matcher.Type.RE) == com.google.re2j.Pattern.matches(m.value(), other));
                default -> throw new AssertionError(m.type());
            }
        } catch (IllegalArgumentException expected) {
            // a refused matcher says why
            assertThat(expected.getMessage()).isNotNull();
        }
        try {
            TimeWindow w = TimeWindow.parse(window, null, null);
            Instant at = Instant.parse("2026-11-23T00:00:00Z").plusSeconds(60L * minute);
            java.time.LocalTime time = java.time.LocalTime.ofInstant(at, java.time.ZoneOffset.UTC);
            boolean inside = w.from().isBefore(w.to()) ? !time.isBefore(w.from()) && time.isBefore(w.to())
                    : w.from().equals(w.to()) ? false : !time.isBefore(w.from()) || time.isBefore(w.to());
            assertThat(w.contains(at)).as("%s at %s", window, time).isEqualTo(inside);
        } catch (RuntimeException refused) {
            assertThat(refused).isInstanceOfAny(IllegalArgumentException.class, java.time.DateTimeException.class);
        }
    }

    /** Any notification file: an IOException naming the file, or routes whose receivers all exist. */
    @FuzzTest(maxDuration = "30s")
    void notifyFilesFailWithAMessageOrBuildTheirRoutes(byte[] data) {
        String text = new String(data, java.nio.charset.StandardCharsets.UTF_8);
        AlertNotifyFile.Config config;
        try {
            config = AlertNotifyFile.parse(text, "fuzz.json", key -> Optional.of("http://127.0.0.1:9/hook".toCharArray()),
                    new AlertInbox(null, Clock.systemUTC()), Clock.systemUTC());
        } catch (IOException e) {
            assertThat(e.getMessage()).startsWith("fuzz.json");
            return;
        }
        config.routes().forEach(r -> assertThat(config.receivers().keySet()).containsAll(r.receivers()));
    }
}
