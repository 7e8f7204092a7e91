package dev.triage.plugin.metrics.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionStore;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.connection.EncryptedFileSecretStore;
import dev.triage.plugin.metrics.application.PrometheusSource;
import dev.triage.plugin.metrics.domain.Series;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Prometheus serving HTTPS (--web.config.file) with a certificate the test makes: trusted through the CA option only. */
class PrometheusTlsTest {

    @TempDir
    Path dir;

    @Test
    void fetchesOverTlsWithTheCaOfASavedConnectionAndRefusesAnUntrustedCertificate() throws Exception {
        try (LocalPrometheus prometheus = LocalPrometheus.startTls("tls")) {
            assertThat(prometheus.url()).startsWith("https://127.0.0.1:");
            EncryptedFileSecretStore secrets = EncryptedFileSecretStore.at(dir.resolve("secrets.enc"));
            secrets.unlock("passphrase".toCharArray());
            ConnectionStore connections = new ConnectionStore(dir, secrets);
            connections.save(new ConnectionTarget("tls", "TLS Prometheus", ConnectionKind.PROMETHEUS, "127.0.0.1", prometheus.port, "",
                    Map.of("tls", "true", ConnectionTarget.OPTION_TLS_CA, prometheus.ca.toString())), null);
            PrometheusSources sources = new PrometheusSources(connections);
            PrometheusSource source = sources.open(null, "tls");
            assertThat(source.address()).isEqualTo(prometheus.url());
            Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            List<Series> up = source.queryRange("up", to.minusSeconds(30), to, Duration.ofSeconds(1), "up");
            assertThat(up).extracting(s -> s.key().labels().get("job")).contains("node", "prometheus");
            assertThat(up).allSatisfy(s -> assertThat(s.values()).isNotEmpty().containsOnly(1.0));
            assertThat(source.labels()).contains("__name__", "job", "instance");

            // the same server by URL, trusting only the JDK's roots: the handshake fails with a TLS error, not a crash
            PrometheusSource untrusted = sources.open(prometheus.url(), null);
            assertThatThrownBy(() -> untrusted.queryRange("up", to.minusSeconds(30), to, Duration.ofSeconds(1), "up"))
                    .isInstanceOf(javax.net.ssl.SSLException.class);
            // a CA file that holds no certificate is refused with its name
            Path notCa = Files.writeString(dir.resolve("not-a-ca.txt"), "hello");
            assertThatThrownBy(() -> new PrometheusHttpClient(URI.create(prometheus.url()), new PrometheusHttpClient.Auth.None(), false,
                    notCa, Duration.ofSeconds(5))).hasMessageContaining("not-a-ca.txt");
        }
    }
}
