package dev.triage.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionStoreTest {

    @TempDir
    Path dir;

    private EncryptedFileSecretStore secrets;
    private ConnectionStore store;

    @BeforeEach
    void setUp() throws Exception {
        secrets = EncryptedFileSecretStore.at(dir.resolve("secrets.json"), EncryptedFileSecretStore.MIN_ITERATIONS);
        secrets.unlock("pass".toCharArray());
        store = new ConnectionStore(dir, secrets);
    }

    @Test
    void savesListsAndDeletesTargetsWithPasswordsInTheSecretStore() throws Exception {
        ConnectionTarget kafka = new ConnectionTarget("kafka-prod", "Kafka prod", ConnectionKind.KAFKA, "k1.example", 9093, "triage",
                Map.of("tls", "true", "sasl.mechanism", "SCRAM-SHA-512"));
        ConnectionTarget db = new ConnectionTarget("db1", "生产库", ConnectionKind.TIDB, "10.0.0.5", 4000, "root", null);

        store.save(kafka, "kafka-pw".toCharArray());
        store.save(db, "db-pw".toCharArray());
        ConnectionStore reopened = new ConnectionStore(dir, secrets);

        assertThat(reopened.list()).containsExactly(kafka, db);
        assertThat(reopened.find("kafka-prod")).hasValue(kafka);
        assertThat(reopened.find("kafka-prod").orElseThrow().options()).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(reopened.password("db1")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("db-pw"));
        assertThat(secrets.get("connection/kafka-prod")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("kafka-pw"));

        reopened.delete("kafka-prod");

        assertThat(reopened.list()).containsExactly(db);
        assertThat(secrets.get("connection/kafka-prod")).isEmpty();
    }

    @Test
    void exposesItsSecretStoreSoAFrontEndCanUnlockIt() throws Exception {
        EncryptedFileSecretStore locked = EncryptedFileSecretStore.at(dir.resolve("other.json"), EncryptedFileSecretStore.MIN_ITERATIONS);
        ConnectionStore lockedStore = new ConnectionStore(dir.resolve("other"), locked);
        assertThat(lockedStore.secrets()).isSameAs(locked);
        assertThat(lockedStore.secrets().isUnlocked()).isFalse();

        lockedStore.secrets().unlock("pass".toCharArray());

        lockedStore.save(new ConnectionTarget("m1", "m1", ConnectionKind.MYSQL, "h", 3306, "u", null), "pw".toCharArray());
        assertThat(lockedStore.password("m1")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("pw"));
    }

    @Test
    void readsTheWellKnownOptionsAndSavesThemOnlyAsOptions() throws Exception {
        ConnectionTarget prod = new ConnectionTarget("p1", "orders prod", ConnectionKind.MYSQL, "db", 3306, "ro",
                Map.of(ConnectionTarget.OPTION_PRODUCTION, "true", ConnectionTarget.OPTION_DATABASE, "orders",
                        ConnectionTarget.OPTION_TLS, "verify-ca"));
        ConnectionTarget dev = new ConnectionTarget("d1", "dev", ConnectionKind.MYSQL, "db", 3306, "u", null);
        assertThat(prod.production()).isTrue();
        assertThat(dev.production()).isFalse();
        assertThat(prod.option(ConnectionTarget.OPTION_DATABASE)).hasValue("orders");
        assertThat(dev.option(ConnectionTarget.OPTION_TLS)).isEmpty();

        store.save(prod, null);

        String json = Files.readString(dir.resolve(ConnectionStore.FILE));
        assertThat(json).contains("\"production\" : \"true\"").doesNotContain("\"production\" : true");
        assertThat(store.find("p1")).hasValue(prod);
    }

    @Test
    void savingWithoutAPasswordKeepsTheStoredOne() throws Exception {
        ConnectionTarget redis = new ConnectionTarget("r1", "cache", ConnectionKind.REDIS, "r1", 6379, "", Map.of());
        store.save(redis, "first".toCharArray());

        ConnectionTarget renamed = new ConnectionTarget("r1", "cache (renamed)", ConnectionKind.REDIS, "r1", 6380, "", Map.of());
        store.save(renamed, null);

        assertThat(store.list()).containsExactly(renamed);
        assertThat(store.password("r1")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("first"));
    }

    @Test
    void aLockedSecretStoreSavesNothing() throws Exception {
        secrets.lock();
        ConnectionTarget t = new ConnectionTarget("db1", "db", ConnectionKind.MYSQL, "h", 3306, "u", Map.of());

        assertThatThrownBy(() -> store.save(t, "pw".toCharArray())).isInstanceOf(SecretStoreException.class);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void targetsRefuseSecretLikeOptionsAndBadValues() {
        assertThatThrownBy(() -> new ConnectionTarget("k", "k", ConnectionKind.KAFKA, "h", 9092, "u",
                Map.of("sasl.jaas.config", "... password=\"x\";")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sasl.jaas.config").hasMessageNotContaining("password=");
        assertThatThrownBy(() -> new ConnectionTarget("k", "k", ConnectionKind.MYSQL, "h", 3306, "u", Map.of("Password", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConnectionTarget("a/b", "k", ConnectionKind.MYSQL, "h", 3306, "u", Map.of()))
                .hasMessageContaining("'a/b'");
        assertThatThrownBy(() -> new ConnectionTarget("a", "k", ConnectionKind.MYSQL, "h", 70000, "u", Map.of()))
                .hasMessageContaining("70000");
        assertThat(ConnectionKind.REDIS_SENTINEL.defaultPort()).isEqualTo(26379);
    }

    @Test
    void aBrokenFileGivesAnErrorNamingTheFile() throws Exception {
        Files.writeString(dir.resolve(ConnectionStore.FILE), "{\"connections\": [ {\"id\": 5,, } ]}");

        assertThatThrownBy(() -> store.list())
                .hasMessageContaining(dir.resolve(ConnectionStore.FILE).toString()).hasMessageContaining("line 1");
    }
}
