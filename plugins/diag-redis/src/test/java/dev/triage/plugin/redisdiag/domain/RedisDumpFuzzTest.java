package dev.triage.plugin.redisdiag.domain;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any text pasted as a Redis INFO dump is read without an exception (issue 12; docs/fuzzing.md). */
class RedisDumpFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyTextReadsAsInfoWithoutAnException(byte[] data) {
        RedisInfo.parse(new String(data, java.nio.charset.StandardCharsets.UTF_8));
    }
}
