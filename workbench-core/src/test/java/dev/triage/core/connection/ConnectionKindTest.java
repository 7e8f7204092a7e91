package dev.triage.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionKindTest {

    @Test
    void prometheusIsAKindWithItsUsualPortAndKeepsNoTokenInItsOptions() {
        assertThat(ConnectionKind.valueOf("PROMETHEUS").defaultPort()).isEqualTo(9090);
        var target = new ConnectionTarget("prom", "Prometheus", ConnectionKind.PROMETHEUS, "127.0.0.1", 9090, "",
                Map.of("auth", "bearer", "tls", "true"));
        assertThat(target.options()).containsEntry("auth", "bearer");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ConnectionTarget("prom", "P", ConnectionKind.PROMETHEUS,
                "h", 9090, "", Map.of("bearer.token", "x"))).hasMessageContaining("looks like a secret");
    }
}
