package dev.triage.plugin.kafkadiag.domain;

import dev.triage.core.diagnostics.Capture;
import dev.triage.diag.domain.DetailTable;
import dev.triage.plugin.kafkadiag.domain.GroupDescription.OffsetRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Kafka view's detail tables read from a capture: every topic partition with its leader, replicas and ISR, and the
 * consumer lag per group partition with its lag status over the capture's samples (most lag first).
 */
public final class KafkaDetails {

    /** The id of the partition table. */
    public static final String PARTITIONS = "partitions";
    /** The id of the consumer-lag table. */
    public static final String LAG = "lag";

    private KafkaDetails() {
    }

    /**
     * Reads the tables from a capture or a dump; both tables are always there (maybe empty).
     *
     * @param capture the capture
     * @return the tables
     */
    public static List<DetailTable> tables(Capture capture) {
        List<List<String>> partitions = new ArrayList<>();
        TopicDescription d = TopicDescription.latest(capture.items(KafkaDumpKind.TOPICS).stream().map(i -> TopicDescription.parse(i.output()))
                .toList());
        for (TopicDescription.Partition p : d.partitions()) {
            TopicDescription.Topic t = d.topics().get(p.topic());
            int rf = p.replicas().size();
            String state = p.leader() < 0 ? "OFFLINE" : p.isr().size() < rf ? "UNDER-REPLICATED"
                    : t != null && p.isr().size() < t.minIsr() ? "UNDER-MIN-ISR" : "ok";
            partitions.add(List.of(p.topic(), Integer.toString(p.partition()), p.leader() < 0 ? "none" : Integer.toString(p.leader()),
                    ids(p.replicas()), ids(p.isr()), Integer.toString(rf), t == null ? "" : Integer.toString(t.minIsr()), state));
        }
        // problems first, then the users' topics before the internal ones (__consumer_offsets has 50 healthy partitions)
        partitions.sort(Comparator.comparing((List<String> r) -> r.get(7).equals("ok")).thenComparing(r -> r.get(0).startsWith("__")));
        List<GroupDescription> samples = capture.items(KafkaDumpKind.GROUPS).stream().map(i -> GroupDescription.parse(i.output())).toList();
        Map<String, List<OffsetRow>> windows = new LinkedHashMap<>();
        for (GroupDescription s : samples) {
            for (OffsetRow r : s.offsets()) {
                windows.computeIfAbsent(r.group() + "\u0000" + r.name(), k -> new ArrayList<>()).add(r);
            }
        }
        GroupDescription last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
        List<List<String>> lag = new ArrayList<>();
        windows.values().stream().sorted(Comparator.comparingLong((List<OffsetRow> w) -> w.get(w.size() - 1).lag()).reversed()).forEach(w -> {
            OffsetRow r = w.get(w.size() - 1);
            String state = last == null ? "" : last.states().getOrDefault(r.group(), "");
            int members = last == null ? -1 : last.members().getOrDefault(r.group(), -1);
            boolean active = members != 0 && !state.equals("Empty") && !state.equals("Dead")
                    && !(last != null && last.notes().getOrDefault(r.group(), List.of()).contains("no active members"));
            lag.add(List.of(r.group(), r.topic(), Integer.toString(r.partition()), offset(r.committed()), offset(r.logEnd()), offset(r.lag()),
                    r.consumer(), LagStatus.evaluate(w, active).name(), Integer.toString(w.size())));
        });
        return List.of(new DetailTable(PARTITIONS, "Topic partitions", List.of("Topic", "Partition", "Leader", "Replicas", "ISR", "RF",
                        "min ISR", "State"), partitions),
                new DetailTable(LAG, "Consumer lag", List.of("Group", "Topic", "Partition", "Committed", "Log end", "Lag", "Consumer",
                        "Lag status", "Samples"), lag));
    }

    private static String ids(List<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String offset(long v) {
        return v < 0 ? "-" : Long.toString(v);
    }
}
