package dev.triage.plugin.slowlog.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.slowlog.application.DigestOrder;
import dev.triage.plugin.slowlog.application.DigestQuery;
import dev.triage.plugin.slowlog.application.DigestRow;
import dev.triage.plugin.slowlog.domain.SlowQueryEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every slow log of the corpus with a pt-query-digest 3.2.1 JSON oracle, Triage's classes equal pt-query-digest's:
 * every class pt reports (its JSON lists only the top classes, {@code --limit 95%:20}) has the same id, fingerprint,
 * count and total query time in Triage, both from the parser and from the DuckDB digest, and the numbers of timed events and of classes equal pt's global ones.
 */
class PtQueryDigestOracleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A task context that reports nothing and is never cancelled, for the tests of this package. */
    static final TaskContext NONE = new TaskContext() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** One class as the oracle and the test see it. */
    record Stats(String fingerprint, long count, long timed, double queryTime) {
    }

    @TestFactory
    Stream<DynamicTest> classesEqualPtQueryDigests() throws IOException {
        Path corpus = Corpus.root();
        Path slowlogs = corpus.resolve("slowlog");
        Path expected = corpus.resolve("expected/pt-query-digest");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(slowlogs)) {
            for (Path log : files.filter(Files::isRegularFile).sorted().toList()) {
                Path oracle = expected.resolve(slowlogs.relativize(log).toString().replace('/', '_') + ".json");
                if (Files.exists(oracle)) {
                    tests.add(DynamicTest.dynamicTest(slowlogs.relativize(log).toString(), () -> compare(log, oracle)));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(30);
        return tests.stream();
    }

    static void compare(Path log, Path oracle) throws Exception {
        Map<String, Stats> ours = classes(log);
        Map<String, Stats> inDuckDb = new LinkedHashMap<>();
        for (DigestRow r : new DuckDbSlowLogStore().digestFiles(List.of(log), new DigestQuery(DigestOrder.SUM, 1_000_000), NONE)) {
            inDuckDb.put(r.checksum(), new Stats(r.fingerprint(), r.count(), 0,
                    r.queryTime().sum() == null ? 0 : r.queryTime().sum()));
        }
        assertThat(inDuckDb.keySet()).as("classes digested in DuckDB").containsExactlyInAnyOrderElementsOf(ours.keySet());
        String text = Files.readString(oracle);
        if (text.isBlank()) {
            assertThat(ours).as("pt-query-digest found no events").isEmpty();
            return;
        }
        // pt-query-digest writes "Reading from STDIN ..." before the JSON when it reads a pipe (the .gz oracle).
        JsonNode root = JSON.readTree(text.substring(text.indexOf('{')));
        Map<String, Stats> theirs = new LinkedHashMap<>();
        for (JsonNode c : root.path("classes")) {
            theirs.put(c.path("checksum").asText(), new Stats(c.path("fingerprint").asText(), c.path("query_count").asLong(), 0,
                    c.path("metrics").path("Query_time").path("sum").asDouble()));
        }
        for (var e : theirs.entrySet()) {
            assertThat(ours).as("class %s (%s)", e.getKey(), e.getValue().fingerprint()).containsKey(e.getKey());
            Stats o = ours.get(e.getKey());
            Stats d = inDuckDb.get(e.getKey());
            assertThat(d.fingerprint()).as("fingerprint of %s in DuckDB", e.getKey()).isEqualTo(e.getValue().fingerprint());
            assertThat(d.count()).as("count of %s in DuckDB", e.getKey()).isEqualTo(e.getValue().count());
            assertThat(d.queryTime()).as("query time of %s in DuckDB", e.getKey())
                    .isCloseTo(e.getValue().queryTime(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(o.fingerprint()).as("fingerprint of %s", e.getKey()).isEqualTo(e.getValue().fingerprint());
            assertThat(o.count()).as("count of %s", e.getKey()).isEqualTo(e.getValue().count());
            assertThat(o.queryTime()).as("query time of %s", e.getKey())
                    .isCloseTo(e.getValue().queryTime(), org.assertj.core.data.Offset.offset(1e-6));
        }
        // pt's global query_count counts the events that have a Query_time.
        long timed = ours.values().stream().mapToLong(Stats::timed).sum();
        assertThat(timed).as("events with a Query_time").isEqualTo(root.path("global").path("query_count").asLong());
        assertThat(ours).as("classes").hasSize(root.path("global").path("unique_query_count").asInt());
    }

    static Map<String, Stats> classes(Path log) throws IOException {
        Map<String, Stats> out = new LinkedHashMap<>();
        SlowLogParser.parse(log, (SlowQueryEvent e) -> out.merge(e.checksum(),
                new Stats(e.fingerprint(), 1, e.queryTime() == null ? 0 : 1, e.queryTime() == null ? 0 : e.queryTime()),
                (a, b) -> new Stats(a.fingerprint(), a.count() + b.count(), a.timed() + b.timed(), a.queryTime() + b.queryTime())), n -> { });
        return out;
    }
}
