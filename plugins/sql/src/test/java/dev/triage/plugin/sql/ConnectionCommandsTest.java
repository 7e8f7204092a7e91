package dev.triage.plugin.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.core.command.CommandException;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.sql.application.ConnectionRow;
import dev.triage.plugin.sql.application.ConnectionService;
import dev.triage.testkit.TestKernels;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@ExtendWith(MariaDb.class)
class ConnectionCommandsTest {

    static final TaskContext NONE = dev.triage.plugin.sql.NoTask.NONE;

    @TempDir
    Path home;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final InputStream stdin = System.in;
    private ch.qos.logback.classic.Level level;

    @BeforeEach
    void captureLogs() {
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        root.addAppender(logs);
    }

    @AfterEach
    void restore() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        root.setLevel(level);
        System.setIn(stdin);
    }

    private Object run(Kernel kernel, String command, Map<String, Object> args) throws CommandException {
        return kernel.commands().executeText(command, args, NONE);
    }

    @Test
    void addsListsTestsAndRemovesAConnectionWithThePasswordOnlyInTheSecretStore() throws Exception {
        MariaDb db = MariaDb.get();
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            kernel.connections().secrets().unlock("passphrase".toCharArray());
            System.setIn(new ByteArrayInputStream((MariaDb.PASSWORD + "\nnext line is not read\n").getBytes(StandardCharsets.UTF_8)));

            Object added = run(kernel, "connection.add", Map.of("names", "prod-db", "kind", "mariadb", "host", "127.0.0.1",
                    "port", String.valueOf(db.port()), "user", "triage", "database", "triage", "production", "true",
                    "tls", "disabled", "passwordStdin", "true"));

            assertThat(added).isEqualTo(new ConnectionRow("prod-db", "mariadb", "127.0.0.1:" + db.port(), "triage", "triage", true,
                    "disabled", "stored"));
            @SuppressWarnings("unchecked")
            List<ConnectionRow> rows = (List<ConnectionRow>) run(kernel, "connection.list", Map.of());
            assertThat(rows).containsExactly((ConnectionRow) added);
            assertThat(kernel.connections().password("prod-db")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo(MariaDb.PASSWORD));

            ConnectionService.TestResult ok = (ConnectionService.TestResult) run(kernel, "connection.test", Map.of("names", "prod-db"));
            assertThat(ok.ok()).as(ok.message()).isTrue();
            assertThat(ok.message()).contains("MariaDB").contains("11.4");
            assertThat(ok.exitCode()).isZero();

            // the password never reaches connections.json, the list output (text or JSON) or the logs
            String json = Files.readString(home.resolve("app").resolve("config").resolve("connections.json"));
            assertThat(json).contains("prod-db").contains("\"production\" : \"true\"").doesNotContain(MariaDb.PASSWORD);
            assertThat(new ObjectMapper().writeValueAsString(rows)).doesNotContain(MariaDb.PASSWORD);
            assertThat(rows.toString()).doesNotContain(MariaDb.PASSWORD);
            assertThat(ok.text()).doesNotContain(MariaDb.PASSWORD);
            try (Stream<Path> files = Files.walk(home)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(MariaDb.PASSWORD);
                }
            }

            run(kernel, "connection.remove", Map.of("names", "prod-db"));
            assertThat((List<?>) run(kernel, "connection.list", Map.of())).isEmpty();
            assertThat(kernel.connections().password("prod-db")).isEmpty();
        }
        assertThat(logs.list).anyMatch(e -> e.getFormattedMessage().contains("Saved connection prod-db"));
        assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains(MariaDb.PASSWORD));
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> snippets(Kernel kernel) throws CommandException {
        return (Map<String, String>) run(kernel, "sql.snippets", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return (List<String>) o;
    }

    @Test
    void savesListsAndDeletesSnippetsAndSearchesTheCaseHistory() throws Exception {
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            run(kernel, "sql.snippet-save", Map.of("words", List.of("slow", "orders"), "text", "SELECT * FROM orders WHERE total > 100"));
            run(kernel, "sql.snippet-save", Map.of("words", "count", "text", "SELECT COUNT(*) FROM t"));
            assertThat(snippets(kernel)).containsOnlyKeys("count", "slow orders")
                    .containsEntry("slow orders", "SELECT * FROM orders WHERE total > 100");
            run(kernel, "sql.snippet-delete", Map.of("words", "count"));
            assertThat(snippets(kernel)).containsOnlyKeys("slow orders");
            assertThatThrownBy(() -> run(kernel, "sql.history", Map.of())).hasStackTraceContaining("pass --case DIR");

            kernel.cases().create(home.resolve("case"), "c");
            kernel.connections().secrets().unlock("passphrase".toCharArray());
            kernel.connections().save(MariaDb.get().target("dev", false), MariaDb.PASSWORD.toCharArray());
            run(kernel, "sql.run", Map.of("sql", "SELECT 'first' AS a", "connection", "dev"));
            run(kernel, "sql.run", Map.of("sql", "SELECT 'second' AS b", "connection", "dev"));
            assertThat(strings(run(kernel, "sql.history", Map.of("connection", "dev")))).containsExactly("SELECT 'second' AS b",
                    "SELECT 'first' AS a");
            assertThat(strings(run(kernel, "sql.history", Map.of("connection", "dev", "words", "FIRST"))))
                    .containsExactly("SELECT 'first' AS a");
        }
    }

    @Test
    void aWrongPasswordFailsTheTestWithExitCodeOneAndAnUnknownKindIsRefused() throws Exception {
        MariaDb db = MariaDb.get();
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            kernel.connections().secrets().unlock("passphrase".toCharArray());
            System.setIn(new ByteArrayInputStream("wrong-password\n".getBytes(StandardCharsets.UTF_8)));
            run(kernel, "connection.add", Map.of("names", "db", "kind", "mysql", "host", "127.0.0.1", "port", String.valueOf(db.port()),
                    "user", "triage", "tls", "disabled", "passwordStdin", "true"));

            ConnectionService.TestResult r = (ConnectionService.TestResult) run(kernel, "connection.test", Map.of("names", "db"));

            assertThat(r.ok()).isFalse();
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.message()).contains("Access denied").doesNotContain("wrong-password");
            assertThatThrownBy(() -> run(kernel, "connection.add", Map.of("names", "x", "kind", "oracle", "host", "h", "noPassword", "true")))
                    .hasStackTraceContaining("Unknown kind 'oracle'");
            assertThatThrownBy(() -> run(kernel, "connection.test", Map.of("names", "nope")))
                    .hasStackTraceContaining("No saved connection named 'nope'");
        }
    }

    @Test
    void aLockedSecretStoreWithoutPassphraseRefusesToSaveAPasswordAndSavesNothing() throws Exception {
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            org.junit.jupiter.api.Assumptions.assumeFalse(kernel.connections().secrets().isUnlocked(), "an OS keyring is present");
            System.setIn(new ByteArrayInputStream("pw\n".getBytes(StandardCharsets.UTF_8)));
            org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("TRIAGE_SECRETS_PASSPHRASE") == null);

            assertThatThrownBy(() -> run(kernel, "connection.add", Map.of("names", "r", "kind", "redis", "host", "h", "passwordStdin", "true")))
                    .hasStackTraceContaining("is locked");
            assertThat((List<?>) run(kernel, "connection.list", Map.of())).isEmpty();

            run(kernel, "connection.add", Map.of("names", "k", "kind", "kafka", "host", "broker1", "noPassword", "true", "tls", "required",
                    "options", "sasl.mechanism=SCRAM-SHA-512, security.protocol=SASL_SSL"));
            assertThat((List<?>) run(kernel, "connection.list", Map.of())).hasSize(1);
            assertThat(kernel.connections().find("k").orElseThrow().options()).containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("security.protocol", "SASL_SSL").containsEntry("tls", "required");
            assertThatThrownBy(() -> run(kernel, "connection.add", Map.of("names", "k2", "kind", "kafka", "host", "b", "noPassword", "true",
                    "options", "sasl.jaas.config=secret"))).hasStackTraceContaining("looks like a secret");
        }
    }
}
