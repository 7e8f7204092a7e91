package dev.triage.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.core.config.AppPaths;
import dev.triage.core.config.SettingsStore;
import dev.triage.core.i18n.LanguageSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code triage check lossy-ddl}: exit 0 when safe, 1 when lossy or destructive, 2 on an input error. */
class LossyDdlCliTest {

    @TempDir
    Path home;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void english() {
        new LanguageSettings(SettingsStore.load(paths().config().resolve("settings.properties"))).setLanguage("en");
    }

    private AppPaths paths() {
        return AppPaths.under(home.resolve("app"));
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TriageCli.run(paths(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void exitCodesFollowTheWorstVerdict() throws Exception {
        Path lossy = Files.writeString(home.resolve("lossy.sql"), "CREATE TABLE t (a BIGINT);\nALTER TABLE t MODIFY a INT;\n");
        Path safe = Files.writeString(home.resolve("safe.sql"), "CREATE TABLE t (a INT);\nALTER TABLE t MODIFY a BIGINT;\n");
        Path schema = Files.writeString(home.resolve("schema.sql"), "CREATE TABLE u (b VARCHAR(10));");
        Path unknown = Files.writeString(home.resolve("unknown.sql"), "ALTER TABLE nowhere MODIFY x INT;\nALTER TABLE u MODIFY b TEXT;\n");

        Run bad = run("check", "lossy-ddl", "--file", lossy.toString());
        assertThat(bad.code()).as(bad.err()).isEqualTo(1);
        assertThat(bad.out()).contains("LOSSY", "t.a: BIGINT to INT", "worst: LOSSY");

        Run ok = run("check", "lossy-ddl", "--file", safe.toString(), "--dialect", "tidb", "--format", "markdown");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("| 2 | SAFE |");

        Run withSchema = run("check", "lossy-ddl", "--file", unknown.toString(), "--schema", schema.toString(), "--format", "json");
        assertThat(withSchema.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(withSchema.out());
        assertThat(json.get("statements").get(0).get("verdict").asText()).isEqualTo("UNKNOWN");
        assertThat(json.get("statements").get(1).get("verdict").asText()).isEqualTo("REWRITE");
        assertThat(json.get("worst").asText()).isEqualTo("REWRITE");

        Run missing = run("check", "lossy-ddl", "--file", home.resolve("missing.sql").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().strip()).contains("file not found").doesNotContain("\n").doesNotContain("Exception");

        Run dialect = run("check", "lossy-ddl", "--file", safe.toString(), "--dialect", "oracle");
        assertThat(dialect.code()).isEqualTo(2);
        assertThat(dialect.err()).contains("--dialect");
    }
}
