package dev.triage.plugin.sql.ui;

import java.util.ArrayList;
import java.util.List;

/** Times completion over a schema of 1,000 tables with 30 columns each, for docs/benchmarks.md (not a test). */
public final class CompletionBenchmark {

    private CompletionBenchmark() {
    }

    /**
     * Runs the measurement.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        List<String> names = new ArrayList<>();
        for (int t = 0; t < 1000; t++) {
            names.add("table_" + t);
            for (int c = 0; c < 30; c++) {
                names.add("col_" + t + "_" + c);
            }
        }
        for (int warm = 0; warm < 200; warm++) {
            SqlSyntax.complete("tab", names, 40);
        }
        for (String prefix : new String[] {"", "t", "table_9", "col_5", "SEL"}) {
            long t0 = System.nanoTime();
            int n = 0;
            for (int i = 0; i < 100; i++) {
                n += SqlSyntax.complete(prefix, names, 40).size();
            }
            System.out.printf("prefix '%s': %.2f ms per completion (%d candidates)%n", prefix, (System.nanoTime() - t0) / 100 / 1e6, n / 100);
        }
    }
}
