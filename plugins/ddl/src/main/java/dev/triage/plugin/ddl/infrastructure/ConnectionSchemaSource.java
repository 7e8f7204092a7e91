package dev.triage.plugin.ddl.infrastructure;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionStore;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.plugin.ddl.api.DdlDialect;
import dev.triage.plugin.ddl.application.SchemaSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;

/** Reads SHOW CREATE TABLE through a saved MySQL, MariaDB or TiDB connection, with its password from the secret store. */
public final class ConnectionSchemaSource implements SchemaSource {

    private static final Set<ConnectionKind> SQL_KINDS = EnumSet.of(ConnectionKind.MYSQL, ConnectionKind.MARIADB, ConnectionKind.TIDB);
    /** MySQL's and MariaDB's "table doesn't exist" and "unknown database" errors. */
    private static final Set<Integer> MISSING = Set.of(1146, 1049);

    private final ConnectionStore store;

    /**
     * Creates the source over the saved connections.
     *
     * @param store the connection store
     */
    public ConnectionSchemaSource(ConnectionStore store) {
        this.store = store;
    }

    @Override
    public Live read(String connection, Collection<String> tables) throws Exception {
        ConnectionTarget target = store.list().stream()
                .filter(t -> t.id().equalsIgnoreCase(connection) || t.name().equalsIgnoreCase(connection)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no saved connection named " + connection));
        if (!SQL_KINDS.contains(target.kind())) {
            throw new IllegalArgumentException("connection " + connection + " is " + target.kind() + ", not MySQL, MariaDB or TiDB");
        }
        Properties props = new Properties();
        props.setProperty("user", target.user());
        props.setProperty("connectTimeout", "10000");
        char[] password = store.password(target.id()).orElse(new char[0]);
        try {
            props.setProperty("password", new String(password));
        } finally {
            Arrays.fill(password, '\0');
        }
        if ("true".equalsIgnoreCase(target.options().get("tls"))) {
            props.setProperty("sslMode", "verify-full");
        }
        String database = target.options().getOrDefault("database", "");
        String url = "jdbc:mariadb://" + target.host() + ":" + target.port() + "/" + database;
        StringBuilder sql = new StringBuilder();
        int found = 0;
        try (Connection c = DriverManager.getConnection(url, props); Statement st = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("SHOW CREATE TABLE " + quoted(table))) {
                    if (rs.next()) {
                        sql.append(rs.getString(2)).append(";\n");
                        found++;
                    }
                } catch (SQLException e) {
                    if (!MISSING.contains(e.getErrorCode())) {
                        throw e;
                    }
                }
            }
        }
        return new Live(sql.toString(), target.kind() == ConnectionKind.TIDB ? DdlDialect.TIDB : DdlDialect.MYSQL, found);
    }

    /** Quotes each part of a possibly qualified name with backticks. */
    static String quoted(String table) {
        StringBuilder b = new StringBuilder();
        for (String part : table.split("\\.(?=(?:[^`]*`[^`]*`)*[^`]*$)")) {
            String bare = part.strip();
            if (bare.startsWith("`") && bare.endsWith("`") && bare.length() > 1) {
                bare = bare.substring(1, bare.length() - 1).replace("``", "`");
            }
            b.append(b.length() == 0 ? "" : ".").append('`').append(bare.replace("`", "``")).append('`');
        }
        return b.toString();
    }
}
