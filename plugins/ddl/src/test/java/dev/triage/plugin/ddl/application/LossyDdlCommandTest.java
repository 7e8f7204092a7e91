package dev.triage.plugin.ddl.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.plugin.ddl.api.DdlDialect;
import dev.triage.plugin.ddl.api.DdlVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossyDdlCommandTest {

    @TempDir
    Path dir;

    private final SchemaSource none = (connection, tables) -> {
        throw new IllegalArgumentException("no saved connection named " + connection);
    };

    @Test
    void checksAFileAgainstASchemaFileAndSetsTheExitCode() throws Exception {
        Path ddl = Files.writeString(dir.resolve("ddl.sql"), "ALTER TABLE users MODIFY name VARCHAR(10);\nALTER TABLE users ADD INDEX (name);\n");
        Path schema = Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE users (id INT, name VARCHAR(64));");
        LossyDdlReport report = new LossyDdlCommand(new LossyDdlChecker(), none).run(new LossyDdlArgs(ddl.toString(),
                schema.toString(), null, null));
        assertThat(report.worst()).isEqualTo(DdlVerdict.LOSSY);
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.text()).contains("line 1", "LOSSY", "users.name: VARCHAR(64) to VARCHAR(10): values longer than 10 characters are cut",
                "2 statements (1 safe, 1 lossy), 0 not parsed; worst: LOSSY (mysql rules)");
        assertThat(report.markdown()).contains("| Line | Verdict | Statement | Reasons |", "| 1 | LOSSY | `ALTER TABLE users MODIFY name VARCHAR(10)`");
    }

    @Test
    void safeAndRewriteOnlyExitWithZero() throws Exception {
        Path ddl = Files.writeString(dir.resolve("ok.sql"), "CREATE TABLE t (a INT);\nALTER TABLE t MODIFY a BIGINT;\nALTER TABLE x MODIFY b INT;");
        LossyDdlReport report = new LossyDdlCommand(new LossyDdlChecker(), none).run(new LossyDdlArgs(ddl.toString(), null, null,
                "tidb"));
        assertThat(report.statements()).extracting(s -> s.verdict()).containsExactly(DdlVerdict.SAFE, DdlVerdict.SAFE, DdlVerdict.UNKNOWN);
        assertThat(report.dialect()).isEqualTo("tidb");
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void inputErrorsAreIllegalArguments() throws Exception {
        LossyDdlCommand command = new LossyDdlCommand(new LossyDdlChecker(), none);
        assertThatThrownBy(() -> command.run(new LossyDdlArgs(dir.resolve("missing.sql").toString(), null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file not found").hasMessageContaining("missing.sql");
        Path ddl = Files.writeString(dir.resolve("a.sql"), "DROP TABLE t;");
        assertThatThrownBy(() -> command.run(new LossyDdlArgs(ddl.toString(), null, null, "oracle")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--dialect");
        assertThatThrownBy(() -> command.run(new LossyDdlArgs(null, null, null, null))).hasMessageContaining("--file");
        assertThatThrownBy(() -> command.run(new LossyDdlArgs(ddl.toString(), "s.sql", "prod", null))).hasMessageContaining("either");
        assertThatThrownBy(() -> command.run(new LossyDdlArgs(ddl.toString(), null, "prod", null))).hasMessageContaining("prod");
    }

    @Test
    void aConnectionSuppliesTheSchemaAndTheDialect() throws Exception {
        Path ddl = Files.writeString(dir.resolve("c.sql"), "ALTER TABLE shop.orders MODIFY total DECIMAL(8,2);\nTRUNCATE TABLE logs;");
        SchemaSource fake = (connection, tables) -> {
            assertThat(tables).containsExactly("shop.orders", "logs");
            return new SchemaSource.Live("CREATE TABLE orders (total DECIMAL(10,2));", DdlDialect.TIDB, 1);
        };
        LossyDdlReport report = new LossyDdlCommand(new LossyDdlChecker(), fake).run(new LossyDdlArgs(ddl.toString(), null, "prod", null));
        assertThat(report.dialect()).isEqualTo("tidb");
        assertThat(report.statements()).extracting(s -> s.verdict()).containsExactly(DdlVerdict.LOSSY, DdlVerdict.DESTRUCTIVE);
        assertThat(LossyDdlChecker.tablesTouched("RENAME TABLE a TO b; DROP TABLE c, d; CREATE UNIQUE INDEX i ON e (x); SELECT 1"))
                .isEqualTo(List.of("a", "c", "d", "e"));
    }
}
