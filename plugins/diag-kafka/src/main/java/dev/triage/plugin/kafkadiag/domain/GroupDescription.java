package dev.triage.plugin.kafkadiag.domain;

import dev.triage.diag.domain.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code kafka-consumer-groups.sh --describe} prints (offsets, {@code --state} and {@code --members} tables, and the
 * "no active members" / "is rebalancing" notes), for one or more groups.
 *
 * @param offsets the per-partition offset rows
 * @param states the group states by group
 * @param members how many members each group has, from the state or members table
 * @param notes the notes printed about groups, such as {@code rebalancing} or {@code no active members}
 */
public record GroupDescription(List<OffsetRow> offsets, Map<String, String> states, Map<String, Integer> members,
                               Map<String, List<String>> notes) {

    private static final Pattern NO_MEMBERS = Pattern.compile("Consumer group '([^']+)' has no active members");
    private static final Pattern REBALANCING = Pattern.compile("Consumer group '([^']+)' is rebalancing");
    private static final Pattern NOT_EXIST = Pattern.compile("Consumer group '([^']+)' does not exist");

    /** Copies the collections. */
    public GroupDescription {
        offsets = List.copyOf(offsets);
        states = Map.copyOf(states);
        members = Map.copyOf(members);
        notes = Map.copyOf(notes);
    }

    /**
     * One partition of a group.
     *
     * @param group the group
     * @param topic the topic
     * @param partition the partition
     * @param committed the committed offset, -1 when none
     * @param logEnd the log end offset, -1 when unknown
     * @param lag the lag, -1 when unknown
     * @param consumer the consumer id, {@code -} when none owns it
     * @param clientId the client id
     */
    public record OffsetRow(String group, String topic, int partition, long committed, long logEnd, long lag, String consumer,
                            String clientId) {

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
     * Parses the tool's output.
     *
     * @param text the output
     * @return what it lists
     */
    public static GroupDescription parse(String text) {
        List<OffsetRow> offsets = new ArrayList<>();
        Map<String, String> states = new LinkedHashMap<>();
        Map<String, Integer> members = new LinkedHashMap<>();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        String table = "";
        for (String raw : text.replace("\r", "").split("\n")) {
            String line = raw.strip();
            note(NO_MEMBERS, line, "no active members", notes);
            note(REBALANCING, line, "rebalancing", notes);
            note(NOT_EXIST, line, "does not exist", notes);
            if (line.isEmpty() || line.startsWith("Consumer group") || line.startsWith("Warning") || line.startsWith("Error")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f[0].equals("GROUP")) {
                table = line.contains("LOG-END-OFFSET") ? "offsets" : line.contains("COORDINATOR") ? "state" : line.contains("CONSUMER-ID") ? "members" : "";
                continue;
            }
            switch (table) {
                case "offsets" -> {
                    if (f.length >= 6) {
                        offsets.add(new OffsetRow(f[0], f[1], (int) Numbers.parse(f[2]), num(f[3]), num(f[4]), num(f[5]),
                                f.length > 6 ? f[6] : "-", f.length > 8 ? String.join(" ", java.util.Arrays.copyOfRange(f, 8, f.length)) : "-"));
                    }
                }
                case "state" -> {
                    if (f.length >= 4) {
                        states.put(f[0], f[f.length - 2]);
                        members.put(f[0], (int) Numbers.parse(f[f.length - 1]));
                    }
                }
                case "members" -> members.merge(f[0], 1, (a, b) -> states.containsKey(f[0]) ? a : a + b);
                default -> {
                }
            }
        }
        return new GroupDescription(offsets, states, members, notes);
    }

    private static void note(Pattern p, String line, String what, Map<String, List<String>> notes) {
        Matcher m = p.matcher(line);
        if (m.find()) {
            notes.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(what);
        }
    }

    private static long num(String s) {
        // offsets are exact longs: through a double, offsets above 2^53 came back rounded (found by KafkaGroupsFuzzTest)
        String t = s == null ? "" : s.strip();
        if (t.matches("-?\\d{1,19}")) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException tooBig) {
                return -1;
            }
        }
        double v = Numbers.parse(s);
        return Double.isNaN(v) ? -1 : (long) v;
    }

    /**
     * Writes a group's state and offsets in the tool's format, as a live capture stores them.
     *
     * @param group the group
     * @param coordinator the coordinator, such as {@code 127.0.0.1:9092 (1)}
     * @param assignor the assignment strategy
     * @param state the state, such as {@code Stable}
     * @param memberCount how many members
     * @param rows the offset rows
     * @return the text
     */
    public static String format(String group, String coordinator, String assignor, String state, int memberCount, List<OffsetRow> rows) {
        StringBuilder b = new StringBuilder();
        b.append("\nGROUP           COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE                #MEMBERS\n");
        b.append(String.format("%-15s %-25s %-20s %-20s %d%n", group, coordinator, assignor.isEmpty() ? "-" : assignor, state, memberCount));
        b.append("\nGROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID\n");
        for (OffsetRow r : rows) {
            b.append(String.format("%-15s %-15s %-10d %-15s %-15s %-15s %-15s %-15s %s%n", r.group(), r.topic(), r.partition(),
                    r.committed() < 0 ? "-" : Long.toString(r.committed()), r.logEnd() < 0 ? "-" : Long.toString(r.logEnd()),
                    r.lag() < 0 ? "-" : Long.toString(r.lag()), r.consumer(), "-", r.clientId()));
        }
        return b.toString();
    }
}
