package dev.triage.plugin.slowlog.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.task.TaskContext;
import dev.triage.plugin.slowlog.application.DigestAttribute;
import dev.triage.plugin.slowlog.application.DigestFilter;
import dev.triage.plugin.slowlog.application.DigestGroup;
import dev.triage.plugin.slowlog.application.DigestOrder;
import dev.triage.plugin.slowlog.application.DigestQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class summary written at import gives exactly the digest aggregated from the events, in every order. */
class SlowLogSummaryTest {

    private static final TaskContext NONE = PtQueryDigestOracleTest.NONE;

    @Test
    void storedSummaryEqualsAFreshDigestAndIsDroppedWhenEventsChange(@TempDir Path dir) throws Exception {
        Path first = Files.writeString(dir.resolve("a.log"), StreamingDigestTest.randomLog(new Random(1), 400));
        Path second = Files.writeString(dir.resolve("b.log"), StreamingDigestTest.randomLog(new Random(2), 300));
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("case.duckdb"));
             Statement st = conn.createStatement()) {
            st.execute(SlowLogSchema.CREATE_EVENTS);
            st.execute(SlowLogSchema.CREATE_FILES);
            st.execute(SlowLogSchema.ADD_PLAN_DIGEST);
            assertThat(DuckDbSlowLogStore.summaryIsFresh(conn)).as("no summary yet").isFalse();
            SlowLogLoader.load(conn, "1", first, first, true, NONE, p -> { });
            DuckDbSlowLogStore.writeSummary(conn);
            assertThat(DuckDbSlowLogStore.summaryIsFresh(conn)).isTrue();
            sameInEveryOrder(conn);

            SlowLogLoader.load(conn, "2", second, second, true, NONE, p -> { });
            assertThat(DuckDbSlowLogStore.summaryIsFresh(conn)).as("summary after more events were loaded").isFalse();
            DigestQuery all = new DigestQuery(DigestOrder.SUM, 1_000);
            assertThat(DuckDbSlowLogStore.digest(conn, all)).isEqualTo(DuckDbSlowLogStore.digestEvents(conn, all))
                    .extracting(r -> r.count()).asList().isNotEmpty();
            DuckDbSlowLogStore.writeSummary(conn);
            assertThat(DuckDbSlowLogStore.summaryIsFresh(conn)).isTrue();
            sameInEveryOrder(conn);
        }
    }

    private static void sameInEveryOrder(Connection conn) throws Exception {
        for (DigestOrder order : DigestOrder.values()) {
            for (DigestAttribute attribute : DigestAttribute.values()) {
                for (int limit : new int[] {2, 1_000}) {
                    DigestQuery q = new DigestQuery(order, attribute, DigestGroup.FINGERPRINT, limit, DigestFilter.ALL);
                    var fresh = DuckDbSlowLogStore.digestEvents(conn, q);
                    assertThat(fresh).as("fresh digest %s", q).isNotEmpty();
                    assertThat(DuckDbSlowLogStore.fromSummary(conn, q)).as("summary %s", q).isEqualTo(fresh);
                    assertThat(DuckDbSlowLogStore.digest(conn, q)).as("digest %s", q).isEqualTo(fresh);
                }
            }
        }
    }
}
