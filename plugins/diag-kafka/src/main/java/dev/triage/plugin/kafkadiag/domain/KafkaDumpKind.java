package dev.triage.plugin.kafkadiag.domain;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The kinds of Kafka output the diagnostic reads, and how a pasted dump is recognised. */
public final class KafkaDumpKind {

    /** {@code kafka-consumer-groups.sh --describe} (offsets, --state, --members). */
    public static final String GROUPS = "kafka-groups";
    /** {@code kafka-topics.sh --describe}. */
    public static final String TOPICS = "kafka-topics";
    /** The brokers of a live capture: {@code broker <id> <host:port>} lines, {@code controller <id>}, {@code expected <n>}. */
    public static final String CLUSTER = "kafka-cluster";
    /** Every kind, for {@code --kind}. */
    public static final List<String> ALL = List.of(GROUPS, TOPICS, CLUSTER);

    private static final Pattern TOPIC_LINE = Pattern.compile("(?m)^\\s*Topic: \\S+\\t(TopicId|PartitionCount|Partition): ");
    private static final Pattern GROUP_HEADER = Pattern.compile("(?m)^GROUP\\s+(TOPIC|COORDINATOR|CONSUMER-ID)");
    private static final Pattern GROUP_NOTE = Pattern.compile("Consumer group '[^']+' (has no active members|is rebalancing|does not exist)");

    private KafkaDumpKind() {
    }

    /**
     * Recognises a Kafka dump.
     *
     * @param text the dump
     * @return its kind, or empty when it is not Kafka tool output
     */
    public static Optional<String> detect(String text) {
        String head = text.length() > 65536 ? text.substring(0, 65536) : text;
        if (TOPIC_LINE.matcher(head).find()) {
            return Optional.of(TOPICS);
        }
        if (GROUP_HEADER.matcher(head).find() || GROUP_NOTE.matcher(head).find()) {
            return Optional.of(GROUPS);
        }
        if (head.startsWith("broker ") || head.startsWith("controller ")) {
            return Optional.of(CLUSTER);
        }
        return Optional.empty();
    }
}
