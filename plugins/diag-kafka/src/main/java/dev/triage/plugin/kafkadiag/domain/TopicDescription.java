package dev.triage.plugin.kafkadiag.domain;

import dev.triage.diag.domain.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code kafka-topics.sh --describe} prints: topics with their settings and partitions.
 *
 * @param topics the topic header lines by name (partition count, replication factor, configs)
 * @param partitions the partition lines, in output order
 */
public record TopicDescription(Map<String, Topic> topics, List<Partition> partitions) {

    /** Copies the collections. */
    public TopicDescription {
        topics = Map.copyOf(topics);
        partitions = List.copyOf(partitions);
    }

    /**
     * One topic header line.
     *
     * @param name the topic
     * @param partitionCount how many partitions
     * @param replicationFactor the replication factor
     * @param configs the non-default configs listed
     */
    public record Topic(String name, int partitionCount, int replicationFactor, Map<String, String> configs) {

        /**
         * Returns the topic's min.insync.replicas.
         *
         * @return the value, or 1 when not listed
         */
        public int minIsr() {
            double v = Numbers.parse(configs.get("min.insync.replicas"));
            return Double.isNaN(v) ? 1 : (int) v;
        }
    }

    /**
     * One partition line.
     *
     * @param topic the topic
     * @param partition the partition number
     * @param leader the leader broker id, -1 when none
     * @param replicas the replica broker ids, preferred leader first
     * @param isr the in-sync replica ids
     */
    public record Partition(String topic, int partition, int leader, List<Integer> replicas, List<Integer> isr) {

        /** Copies the lists. */
        public Partition {
            replicas = List.copyOf(replicas);
            isr = List.copyOf(isr);
        }

        /**
         * Returns the partition's name.
         *
         * @return such as {@code orders-3}
         */
        public String name() {
            return topic + "-" + partition;
        }
    }

    /**
     * Parses the tool's output (tab-separated {@code Key: value} fields); warnings and blank lines are skipped.
     *
     * @param text the output
     * @return the topics and partitions
     */
    public static TopicDescription parse(String text) {
        Map<String, Topic> topics = new LinkedHashMap<>();
        List<Partition> partitions = new ArrayList<>();
        for (String line : text.replace("\r", "").split("\n")) {
            Map<String, String> f = fields(line);
            if (!f.containsKey("Topic")) {
                continue;
            }
            if (f.containsKey("Partition")) {
                partitions.add(new Partition(f.get("Topic"), (int) Numbers.parse(f.get("Partition")), leader(f.get("Leader")),
                        ids(f.get("Replicas")), ids(f.get("Isr"))));
            } else if (f.containsKey("PartitionCount")) {
                Map<String, String> configs = new LinkedHashMap<>();
                for (String c : f.getOrDefault("Configs", "").split(",")) {
                    int eq = c.indexOf('=');
                    if (eq > 0) {
                        configs.put(c.substring(0, eq).strip(), c.substring(eq + 1).strip());
                    }
                }
                topics.put(f.get("Topic"), new Topic(f.get("Topic"), (int) Numbers.parse(f.get("PartitionCount")),
                        (int) Numbers.parse(f.get("ReplicationFactor")), configs));
            }
        }
        return new TopicDescription(topics, partitions);
    }

    /**
     * Merges descriptions taken one after the other: a later description of a topic or partition replaces an earlier one,
     * so filtered dumps add up and repeated samples give the latest state.
     *
     * @param samples the descriptions, oldest first
     * @return the latest known state of every topic and partition
     */
    public static TopicDescription latest(List<TopicDescription> samples) {
        Map<String, Topic> topics = new LinkedHashMap<>();
        Map<String, Partition> partitions = new LinkedHashMap<>();
        for (TopicDescription d : samples) {
            topics.putAll(d.topics());
            d.partitions().forEach(p -> partitions.put(p.name(), p));
        }
        return new TopicDescription(topics, new ArrayList<>(partitions.values()));
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : line.strip().split("\t")) {
            int colon = part.indexOf(':');
            if (colon > 0) {
                out.put(part.substring(0, colon).strip(), part.substring(colon + 1).strip());
            }
        }
        return out;
    }

    private static int leader(String s) {
        double v = Numbers.parse(s);
        return Double.isNaN(v) ? -1 : (int) v;
    }

    private static List<Integer> ids(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        // broker ids are ints; a number too long for one (a damaged dump) is skipped like any other non-id
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> x.matches("-?\\d{1,9}")).map(Integer::valueOf).toList();
    }

    /**
     * Writes topics and partitions in the tool's format, as a live capture stores them.
     *
     * @param topics the topics
     * @param partitions the partitions
     * @return the text
     */
    public static String format(List<Topic> topics, List<Partition> partitions) {
        StringBuilder b = new StringBuilder();
        for (Topic t : topics) {
            b.append("Topic: ").append(t.name()).append("\tPartitionCount: ").append(t.partitionCount()).append("\tReplicationFactor: ")
                    .append(t.replicationFactor()).append("\tConfigs: ").append(t.configs().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, c) -> a + "," + c).orElse("")).append('\n');
            for (Partition p : partitions) {
                if (p.topic().equals(t.name())) {
                    b.append("\tTopic: ").append(p.topic()).append("\tPartition: ").append(p.partition()).append("\tLeader: ")
                            .append(p.leader() < 0 ? "none" : Integer.toString(p.leader())).append("\tReplicas: ").append(join(p.replicas()))
                            .append("\tIsr: ").append(join(p.isr())).append('\n');
                }
            }
        }
        return b.toString();
    }

    private static String join(List<Integer> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }
}
