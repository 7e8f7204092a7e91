package dev.triage.plugin.logs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any line: the time-stamp detector finds no shape or a stamp whose fields are in range (issue 12). */
class StampParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void aStampFoundInAnyLineHasFieldsInRange(byte[] data) {
        StampParser.Parsed out = new StampParser.Parsed();
        StampParser.Kind kind = StampParser.parseAny(new String(data, java.nio.charset.StandardCharsets.UTF_8), out);
        if (kind != null && kind != StampParser.Kind.EPOCH) {
            assertThat(out.month).isBetween(1, 12);
            assertThat(out.day).isBetween(1, 31);
            assertThat(out.hour).isBetween(0, 23);
            assertThat(out.minute).isBetween(0, 59);
        }
    }
}
