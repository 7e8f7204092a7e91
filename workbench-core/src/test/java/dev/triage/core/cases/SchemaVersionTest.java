package dev.triage.core.cases;

import static dev.triage.core.cases.CaseTest.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case written by an older Triage is migrated on open; one written by a newer Triage is refused and left unchanged. */
class SchemaVersionTest {

    static final Migration V1 = Migration.sql(1, "events", "CREATE TABLE ev (n INTEGER)", "INSERT INTO ev VALUES (1), (2)");
    static final Migration V2 = Migration.sql(2, "a note per event", "ALTER TABLE ev ADD COLUMN note VARCHAR DEFAULT 'none'");
    static final Migration OTHER1 = Migration.sql(1, "other", "CREATE TABLE other_t (x INTEGER)");
    static final Migration OTHER2 = Migration.sql(2, "other v2", "ALTER TABLE other_t ADD COLUMN y INTEGER");

    @TempDir
    Path dir;

    @Test
    void anOlderCaseIsMigratedAndKeepsItsData() throws Exception {
        Case.create(dir.resolve("case"), "old", List.of(SchemaMigrations.of("ev", V1))).close();
        try (Case c = Case.open(dir.resolve("case"), List.of(SchemaMigrations.of("ev", V1, V2)))) {
            assertThat(count(c, "SELECT count(*) FROM ev WHERE note = 'none'")).isEqualTo(2);
            try (var conn = c.newConnection()) {
                assertThat(SchemaMigrator.currentVersion(conn, "ev")).isEqualTo(2);
            }
        }
    }

    @Test
    void aCaseFromANewerTriageIsRefusedBeforeAnyMigrationRuns() throws Exception {
        Case.create(dir.resolve("case"), "new", List.of(SchemaMigrations.of("ev", V1), SchemaMigrations.of("other", OTHER1, OTHER2))).close();
        // this Triage knows ev v2 (pending) but only other v1: the case is newer, and ev must not be migrated either
        assertThatThrownBy(() -> Case.open(dir.resolve("case"), List.of(SchemaMigrations.of("ev", V1, V2),
                SchemaMigrations.of("other", OTHER1))))
                .isInstanceOf(CaseException.class)
                .hasMessage("The case's tables of 'other' are at version 2, newer than this Triage knows (1): update Triage;"
                        + " the case was not changed");
        try (Case c = Case.open(dir.resolve("case"), List.of(SchemaMigrations.of("ev", V1), SchemaMigrations.of("other", OTHER1, OTHER2)))) {
            try (var conn = c.newConnection()) {
                assertThat(SchemaMigrator.currentVersion(conn, "ev")).isEqualTo(1);
            }
            assertThat(count(c, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'ev'")).isEqualTo(1);
        }
    }
}
