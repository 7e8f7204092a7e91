package dev.triage.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseTest {

    @TempDir
    Path dir;

    static long count(Case c, String sql) throws Exception {
        try (Connection conn = c.newConnection(); Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void keepsTheIncidentWindowAcrossReopeningAndClearsIt() throws Exception {
        Path folder = dir.resolve("window");
        java.time.Instant from = java.time.Instant.parse("2026-11-20T03:00:00Z");
        java.time.Instant until = java.time.Instant.parse("2026-11-20T04:30:00Z");
        try (Case c = Case.create(folder, "w", List.of())) {
            assertThat(c.incidentWindow()).isEmpty();
            c.setIncidentWindow(new IncidentWindow(from, until));
            assertThat(c.incidentWindow()).contains(new IncidentWindow(from, until));
        }
        try (Case c = Case.open(folder, List.of())) {
            assertThat(c.incidentWindow()).hasValueSatisfying(w -> assertThat(w.length()).hasMinutes(90));
            assertThat(c.name()).isEqualTo("w");
            c.setIncidentWindow(null);
        }
        try (Case c = Case.open(folder, List.of())) {
            assertThat(c.incidentWindow()).isEmpty();
        }
        assertThatThrownBy(() -> new IncidentWindow(until, from)).hasMessageContaining("must end after it starts");
    }

    @Test
    void createsReopensAndKeepsNameAndNotes() throws Exception {
        Path folder = dir.resolve("incident-42");
        try (Case c = Case.create(folder, "支付库慢查询 incident", List.of())) {
            assertThat(Files.exists(folder.resolve("case.duckdb"))).isTrue();
            c.saveNotes("# Notes\nreplica lag at 03:12 — 主从延迟\n");
        }
        try (Case c = Case.open(folder, List.of())) {
            assertThat(c.name()).isEqualTo("支付库慢查询 incident");
            assertThat(c.notes()).contains("主从延迟");
            assertThat(c.imports()).isEmpty();
        }
        assertThat(Case.nameOf(folder)).isEqualTo("支付库慢查询 incident");
        assertThat(Case.nameOf(dir.resolve("not-a-case"))).isEqualTo("not-a-case");
        assertThatThrownBy(() -> Case.create(folder, "again", List.of())).hasMessageContaining("A case already exists in");
        assertThatThrownBy(() -> Case.open(dir.resolve("nothing"), List.of())).hasMessageContaining("Not a Triage case");
    }

    @Test
    void aCaseFolderHoldsAFileTheDesktopOpensItWithAndFolderOfFindsTheCase() throws Exception {
        Path folder = dir.resolve("支付 case");
        try (Case c = Case.create(folder, "x", List.of())) {
            assertThat(folder.resolve(Case.OPENER)).exists();
        }
        Path real = folder.toAbsolutePath().normalize();
        assertThat(Case.folderOf(folder.resolve(Case.OPENER))).contains(real);
        assertThat(Case.folderOf(folder.resolve(Case.META))).contains(real);
        assertThat(Case.folderOf(folder)).contains(real);
        assertThat(Case.folderOf(folder.resolve(Case.NOTES))).isEmpty();
        assertThat(Case.folderOf(dir)).isEmpty();
        assertThat(Case.folderOf(dir.resolve("missing.triage"))).isEmpty();
    }

    @Test
    void migrationsRunOnceInOrderAndNewOnesApplyOnReopen() throws Exception {
        Path folder = dir.resolve("c");
        var v1 = SchemaMigrations.of("demo", Migration.sql(1, "t", "CREATE TABLE demo_t (a INTEGER)"));
        try (Case c = Case.create(folder, "c", List.of(v1))) {
            try (Connection conn = c.newConnection()) {
                assertThat(SchemaMigrator.currentVersion(conn, "demo")).isEqualTo(1);
            }
        }
        var v2 = SchemaMigrations.of("demo", Migration.sql(1, "t", "CREATE TABLE demo_t (a INTEGER)"),
                Migration.sql(2, "add b", "ALTER TABLE demo_t ADD COLUMN b VARCHAR"));
        try (Case c = Case.open(folder, List.of(v2))) {
            assertThat(count(c, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'demo_t'")).isEqualTo(2);
            assertThat(count(c, "SELECT count(*) FROM triage_schema_version WHERE component = 'demo'")).isEqualTo(2);
        }
        assertThatThrownBy(() -> Case.open(folder, List.of(v1)))
                .hasMessageContaining("tables of 'demo' are at version 2, newer than this Triage knows (1)");
    }

    @Test
    void aFailingMigrationIsRolledBackAndNamed() throws Exception {
        Path folder = dir.resolve("c");
        Case.create(folder, "c", List.of()).close();
        var bad = SchemaMigrations.of("demo", Migration.sql(1, "ok", "CREATE TABLE demo_ok (a INTEGER)"),
                Migration.sql(2, "broken", "CREATE TABLE demo_x (a INTEGER)", "THIS IS NOT SQL"));
        assertThatThrownBy(() -> Case.open(folder, List.of(bad))).hasMessageContaining("Migration 2 of 'demo' (broken) failed");
        try (Case c = Case.open(folder, List.of())) {
            assertThat(count(c, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'demo_x'")).isZero();
            assertThat(count(c, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'demo_ok'")).isEqualTo(1);
        }
        assertThatThrownBy(() -> SchemaMigrations.of("gap", Migration.sql(2, "x"))).hasMessageContaining("without gaps");
    }

    @Test
    void aCaseWhoseCreationFailsLeavesNoHalfCaseBehind() {
        Path folder = dir.resolve("c");
        var broken = SchemaMigrations.of("demo", Migration.sql(1, "broken", "NOT SQL"));
        assertThatThrownBy(() -> Case.create(folder, "c", List.of(broken))).hasMessageContaining("Migration 1 of 'demo'");
        assertThat(folder.resolve(Case.META)).doesNotExist();
        assertThat(folder.resolve(Case.DATABASE)).doesNotExist();
    }

    @Test
    void recentCasesKeepNewestFirstWithoutDuplicates() throws Exception {
        RecentCases recent = new RecentCases(dir.resolve("data/recent-cases.txt"));
        Case.create(dir.resolve("a"), "a", List.of()).close();
        Case.create(dir.resolve("b"), "b", List.of()).close();
        for (String n : new String[] {"a", "b", "a", "gone"}) {
            recent.add(dir.resolve(n));
        }
        assertThat(recent.list()).containsExactly(dir.resolve("a"), dir.resolve("b"));
    }
}
