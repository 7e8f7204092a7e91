package dev.triage.plugin.sql.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.plugin.sql.domain.ConnectionOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;

/** Opens sessions: to a saved MySQL-protocol target with Connector/J, or read-only to the open case's DuckDB. */
public final class SqlConnector {

    /** The name of the built-in connection to the case database. */
    public static final String CASE_TARGET = "case";

    private SqlConnector() {
    }

    /**
     * Builds the JDBC URL of a target (no credentials in it).
     *
     * @param target the target
     * @return the URL
     */
    public static String url(ConnectionTarget target) {
        String db = ConnectionOptions.database(target);
        String tls = ConnectionOptions.tls(target);
        StringBuilder url = new StringBuilder("jdbc:mysql://").append(target.host()).append(':').append(target.port()).append('/')
                .append(java.net.URLEncoder.encode(db, java.nio.charset.StandardCharsets.UTF_8))
                .append("?useCursorFetch=true&connectTimeout=10000&useUnicode=true&characterEncoding=UTF-8")
                .append("&zeroDateTimeBehavior=CONVERT_TO_NULL&allowPublicKeyRetrieval=true&sslMode=")
                .append(tls.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        String ca = target.options().get(ConnectionOptions.TLS_CA);
        if (ca != null) {
            url.append("&trustCertificateKeyStoreUrl=").append(java.net.URLEncoder.encode("file:" + ca, java.nio.charset.StandardCharsets.UTF_8))
                    .append("&trustCertificateKeyStoreType=").append(ConnectionOptions.storeType(ca));
        }
        String cert = target.options().get(ConnectionOptions.TLS_CERT);
        if (cert != null) {
            url.append("&clientCertificateKeyStoreUrl=").append(java.net.URLEncoder.encode("file:" + cert, java.nio.charset.StandardCharsets.UTF_8))
                    .append("&clientCertificateKeyStoreType=").append(ConnectionOptions.storeType(cert));
        }
        return url.toString();
    }

    /**
     * Opens a session to a MySQL-protocol target; production targets start read-only.
     *
     * @param target the target
     * @param password its password or null; wiped by the caller
     * @return the session
     * @throws SQLException when the server cannot be reached or refuses the login
     */
    public static JdbcSqlSession open(ConnectionTarget target, char[] password) throws SQLException {
        return open(target, password, null);
    }

    /**
     * Opens a session to a MySQL-protocol target with a client certificate; production targets start read-only.
     *
     * @param target the target
     * @param password its password or null; wiped by the caller
     * @param keyStorePassword the password of its client certificate key store or null; wiped by the caller
     * @return the session
     * @throws SQLException when the server cannot be reached or refuses the login
     */
    public static JdbcSqlSession open(ConnectionTarget target, char[] password, char[] keyStorePassword) throws SQLException {
        // Connector/J only takes the password as a String; the copy lives as long as the driver's connection objects
        Properties props = new Properties();
        props.setProperty("user", target.user());
        if (password != null) {
            props.setProperty("password", new String(password));
        }
        if (keyStorePassword != null) {
            props.setProperty("clientCertificateKeyStorePassword", new String(keyStorePassword));
        }
        String url = url(target);
        Connection c = connect(url, props, target);
        JdbcSqlSession session = new JdbcSqlSession(target.name(), true, c, () -> connect(url, props, target));
        if (ConnectionOptions.production(target)) {
            session.readOnly(true);
        }
        return session;
    }

    private static Connection connect(String url, Properties props, ConnectionTarget target) throws SQLException {
        try {
            return DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            // the driver's message names host and port but never the password
            throw new SQLException("Cannot connect to " + target.name() + " (" + target.host() + ":" + target.port() + "): "
                    + e.getMessage(), e.getSQLState(), e);
        }
    }

    /**
     * Opens a read-only session to the case database.
     *
     * @param kase the open case
     * @return the session
     * @throws SQLException when the case is closed
     */
    public static JdbcSqlSession openCase(Case kase) throws SQLException {
        return new JdbcSqlSession(CASE_TARGET, false, kase.newConnection(), () -> {
            throw new SQLException("no second connection");
        });
    }

    /**
     * Tests any saved target: MySQL-protocol targets log in; Redis targets get AUTH and PING, Kafka brokers an ApiVersions
     * request (see {@link ProtocolProbe}).
     *
     * @param target the target
     * @param password the password or null, wiped here
     * @param keyStorePassword the client certificate key store's password or null, wiped here
     * @return what answered
     * @throws Exception when it fails
     */
    public static String probe(ConnectionTarget target, char[] password, char[] keyStorePassword) throws Exception {
        if (ConnectionOptions.isSql(target.kind())) {
            try {
                return test(target, password, keyStorePassword);
            } finally {
                if (keyStorePassword != null) {
                    Arrays.fill(keyStorePassword, '\0');
                }
            }
        }
        if (keyStorePassword != null) {
            Arrays.fill(keyStorePassword, '\0');
        }
        try {
            return ProtocolProbe.probe(target, password);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /**
     * Connects once and reports the server version, for {@code connection test}.
     *
     * @param target the target
     * @param password the password or null
     * @return the server's product name and version
     * @throws SQLException when it fails
     */
    public static String test(ConnectionTarget target, char[] password) throws SQLException {
        return test(target, password, null);
    }

    /**
     * Connects once with a client certificate and reports the server version and the TLS cipher, for {@code connection test}.
     *
     * @param target the target
     * @param password the password or null, wiped here
     * @param keyStorePassword the client certificate key store's password or null; wiped by the caller
     * @return the server's product name and version, and the cipher when the session is encrypted
     * @throws SQLException when it fails
     */
    public static String test(ConnectionTarget target, char[] password, char[] keyStorePassword) throws SQLException {
        try (JdbcSqlSession s = open(target, password, keyStorePassword)) {
            var md = s.metaData();
            String cipher;
            try {
                cipher = s.rows("SHOW SESSION STATUS LIKE 'Ssl_cipher'").stream().map(r -> new java.util.ArrayList<>(r.values()).get(1))
                        .filter(v -> v != null && !v.isBlank()).findFirst().map(v -> ", TLS " + v).orElse(", no TLS");
            } catch (SQLException e) {
                cipher = ""; // a server without the status variable
            }
            return md.getDatabaseProductName() + " " + md.getDatabaseProductVersion() + cipher;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }
}
