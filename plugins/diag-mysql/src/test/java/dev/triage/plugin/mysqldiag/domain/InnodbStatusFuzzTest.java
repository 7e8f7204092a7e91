package dev.triage.plugin.mysqldiag.domain;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any text pasted as SHOW ENGINE INNODB STATUS is read without an exception (issue 12; docs/fuzzing.md). */
class InnodbStatusFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyTextReadsWithoutAnException(byte[] data) {
        InnodbStatus.parse(new String(data, java.nio.charset.StandardCharsets.UTF_8));
    }
}
