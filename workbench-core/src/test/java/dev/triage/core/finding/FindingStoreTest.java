package dev.triage.core.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.SchemaMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.123456Z");

    @TempDir
    Path dir;

    private static Finding finding(Severity s, String title, long secondsAfter, Evidence... evidence) {
        return new Finding(s, title, List.of(evidence), "Check it", new FindingSource("diag-mysql", "db1:3306", T0.plusSeconds(secondsAfter)));
    }

    @Test
    void listsMostSeriousFirstThenOldestFirst() throws Exception {
        try (Case c = Case.create(dir.resolve("case"), "c", List.of())) {
            FindingStore store = new FindingStore(c);
            store.saveAll(List.of(
                    finding(Severity.INFO, "info", 0),
                    finding(Severity.CRITICAL, "late critical", 20),
                    finding(Severity.OK, "ok", 5),
                    finding(Severity.CRITICAL, "early critical", 10),
                    finding(Severity.WARNING, "warning", 30)));

            assertThat(store.list()).extracting(Finding::title)
                    .containsExactly("early critical", "late critical", "warning", "info", "ok");
            assertThat(store.list(Severity.WARNING)).extracting(Finding::title)
                    .containsExactly("early critical", "late critical", "warning");
        }
    }

    @Test
    void roundTripsEveryFieldAcrossReopening() throws Exception {
        Finding saved = new Finding(Severity.WARNING, "复制延迟 412 秒", List.of(
                Evidence.metric("Seconds_Behind_Source", "412"),
                Evidence.line("2026-11-23T10:00:00 [Warning] \"quoted\" | piped\nsecond line")),
                "加大 replica_parallel_workers", new FindingSource("diag-mysql", "db1:3306", T0));
        try (Case c = Case.create(dir.resolve("case"), "c", List.of())) {
            new FindingStore(c).save(saved);
        }
        try (Case c = Case.open(dir.resolve("case"), List.of())) {
            assertThat(new FindingStore(c).list()).containsExactly(saved);
        }
    }

    @Test
    void timesAreKeptToTheMicrosecond() throws Exception {
        Instant withNanos = Instant.parse("2026-11-23T10:00:00.123456789Z");
        try (Case c = Case.create(dir.resolve("case"), "c", List.of())) {
            FindingStore store = new FindingStore(c);
            store.save(new Finding(Severity.OK, "t", List.of(), null, new FindingSource("p", null, withNanos)));

            Finding read = store.list().get(0);
            assertThat(read.source().time()).isEqualTo(Instant.parse("2026-11-23T10:00:00.123456Z"));
            assertThat(read.source().target()).isEmpty();
            assertThat(read.suggestion()).isEmpty();
        }
    }

    @Test
    void replaceSwapsOnlyThatPluginsFindingsOnThatTarget() throws Exception {
        try (Case c = Case.create(dir.resolve("case"), "c", List.of())) {
            FindingStore store = new FindingStore(c);
            store.saveAll(List.of(finding(Severity.WARNING, "old db1", 0),
                    new Finding(Severity.INFO, "other target", List.of(), "", new FindingSource("diag-mysql", "db2:3306", T0)),
                    new Finding(Severity.INFO, "other plugin", List.of(), "", new FindingSource("ddl", "db1:3306", T0))));

            store.replace("diag-mysql", "db1:3306", List.of(finding(Severity.CRITICAL, "new db1", 60)));

            assertThat(store.list()).extracting(Finding::title).containsExactly("new db1", "other plugin", "other target");
        }
    }

    @Test
    void findingsTableComesWithTheCoreSchema() throws Exception {
        try (Case c = Case.create(dir.resolve("case"), "c", List.of()); Connection conn = c.newConnection()) {
            assertThat(SchemaMigrator.currentVersion(conn, "core")).isGreaterThanOrEqualTo(2);
            try (var rs = conn.createStatement().executeQuery("SELECT count(*) FROM findings")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    @Test
    void findingNeedsATitle() {
        assertThatThrownBy(() -> new Finding(Severity.INFO, " ", List.of(), "", new FindingSource("slowlog", "", T0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slowlog");
    }

    @Test
    void severitiesAreOrdered() {
        assertThat(Severity.CRITICAL.isAtLeast(Severity.WARNING)).isTrue();
        assertThat(Severity.INFO.isAtLeast(Severity.WARNING)).isFalse();
        assertThat(Severity.values()).containsExactly(Severity.OK, Severity.INFO, Severity.WARNING, Severity.CRITICAL);
    }
}
