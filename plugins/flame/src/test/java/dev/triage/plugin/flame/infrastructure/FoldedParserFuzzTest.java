package dev.triage.plugin.flame.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Any bytes read as folded stacks: a clear parse error or a profile whose total is never negative (issue 12). */
class FoldedParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBytesGiveAProfileOrAParseError(byte[] data) {
        try {
            assertThat(FoldedParser.parse(new ByteArrayInputStream(data), "fuzz.folded").total()).isNotNegative();
        } catch (IOException expected) {
            // ProfileParseException names the line or offset: bad input is reported, never a crash
        }
    }
}
