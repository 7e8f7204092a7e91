package dev.triage.plugin.redisdiag.domain;

import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.diag.domain.DetailTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The Redis view's detail tables read from a capture: the slow log, the sampled big keys and the cluster nodes. */
public final class RedisDetails {

    /** The id of the slow-log table. */
    public static final String SLOWLOG = "slowlog";
    /** The id of the big-key table. */
    public static final String BIG_KEYS = "bigkeys";
    /** The id of the cluster-node table. */
    public static final String CLUSTER_NODES = "cluster-nodes";

    private RedisDetails() {
    }

    private static String time(long unixSeconds) {
        try {
            return Instant.ofEpochSecond(unixSeconds).toString();
        } catch (java.time.DateTimeException e) {
            return Long.toString(unixSeconds);
        }
    }

    /**
     * Reads the tables from a capture or a dump; a slow-log and a big-key table are always there (maybe empty).
     *
     * @param capture the capture
     * @return the tables
     */
    public static List<DetailTable> tables(Capture capture) {
        List<List<String>> slow = new ArrayList<>();
        for (CaptureItem i : capture.items(RedisDumpKind.SLOWLOG)) {
            for (SlowLogEntry e : SlowLogEntry.parse(i.output())) {
                String args = String.join(" ", e.args().subList(Math.min(1, e.args().size()), e.args().size()));
                slow.add(List.of(Long.toString(e.id()), time(e.unixTime()), Long.toString(e.micros()),
                        e.command(), args.length() > 200 ? args.substring(0, 200) + "…" : args, e.client(), e.clientName()));
            }
        }
        slow.sort(Comparator.comparing((List<String> r) -> Long.parseLong(r.get(2))).reversed());
        List<List<String>> big = new ArrayList<>();
        for (CaptureItem i : capture.items(RedisDumpKind.BIG_KEYS)) {
            i.output().lines().map(l -> l.split("\t")).filter(a -> a.length >= 3).forEach(a -> big.add(List.of(a[0], a[1], a[2])));
        }
        List<DetailTable> out = new ArrayList<>();
        out.add(new DetailTable(SLOWLOG, "Slow log", List.of("Id", "Time (UTC)", "µs", "Command", "Arguments", "Client", "Name"), slow));
        out.add(new DetailTable(BIG_KEYS, "Big keys", List.of("Key", "Type", "Bytes"), big));
        List<List<String>> nodes = new ArrayList<>();
        for (CaptureItem i : capture.items(RedisDumpKind.CLUSTER_NODES)) {
            for (ClusterNode n : ClusterNode.parse(i.output())) {
                nodes.add(List.of(n.id().length() > 12 ? n.id().substring(0, 12) : n.id(), n.address(), String.join(",", new java.util.TreeSet<>(n.flags())),
                        n.masterId().length() > 12 ? n.masterId().substring(0, 12) : n.masterId(), n.linkState(), Integer.toString(n.slots()),
                        String.join(" ", n.slotRanges())));
            }
        }
        if (!nodes.isEmpty()) {
            out.add(new DetailTable(CLUSTER_NODES, "Cluster nodes", List.of("Node", "Address", "Flags", "Master", "Link", "Slots", "Ranges"),
                    nodes));
        }
        return out;
    }
}
