package dev.triage.plugin.redisdiag.domain;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The kinds of Redis output the diagnostic reads, and how a pasted dump is recognised. */
public final class RedisDumpKind {

    /** {@code INFO} (any sections) or {@code CLUSTER INFO}. */
    public static final String INFO = "redis-info";
    /** {@code SLOWLOG GET}. */
    public static final String SLOWLOG = "redis-slowlog";
    /** {@code CLUSTER NODES}. */
    public static final String CLUSTER_NODES = "redis-cluster-nodes";
    /** {@code SENTINEL MASTERS}. */
    public static final String SENTINEL_MASTERS = "redis-sentinel-masters";
    /** {@code CLIENT LIST}. */
    public static final String CLIENT_LIST = "redis-client-list";
    /** The sampled big-key scan of a live capture: {@code key<TAB>type<TAB>bytes} lines. */
    public static final String BIG_KEYS = "redis-bigkeys";
    /** Every kind, for {@code --kind}. */
    public static final List<String> ALL = List.of(INFO, SLOWLOG, CLUSTER_NODES, SENTINEL_MASTERS, CLIENT_LIST, BIG_KEYS);

    private static final Pattern INFO_KEY = Pattern.compile("(?m)^(redis_version|used_memory|connected_clients|role|cluster_state"
            + "|sentinel_masters|rdb_last_bgsave_status|aof_enabled|master_link_status|cluster_enabled):");
    private static final Pattern NODE_LINE = Pattern.compile("(?m)^\"?[0-9a-f]{40} \\S+:\\d+");

    private RedisDumpKind() {
    }

    /**
     * Recognises a Redis dump.
     *
     * @param text the dump
     * @return its kind, or empty when it is not Redis output
     */
    public static Optional<String> detect(String text) {
        String head = text.length() > 8192 ? text.substring(0, 8192) : text;
        if (head.stripLeading().startsWith("# Server") || INFO_KEY.matcher(head.replace("\r", "")).find()) {
            return Optional.of(INFO);
        }
        if (NODE_LINE.matcher(head).find()) {
            return Optional.of(CLUSTER_NODES);
        }
        if (head.startsWith("id=") && head.contains(" addr=")) {
            return Optional.of(CLIENT_LIST);
        }
        List<String> lines = RedisReply.lines(head);
        List<String> nonEmpty = lines.stream().filter(l -> !l.isBlank()).limit(40).toList();
        if (!nonEmpty.isEmpty() && nonEmpty.get(0).strip().equals("name") && nonEmpty.contains("flags") && nonEmpty.contains("quorum")) {
            return Optional.of(SENTINEL_MASTERS);
        }
        if (nonEmpty.size() >= 5 && nonEmpty.get(0).matches("\\d+") && nonEmpty.get(1).matches("1\\d{9}")
                && nonEmpty.get(2).matches("\\d+") && !SlowLogEntry.parse(head).isEmpty()) {
            return Optional.of(SLOWLOG);
        }
        return Optional.empty();
    }
}
