package dev.triage.plugin.slowlog.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.plugin.slowlog.domain.ParseProblem;
import dev.triage.plugin.slowlog.domain.SlowQueryEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing on several threads, in batches, gives exactly the events and problems of parsing in one batch. */
class BatchedParseTest {

    static Stream<Path> corpusLogs() throws IOException {
        Path dir = Corpus.root().resolve("slowlog");
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpusLogs")
    void everyCorpusLogGivesTheSameEventsWithOneRecordPerBatch(Path log) throws IOException {
        assertThat(parse(log, 1)).isEqualTo(parse(log, Integer.MAX_VALUE));
    }

    @Test
    void recordsWithoutAStatementReadIntoTheNextRecordAcrossWhatWouldBeABatchEnd() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            log.append("# Time: 2024-03-01T10:00:").append(String.format("%02d", i)).append(".000000Z\n")
                    .append("# User@Host: u[u] @ h []  Id: ").append(i).append('\n')
                    .append("# Query_time: 0.").append(i).append("  Lock_time: 0  Rows_sent: 0  Rows_examined: 0\n");
            if (i % 3 == 0) {
                // a header without a statement: pt reads the next record's first line as this one's statement
                log.append("SET timestamp=1709287200;\n# administrator command: Quit;\n");
            } else {
                log.append("SELECT ").append(i).append(" FROM t").append(i % 4).append(";\n");
            }
        }
        byte[] bytes = log.toString().getBytes(StandardCharsets.UTF_8);
        Outcome one = parse(new ByteArrayInputStream(bytes), Integer.MAX_VALUE);
        for (int size : new int[] {1, 1, 1, 2, 2, 3, 7}) {
            assertThat(parse(new ByteArrayInputStream(bytes), size)).as("batches of %d", size).isEqualTo(one);
        }
        assertThat(one.events()).hasSizeGreaterThan(30)
                .extracting(SlowQueryEvent::statement).contains("administrator command: Quit");
    }

    /** Everything a parse gives, to compare two parses of the same bytes. */
    record Outcome(List<SlowQueryEvent> events, List<ParseProblem> problems, long lines, long problemCount) {
    }

    private static Outcome parse(Path log, int batch) throws IOException {
        try (InputStream in = Files.newInputStream(log)) {
            return parse(in, batch);
        }
    }

    /** Parses with the given number of records per batch. */
    static Outcome parse(InputStream in, int batch) throws IOException {
        List<SlowQueryEvent> events = new ArrayList<>();
        var r = SlowLogParser.parse(in, "log", events::add, p -> { }, n -> { }, true, batch);
        return new Outcome(events, r.problems(), r.lines(), r.problemCount());
    }
}
