package dev.triage.plugin.kafkadiag.domain;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any text pasted as kafka-consumer-groups or kafka-topics --describe output is read without an exception (issue 12). */
class KafkaDescribeFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyTextReadsAsGroupsAndTopicsWithoutAnException(byte[] data) {
        String text = new String(data, java.nio.charset.StandardCharsets.UTF_8);
        GroupDescription.parse(text);
        TopicDescription.parse(text);
    }
}
