package dev.triage.plugin.sql;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the test MariaDB with a 1 M-row table {@code triage.big} and keeps it running until killed, for the CLI benchmark
 * in docs/benchmarks.md (not a test).
 */
public final class BenchmarkServer {

    private BenchmarkServer() {
    }

    /**
     * Starts the server and prints its port.
     *
     * @param args unused
     * @throws Exception when the server cannot start
     */
    public static void main(String[] args) throws Exception {
        MariaDb db = new MariaDb();
        db.startForBenchmark();
        try (Connection c = db.root(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS big");
            s.execute("CREATE TABLE big (id INT PRIMARY KEY, label VARCHAR(40), amount DECIMAL(12,2), created DATETIME, note TEXT)");
            s.execute("INSERT INTO big SELECT seq, CONCAT('row-', seq), seq * 0.37, '2024-03-01 00:00:00' + INTERVAL seq SECOND, "
                    + "IF(seq % 10 = 0, NULL, REPEAT('x', seq % 50)) FROM seq_1_to_1000000");
        }
        System.out.println("PORT " + db.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
