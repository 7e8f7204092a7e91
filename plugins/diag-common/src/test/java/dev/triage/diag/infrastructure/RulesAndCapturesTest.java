package dev.triage.diag.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.core.diagnostics.CategorizedFinding;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Severity;
import dev.triage.diag.domain.FindingCollector;
import dev.triage.diag.domain.Numbers;
import dev.triage.diag.domain.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesAndCapturesTest {

    @TempDir
    Path dir;

    @Test
    void thresholdsRateAboveAndBelowAndUserFilesOverrideOnlyWhatTheyName() throws Exception {
        Rules rules = RulesLoader.defaults(RulesAndCapturesTest.class, "test-diagnostics");
        assertThat(rules.get("memory.used_ratio").rate(0.85)).isEqualTo(Severity.WARNING);
        assertThat(rules.get("memory.used_ratio").rate(0.99)).isEqualTo(Severity.CRITICAL);
        assertThat(rules.get("memory.used_ratio").rate(0.5)).isEqualTo(Severity.OK);
        assertThat(rules.get("hit.ratio").rate(0.7)).isEqualTo(Severity.WARNING);
        assertThat(rules.get("hit.ratio").rate(0.4)).isEqualTo(Severity.CRITICAL);
        Path user = Files.writeString(dir.resolve("user.json"), "{\"rules\": {\"memory.used_ratio\": {\"warning\": 0.5}}}");
        Rules merged = RulesLoader.override(rules, user);
        assertThat(merged.get("memory.used_ratio").warning()).isEqualTo(0.5);
        assertThat(merged.get("memory.used_ratio").critical()).isEqualTo(0.95);
        assertThat(merged.get("memory.used_ratio").description()).isEqualTo("used / max");
        assertThat(RulesLoader.override(rules, dir.resolve("absent.json"))).isSameAs(rules);
        assertThat(RulesLoader.userFile(dir, "redis-diagnostics")).isEqualTo(dir.resolve("diagnostics/redis-diagnostics.json"));
    }

    @Test
    void badRulesFilesNameTheFileAndTheRule() throws Exception {
        Rules rules = RulesLoader.defaults(RulesAndCapturesTest.class, "test-diagnostics");
        Path text = Files.writeString(dir.resolve("bad.json"), "{\"rules\": {\"memory.used_ratio\": {\"warning\": \"high\"}}}");
        assertThatThrownBy(() -> RulesLoader.override(rules, text)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("memory.used_ratio");
        Path missing = Files.writeString(dir.resolve("new.json"), "{\"rules\": {\"new.rule\": {\"warning\": 1}}}");
        assertThatThrownBy(() -> RulesLoader.override(rules, missing)).hasMessageContaining("new.rule").hasMessageContaining("critical");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"rules\": ");
        assertThatThrownBy(() -> RulesLoader.override(rules, broken)).hasMessageContaining("broken.json");
        assertThatThrownBy(() -> rules.get("nope")).hasMessageContaining("nope");
    }

    @Test
    void collectorKeepsOnlyAskedCategoriesAndAddsTheLimitToEvidence() {
        Rules rules = RulesLoader.defaults(RulesAndCapturesTest.class, "test-diagnostics");
        FindingCollector c = new FindingCollector("p", "t", Instant.EPOCH, Set.of("memory"), rules);
        c.rate("memory", "memory.used_ratio", 0.9, "used 90 %", "free some", Evidence.metric("used", "90"));
        c.add("cluster", Severity.CRITICAL, "down", "");
        c.metric("x", Double.NaN);
        c.metric("y", 2);
        assertThat(c.findings()).extracting(CategorizedFinding::category).containsExactly("memory");
        assertThat(c.findings().get(0).finding().evidence()).extracting(Evidence::value).contains(">= 0.80 (warning, rule memory.used_ratio)");
        assertThat(c.metrics()).containsOnlyKeys("y");
        assertThat(Numbers.bytes(64 * 1024 * 1024)).isEqualTo("64.0 MiB");
        assertThat(Numbers.percent(0.853)).isEqualTo("85.3 %");
        assertThat(Numbers.parse("NULL")).isNaN();
    }

    @Test
    void capturesRoundTripThroughTheCaseFolder() throws Exception {
        Capture c = new Capture("redis-diagnostics", "cache (10.0.0.5:6379)", Instant.parse("2026-11-23T08:00:00.123Z"),
                List.of(new CaptureItem("redis-info", "INFO ALL", "# Server\r\nredis_version:7.0.15\r\n"),
                        new CaptureItem("redis-slowlog", "SLOWLOG GET 128", "1\n2\n3\nget\n\"quoted\"\n")));
        Path file = CaptureFiles.save(dir, c);
        assertThat(file.getFileName().toString()).isEqualTo("20261123T080000Z-cache_10.0.0.5_6379_.json");
        String json = Files.readString(file);
        assertThat(CaptureFiles.isCapture(json)).isTrue();
        assertThat(CaptureFiles.isCapture("# Server\nredis_version:7")).isFalse();
        assertThat(CaptureFiles.fromJson(json, "x")).isEqualTo(c);
        assertThat(CaptureFiles.list(dir)).containsExactly(file);
        assertThatThrownBy(() -> CaptureFiles.fromJson("{\"format\": \"other\"}", "f.json")).hasMessageContaining("f.json");
    }

    @Test
    void resultsPrintFindingsAndExitNonZeroOnCritical() {
        Capture c = new Capture("p", "t", Instant.EPOCH, List.of(new CaptureItem("k", "", "")));
        FindingCollector fc = new FindingCollector("p", "t", Instant.EPOCH, Set.of(), RulesLoader.defaults(RulesAndCapturesTest.class,
                "test-diagnostics"));
        fc.add("memory", Severity.CRITICAL, "full", "free it", Evidence.metric("used", "100 %"));
        DiagnosisResult r = DiagnosisResult.of(new Diagnosis(c, fc.findings(), fc.metrics()), null);
        assertThat(r.text()).contains("CRITICAL [memory] full").contains("used = 100 %").contains("-> free it");
        assertThat(r.markdown()).contains("- **CRITICAL** [memory] full");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(new DiagnosisResults(List.of(r), List.of("x.txt: no such file")).text()).contains("skipped: x.txt");
        assertThat(DiagnosticsService.categories(" memory, cluster ,")).containsExactly("memory", "cluster");
    }
}
