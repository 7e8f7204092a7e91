package dev.triage.core.connection;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A saved system to connect to; it never holds a password, which lives in the {@link SecretStore}.
 *
 * @param id the stable id, letters, digits, '.', '-' and '_' only
 * @param name the name shown to users
 * @param kind what kind of system it is
 * @param host the host name or address
 * @param port the TCP port
 * @param user the user name, empty when none
 * @param options non-secret settings such as {@code tls=true} or {@code sasl.mechanism=SCRAM-SHA-512}
 */
public record ConnectionTarget(String id, String name, ConnectionKind kind, String host, int port, String user,
                               Map<String, String> options) {

    /** Option key of the default database (SQL targets). */
    public static final String OPTION_DATABASE = "database";
    /** Option key that marks a production target ({@code true}); tools open such targets read-only by default. */
    public static final String OPTION_PRODUCTION = "production";
    /** Option key of the TLS mode: disabled, preferred, required, verify-ca or verify-identity. */
    public static final String OPTION_TLS = "tls";
    /** Option key of a trust store (JKS/PKCS12) path used with verify-ca / verify-identity. */
    public static final String OPTION_TLS_CA = "tls.ca";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(password|passwd|secret|jaas|token|credential).*");

    /** Checks every part and refuses options whose names suggest they hold a secret. */
    public ConnectionTarget {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Connection id '" + id + "' must be 1-64 letters, digits, '.', '-' or '_'");
        }
        Objects.requireNonNull(kind, "kind of connection " + id);
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Connection '" + id + "' needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Connection '" + id + "' has port " + port + ", expected 1-65535");
        }
        name = name == null || name.isBlank() ? id : name;
        user = user == null ? "" : user;
        options = Collections.unmodifiableMap(new TreeMap<>(options == null ? Map.of() : options));
        for (String key : options.keySet()) {
            if (SECRET_LIKE.matcher(key).matches()) {
                throw new IllegalArgumentException("Option '" + key + "' of connection '" + id
                        + "' looks like a secret; pass secrets to ConnectionStore.save so they go to the SecretStore");
            }
        }
    }

    /**
     * Returns one non-secret option.
     *
     * @param key the option key
     * @return its value, or empty when not set
     */
    public java.util.Optional<String> option(String key) {
        return java.util.Optional.ofNullable(options.get(key));
    }

    /**
     * Tells whether the target is marked production ({@link #OPTION_PRODUCTION}), so tools open it read-only by default.
     *
     * @return true for production targets
     */
    public boolean production() {
        return Boolean.parseBoolean(options.getOrDefault(OPTION_PRODUCTION, "false"));
    }
}
