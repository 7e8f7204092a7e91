package dev.triage.plugin.kafkadiag.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.diagnostics.HealthCheck;
import dev.triage.core.kernel.Kernel;
import dev.triage.diag.infrastructure.DiagnosisResult;
import dev.triage.diag.infrastructure.LiveArgs;
import dev.triage.testkit.TestKernels;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real broker whose only listener is SASL_PLAINTEXT with SCRAM-SHA-256 and SCRAM-SHA-512 enabled: users created with
 * the AdminClient (alterUserScramCredentials), and the diagnostics connect with the password kept in the SecretStore.
 */
class LiveKafkaScramTest {

    static KafkaClusterTestKit kit;

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws Exception {
        kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                .setBrokerListenerName(ListenerName.normalised("EXTERNAL")).setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT).build())
                .setConfigProp("offsets.topic.replication.factor", "1").setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512")
                .setConfigProp("listener.name.external.scram-sha-256.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .setConfigProp("listener.name.external.scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .setConfigProp("allow.everyone.if.no.acl.found", "true").build();
        kit.format();
        kit.startup();
        kit.waitForReadyBrokers();
        try (Admin admin = kit.admin()) {
            admin.alterUserScramCredentials(List.of(
                    new UserScramCredentialUpsertion("diag256", new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), "s3cret-256"),
                    new UserScramCredentialUpsertion("diag512", new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), "s3cret-512")))
                    .all().get(30, TimeUnit.SECONDS);
            admin.createTopics(List.of(new NewTopic("payments", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (kit != null) {
            kit.close();
        }
    }

    static ConnectionTarget target(String id, String user, String mechanism) {
        String[] hp = kit.bootstrapServers().split(",")[0].split(":");
        return new ConnectionTarget(id, id, ConnectionKind.KAFKA, hp[0], Integer.parseInt(hp[1]), user, Map.of("bootstrap.servers",
                kit.bootstrapServers(), "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", mechanism, "lag.samples", "1"));
    }

    /** Waits until the broker knows the SCRAM user (credentials reach it through the metadata log). */
    static HealthCheck healthy(KafkaDiagnostics diag, ConnectionTarget t, String password) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(30);
        HealthCheck h;
        do {
            h = diag.health(t, password.toCharArray());
            if (!h.reachable()) {
                Thread.sleep(200);
            }
        } while (!h.reachable() && Instant.now().isBefore(end));
        return h;
    }

    @Test
    void scramSha256And512WithThePasswordFromTheSecretStore() throws Exception {
        KafkaDiagnostics diag = new KafkaDiagnostics(null);
        assertThat(healthy(diag, target("scram256", "diag256", "SCRAM-SHA-256"), "s3cret-256").reachable()).isTrue();
        assertThat(healthy(diag, target("scram512", "diag512", "SCRAM-SHA-512"), "s3cret-512").reachable()).isTrue();
        HealthCheck wrong = diag.health(target("bad", "diag256", "SCRAM-SHA-256"), "not-it".toCharArray());
        assertThat(wrong.reachable()).isFalse();
        assertThat(wrong.message()).containsIgnoringCase("authentication");
        assertThat(diag.health(target("mech", "diag256", "SCRAM-SHA-512"), "s3cret-256".toCharArray()).reachable())
                .as("a SHA-256 user cannot log in with SCRAM-SHA-512").isFalse();
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            kernel.connections().secrets().unlock("passphrase".toCharArray());
            kernel.connections().save(target("scram256", "diag256", "SCRAM-SHA-256"), "s3cret-256".toCharArray());
            kernel.connections().save(target("scram512", "diag512", "SCRAM-SHA-512"), "s3cret-512".toCharArray());
            kernel.connections().save(target("nopass", "diag256", "SCRAM-SHA-256"), null);
            for (String id : List.of("scram256", "scram512")) {
                DiagnosisResult r = (DiagnosisResult) kernel.commands().execute("diag.kafka", new LiveArgs(id, "brokers,topics"), null);
                assertThat(r.findings()).extracting(DiagnosisResult.Row::title).anyMatch(t -> t.startsWith("1 brokers online"))
                        .anyMatch(t -> t.startsWith("Topic payments has replication factor 1"));
            }
            assertThatThrownBy(() -> kernel.commands().execute("diag.kafka", new LiveArgs("nopass", "brokers"), null))
                    .hasStackTraceContaining("uses SASL SCRAM-SHA-256 but no password was found in the secret store");
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(home.resolve("app"))) {
                List<Path> saved = files.filter(java.nio.file.Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".json")).toList();
                assertThat(saved).isNotEmpty().allSatisfy(f -> assertThat(java.nio.file.Files.readString(f)).doesNotContain("s3cret"));
            }
        }
    }
}
