package dev.triage.plugin.redisdiag.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One line of {@code CLUSTER NODES}.
 *
 * @param id the node id
 * @param address host:port (without the bus port)
 * @param flags the flags, such as {@code myself}, {@code master}, {@code slave}, {@code fail}, {@code fail?}
 * @param masterId the master's id for a replica, {@code -} for a master
 * @param linkState {@code connected} or {@code disconnected}
 * @param slots how many hash slots it serves
 * @param slotRanges the slot ranges as listed
 */
public record ClusterNode(String id, String address, Set<String> flags, String masterId, String linkState, int slots, List<String> slotRanges) {

    /** Copies the collections. */
    public ClusterNode {
        flags = Set.copyOf(flags);
        slotRanges = List.copyOf(slotRanges);
    }

    /**
     * Tells whether the node is a master.
     *
     * @return true for a master
     */
    public boolean master() {
        return flags.contains("master");
    }

    /**
     * Tells whether the cluster considers the node failed (or possibly failed).
     *
     * @return true for {@code fail} or {@code fail?}
     */
    public boolean failing() {
        return flags.contains("fail") || flags.contains("fail?");
    }

    /**
     * Parses CLUSTER NODES output (raw or {@code --no-raw}).
     *
     * @param text the output
     * @return the nodes
     */
    public static List<ClusterNode> parse(String text) {
        List<ClusterNode> out = new ArrayList<>();
        for (String raw : RedisReply.lines(text)) {
            String line = raw.strip();
            if (line.length() >= 2 && line.startsWith("\"") && line.endsWith("\"")) {
                line = line.substring(1, line.length() - 1);
            }
            for (String l : line.split("\\\\n")) {
                parseLine(l.strip(), out);
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern SLOT_RANGE = java.util.regex.Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?");
    private static final int MAX_SLOT = 16383;

    private static void parseLine(String line, List<ClusterNode> out) {
        String[] f = line.split("\\s+");
        if (f.length < 8 || !f[0].matches("[0-9a-f]{40}")) {
            return;
        }
        String address = f[1].contains("@") ? f[1].substring(0, f[1].indexOf('@')) : f[1];
        int slots = 0;
        List<String> ranges = new ArrayList<>();
        for (int i = 8; i < f.length; i++) {
            if (f[i].startsWith("[")) {
                continue;
            }
            java.util.regex.Matcher m = SLOT_RANGE.matcher(f[i]);
            if (!m.matches()) {
                continue; // not a slot or slot range; ignored
            }
            int start = Integer.parseInt(m.group(1));
            int end = m.group(2) == null ? start : Integer.parseInt(m.group(2));
            if (end < start || end > MAX_SLOT) {
                continue; // a reversed range or a slot past 16383 (a damaged dump) counts for nothing
            }
            ranges.add(f[i]);
            slots += end - start + 1;
        }
        out.add(new ClusterNode(f[0], address, new java.util.TreeSet<>(java.util.Arrays.asList(f[2].split(","))), f[3], f[7], slots, ranges));
    }
}
