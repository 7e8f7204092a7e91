package dev.triage.core.connection;

/** The kinds of systems Triage connects to, each with its usual port. */
public enum ConnectionKind {

    /** A MySQL server. */
    MYSQL(3306),
    /** A TiDB server (MySQL protocol). */
    TIDB(4000),
    /** A MariaDB server. */
    MARIADB(3306),
    /** A standalone Redis server. */
    REDIS(6379),
    /** Redis through Sentinel; the host and port are one sentinel's. */
    REDIS_SENTINEL(26379),
    /** A Redis Cluster; the host and port are one seed node's. */
    REDIS_CLUSTER(6379),
    /** A Kafka cluster; the host and port are one bootstrap server's. */
    KAFKA(9092),
    /** A Prometheus-compatible HTTP API (Prometheus, VictoriaMetrics, Thanos query); the password is the basic-auth
     * password, or the bearer token when the option {@code auth=bearer} is set. */
    PROMETHEUS(9090);

    private final int defaultPort;

    ConnectionKind(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /**
     * Returns the port this kind usually listens on.
     *
     * @return the default port
     */
    public int defaultPort() {
        return defaultPort;
    }
}
