package dev.triage.plugin.metrics.infrastructure;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionStore;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.plugin.metrics.application.PrometheusSource;
import dev.triage.plugin.metrics.application.SourceFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Opens Prometheus clients from a URL (no authentication) or from a saved PROMETHEUS connection: its user and the
 * password from the SecretStore give basic auth, or with option {@code auth=bearer} the secret is a bearer token;
 * options {@code tls=true}, {@code tls.ca=FILE} (PEM certificates or a trust store to trust instead of the JDK's roots),
 * {@code tls.insecure=true} and {@code path=/prefix} shape the URL and its TLS.
 */
public final class PrometheusSources implements SourceFactory {

    /** The time limit of each request. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ConnectionStore connections;

    /**
     * Creates the factory.
     *
     * @param connections the saved connections, or null when none are available
     */
    public PrometheusSources(ConnectionStore connections) {
        this.connections = connections;
    }

    @Override
    public PrometheusSource open(String url, String connection) throws Exception {
        if (connection != null && !connection.isBlank()) {
            if (connections == null) {
                throw new IllegalArgumentException("No connection store available for --connection " + connection);
            }
            ConnectionTarget t = connections.find(connection).orElseThrow(() ->
                    new IllegalArgumentException("No saved connection '" + connection + "' (see: triage connection list)"));
            if (t.kind() != ConnectionKind.PROMETHEUS) {
                throw new IllegalArgumentException("Connection '" + connection + "' is " + t.kind() + ", not PROMETHEUS");
            }
            boolean tls = Boolean.parseBoolean(t.options().getOrDefault("tls", "false"));
            String path = t.options().getOrDefault("path", "");
            URI base = URI.create((tls ? "https://" : "http://") + t.host() + ":" + t.port() + (path.startsWith("/") || path.isEmpty() ? path : "/" + path));
            char[] secret = connections.password(t.id()).orElse(null);
            PrometheusHttpClient.Auth auth;
            if (secret == null) {
                auth = new PrometheusHttpClient.Auth.None();
            } else if ("bearer".equalsIgnoreCase(t.options().get("auth"))) {
                auth = new PrometheusHttpClient.Auth.Bearer(secret);
            } else {
                auth = new PrometheusHttpClient.Auth.Basic(t.user(), secret);
            }
            String ca = t.options().get(ConnectionTarget.OPTION_TLS_CA);
            return new PrometheusHttpClient(base, auth, Boolean.parseBoolean(t.options().getOrDefault("tls.insecure", "false")),
                    ca == null || ca.isBlank() ? null : Path.of(ca), TIMEOUT);
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Give --prometheus URL (e.g. http://127.0.0.1:9090) or --connection ID");
        }
        URI u = URI.create(url.contains("://") ? url : "http://" + url);
        if (u.getUserInfo() != null) {
            throw new IllegalArgumentException("Do not put credentials in the URL; save a PROMETHEUS connection and use --connection ID");
        }
        return new PrometheusHttpClient(u, new PrometheusHttpClient.Auth.None(), false, TIMEOUT);
    }
}
