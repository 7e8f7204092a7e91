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
            url.append("&trustCertificateKeyStoreUrl=").append(java.net.URLEncoder.encode("file:" + ca, java.nio.charset.StandardCharsets.UTF_8));
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
        // Connector/J only takes the password as a String; the copy lives as long as the driver's connection objects
        Properties props = new Properties();
        props.setProperty("user", target.user());
        if (password != null) {
            props.setProperty("password", new String(password));
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
     * Tests any saved target: MySQL-protocol targets log in; Redis and Kafka targets get a TCP connection to their port
     * (their plugins speak the protocols).
     *
     * @param target the target
     * @param password the password or null, wiped here
     * @return what answered
     * @throws Exception when it fails
     */
    public static String probe(ConnectionTarget target, char[] password) throws Exception {
        if (ConnectionOptions.isSql(target.kind())) {
            return test(target, password);
        }
        if (password != null) {
            Arrays.fill(password, '\0');
        }
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(target.host(), target.port()), 5000);
            return "TCP port " + target.host() + ":" + target.port() + " reachable";
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
        try (JdbcSqlSession s = open(target, password)) {
            var md = s.metaData();
            return md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }
}
