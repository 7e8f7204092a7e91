package dev.triage.plugin.metrics.application;

/** Opens a Prometheus source from a URL or a saved connection. */
public interface SourceFactory {

    /**
     * Opens a source.
     *
     * @param url the server's URL, or null
     * @param connection the id of a saved PROMETHEUS connection, or null
     * @return the source
     * @throws Exception when neither is given, the connection is unknown or its secret cannot be read
     */
    PrometheusSource open(String url, String connection) throws Exception;
}
