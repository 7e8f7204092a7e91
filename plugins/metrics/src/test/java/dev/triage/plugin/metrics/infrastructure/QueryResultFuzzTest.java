package dev.triage.plugin.metrics.infrastructure;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Any bytes saved as a query_range answer: series or a clear error, never a crash (issue 12; docs/fuzzing.md). */
class QueryResultFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBytesGiveSeriesOrAnError(byte[] data) {
        try {
            QueryResultReader.read(new ByteArrayInputStream(data), "fuzz");
        } catch (IOException | IllegalArgumentException expected) {
            // a file that is no query_range JSON is refused with a message
        }
    }
}
