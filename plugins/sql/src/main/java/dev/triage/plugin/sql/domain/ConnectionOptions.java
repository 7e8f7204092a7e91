package dev.triage.plugin.sql.domain;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SQL editor's reading of a saved target's non-secret options: {@code database}, {@code production=true},
 * {@code tls=disabled|preferred|required|verify-ca|verify-identity}, {@code tls.ca} (trust store path), {@code tls.cert}
 * (client certificate key store path; its password lives in the secret store) and {@code readonly=true}.
 */
public final class ConnectionOptions {

    /** Option: default database. */
    public static final String DATABASE = ConnectionTarget.OPTION_DATABASE;
    /** Option: the target is production, so sessions are read-only by default. */
    public static final String PRODUCTION = ConnectionTarget.OPTION_PRODUCTION;
    /** Option: TLS mode, as Connector/J's sslMode in lower case. */
    public static final String TLS = ConnectionTarget.OPTION_TLS;
    /** Option: a trust store (JKS/PKCS12) path for verify-ca / verify-identity. */
    public static final String TLS_CA = ConnectionTarget.OPTION_TLS_CA;
    /** Option: a key store (PKCS12 or JKS) with the client certificate and key, for servers that require X509. */
    public static final String TLS_CERT = "tls.cert";

    private ConnectionOptions() {
    }

    /**
     * Tells whether a kind speaks the MySQL protocol.
     *
     * @param kind the kind
     * @return true for MySQL, MariaDB and TiDB
     */
    public static boolean isSql(ConnectionKind kind) {
        return kind == ConnectionKind.MYSQL || kind == ConnectionKind.MARIADB || kind == ConnectionKind.TIDB;
    }

    /**
     * Returns the default database, empty when none.
     *
     * @param target the target
     * @return the database name
     */
    public static String database(ConnectionTarget target) {
        return target.options().getOrDefault(DATABASE, "");
    }

    /**
     * Tells whether the target is marked production.
     *
     * @param target the target
     * @return true when its sessions start read-only
     */
    public static boolean production(ConnectionTarget target) {
        return target.production();
    }

    /**
     * Returns the TLS mode, {@code preferred} when not set.
     *
     * @param target the target
     * @return the mode
     */
    public static String tls(ConnectionTarget target) {
        return target.options().getOrDefault(TLS, "preferred").toLowerCase(Locale.ROOT);
    }

    /**
     * Builds the option map for a new target, leaving out empty values.
     *
     * @param database the default database or null
     * @param production whether it is production
     * @param tls the TLS mode or null
     * @param tlsCa the trust store path or null
     * @return the options
     */
    public static Map<String, String> of(String database, boolean production, String tls, String tlsCa) {
        return of(database, production, tls, tlsCa, null);
    }

    /**
     * Builds the option map for a new target with a client certificate, leaving out empty values.
     *
     * @param database the default database or null
     * @param production whether it is production
     * @param tls the TLS mode or null
     * @param tlsCa the trust store path or null
     * @param tlsCert the client certificate key store path or null
     * @return the options
     */
    public static Map<String, String> of(String database, boolean production, String tls, String tlsCa, String tlsCert) {
        Map<String, String> m = base(database, production, tls, tlsCa);
        if (tlsCert != null && !tlsCert.isBlank()) {
            m.put(TLS_CERT, tlsCert.strip());
        }
        return m;
    }

    /**
     * Tells the key store type of a trust or key store file by its name: PKCS12 for .p12/.pfx, else JKS.
     *
     * @param path the file
     * @return {@code PKCS12} or {@code JKS}
     */
    public static String storeType(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".p12") || p.endsWith(".pfx") || p.endsWith(".pkcs12") ? "PKCS12" : "JKS";
    }

    private static Map<String, String> base(String database, boolean production, String tls, String tlsCa) {
        Map<String, String> m = new TreeMap<>();
        if (database != null && !database.isBlank()) {
            m.put(DATABASE, database);
        }
        if (production) {
            m.put(PRODUCTION, "true");
        }
        if (tls != null && !tls.isBlank()) {
            String mode = tls.toLowerCase(Locale.ROOT);
            if (!mode.matches("disabled|preferred|required|verify-ca|verify-identity|true|false")) {
                throw new IllegalArgumentException("TLS mode '" + tls + "' must be disabled, preferred, required, verify-ca or verify-identity");
            }
            m.put(TLS, mode.equals("true") ? "required" : mode.equals("false") ? "disabled" : mode);
        }
        if (tlsCa != null && !tlsCa.isBlank()) {
            m.put(TLS_CA, tlsCa);
        }
        return m;
    }
}
