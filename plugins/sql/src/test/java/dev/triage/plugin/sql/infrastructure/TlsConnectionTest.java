package dev.triage.plugin.sql.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.kernel.Kernel;
import dev.triage.plugin.sql.MariaDb;
import dev.triage.plugin.sql.application.ConnectionService;
import dev.triage.plugin.sql.domain.ConnectionOptions;
import dev.triage.testkit.TestKernels;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against a real MariaDB started with certificates this test makes with the JDK's keytool: the client verifies the
 * server against a trust store, and a user that requires X509 logs in only with the client certificate, whose key store
 * password is kept in the secret store.
 */
class TlsConnectionTest {

    private static final String CLIENT_STORE_PASSWORD = "Ks-4d2a-client-secret";
    private static final String X509_PASSWORD = "X509-user-pw-77";

    @TempDir
    static Path dir;

    static MariaDb db;
    static Path trust;
    static Path clientStore;

    @BeforeAll
    static void start() throws Exception {
        Path server = dir.resolve("server.p12");
        clientStore = dir.resolve("client.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-ext", "BC=ca:true", "-storetype", "PKCS12", "-keystore", server.toString(),
                "-storepass", "server-pass", "-keypass", "server-pass");
        keytool("-genkeypair", "-alias", "client", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3", "-dname", "CN=triage-client",
                "-ext", "BC=ca:true", "-storetype", "PKCS12", "-keystore", clientStore.toString(), "-storepass", CLIENT_STORE_PASSWORD,
                "-keypass", CLIENT_STORE_PASSWORD);
        KeyStore serverKeys = load(server, "server-pass");
        KeyStore clientKeys = load(clientStore, CLIENT_STORE_PASSWORD);
        Path cert = dir.resolve("server-cert.pem");
        Path key = dir.resolve("server-key.pem");
        Path ca = dir.resolve("ca.pem");
        Files.writeString(cert, pem("CERTIFICATE", serverKeys.getCertificate("server").getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", serverKeys.getKey("server", "server-pass".toCharArray()).getEncoded()));
        // the server trusts its own certificate and the client's (both self-signed)
        Files.writeString(ca, pem("CERTIFICATE", serverKeys.getCertificate("server").getEncoded())
                + pem("CERTIFICATE", clientKeys.getCertificate("client").getEncoded()));
        // the client's trust store: the server certificate, no password needed to read it
        KeyStore t = KeyStore.getInstance("JKS");
        t.load(null, null);
        t.setCertificateEntry("server", serverKeys.getCertificate("server"));
        trust = dir.resolve("trust.jks");
        try (OutputStream out = Files.newOutputStream(trust)) {
            t.store(out, new char[0]);
        }
        db = MariaDb.startStandalone("--ssl-cert=" + cert, "--ssl-key=" + key, "--ssl-ca=" + ca);
        try (Connection c = db.root(); Statement s = c.createStatement()) {
            for (String host : new String[] {"%", "localhost"}) {
                // no grants needed (and the test user may not grant): logging in is what is tested
                s.execute("CREATE USER IF NOT EXISTS 'x509'@'" + host + "' IDENTIFIED BY '" + X509_PASSWORD + "' REQUIRE X509");
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private static ConnectionTarget target(String user, String tls, String cert) {
        return new ConnectionTarget("tls-db", "tls-db", ConnectionKind.MARIADB, "127.0.0.1", db.port(), user,
                ConnectionOptions.of(user.equals("triage") ? "triage" : null, false, tls, trust.toString(), cert));
    }

    private static String cipher(JdbcSqlSession s) throws Exception {
        return s.rows("SHOW SESSION STATUS LIKE 'Ssl_cipher'").get(0).get("Value");
    }

    @Test
    void verifiesTheServerAgainstTheTrustStoreAndTheSessionIsEncrypted() throws Exception {
        try (JdbcSqlSession s = SqlConnector.open(target("triage", "verify-ca", null), MariaDb.PASSWORD.toCharArray())) {
            assertThat(cipher(s)).as("Ssl_cipher").isNotBlank();
        }
        assertThat(SqlConnector.test(target("triage", "verify-ca", null), MariaDb.PASSWORD.toCharArray())).contains("MariaDB")
                .contains(", TLS ");
        // without TLS the same server answers unencrypted, and the test says so
        assertThat(SqlConnector.test(target("triage", "disabled", null), MariaDb.PASSWORD.toCharArray())).endsWith(", no TLS");
        // a trust store without the server's certificate refuses the server
        KeyStore empty = KeyStore.getInstance("JKS");
        empty.load(null, null);
        Path other = dir.resolve("other.jks");
        try (OutputStream out = Files.newOutputStream(other)) {
            empty.store(out, new char[0]);
        }
        ConnectionTarget untrusted = new ConnectionTarget("x", "x", ConnectionKind.MARIADB, "127.0.0.1", db.port(), "triage",
                ConnectionOptions.of("triage", false, "verify-ca", other.toString(), null));
        assertThatThrownBy(() -> SqlConnector.open(untrusted, MariaDb.PASSWORD.toCharArray()).close()).hasMessageContaining("Cannot connect to x (127.0.0.1");
    }

    @Test
    void aUserThatRequiresX509LogsInWithTheClientCertificateSavedThroughTheCli() throws Exception {
        assertThatThrownBy(() -> SqlConnector.open(target("x509", "verify-ca", null), X509_PASSWORD.toCharArray()).close())
                .as("no client certificate").hasMessageContaining("Access denied");
        try (Kernel kernel = TestKernels.create(dir.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            kernel.connections().secrets().unlock("passphrase".toCharArray());
            InputStream stdin = System.in;
            try {
                // first line: the user's password; second line: the key store's
                System.setIn(new ByteArrayInputStream((X509_PASSWORD + "\n" + CLIENT_STORE_PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
                kernel.commands().executeText("connection.add", Map.of("names", "mtls", "kind", "mariadb", "host", "127.0.0.1",
                        "port", String.valueOf(db.port()), "user", "x509", "tls", "verify-ca",
                        "tlsCa", trust.toString(), "tlsCert", clientStore.toString(), "passwordStdin", "true"), dev.triage.plugin.sql.NoTask.NONE);
            } finally {
                System.setIn(stdin);
            }
            ConnectionService.TestResult ok = (ConnectionService.TestResult) kernel.commands().executeText("connection.test",
                    Map.of("names", "mtls"), dev.triage.plugin.sql.NoTask.NONE);
            assertThat(ok.ok()).as(ok.message()).isTrue();
            assertThat(ok.message()).contains(", TLS ");
            // the editor's sessions use the certificate too
            ConnectionService service = new ConnectionService(kernel.connections(), new ConsoleSecretPrompt(() -> InputStream.nullInputStream(),
                    () -> null, () -> null), SqlConnector::probe);
            try (JdbcSqlSession s = new SessionFactory(service, kernel.cases()).open("mtls")) {
                assertThat(cipher(s)).isNotBlank();
                assertThat(s.rows("SELECT CURRENT_USER() AS u").get(0).get("u")).startsWith("x509@");
            }
            // paths in the settings, passwords only in the secret store
            String json = Files.readString(dir.resolve("app").resolve("config").resolve("connections.json"));
            assertThat(json).contains("client.p12").contains("trust.jks").doesNotContain(CLIENT_STORE_PASSWORD).doesNotContain(X509_PASSWORD);
            try (Stream<Path> files = Files.walk(dir.resolve("app"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(CLIENT_STORE_PASSWORD);
                }
            }
        }
    }

    private static KeyStore load(Path file, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
