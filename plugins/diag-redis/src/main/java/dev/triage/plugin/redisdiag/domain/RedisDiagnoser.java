package dev.triage.plugin.redisdiag.domain;

import static dev.triage.core.finding.Evidence.line;
import static dev.triage.core.finding.Evidence.metric;
import static dev.triage.diag.domain.Numbers.bytes;
import static dev.triage.diag.domain.Numbers.percent;
import static dev.triage.diag.domain.Numbers.plain;

import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.core.diagnostics.DiagnosticCategory;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Severity;
import dev.triage.diag.domain.FindingCollector;
import dev.triage.diag.domain.Numbers;
import dev.triage.diag.domain.Rules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Turns a Redis capture (INFO, SLOWLOG, CLUSTER NODES, SENTINEL MASTERS, CLIENT LIST, big keys) into findings. */
public final class RedisDiagnoser {

    /** The categories, in display order. */
    public static final List<DiagnosticCategory> CATEGORIES = List.of(new DiagnosticCategory("memory", "Memory"),
            new DiagnosticCategory("connections", "Connections"), new DiagnosticCategory("replication", "Replication"),
            new DiagnosticCategory("persistence", "Persistence"), new DiagnosticCategory("performance", "Performance"),
            new DiagnosticCategory("keyspace", "Keyspace"), new DiagnosticCategory("cluster", "Cluster"),
            new DiagnosticCategory("sentinel", "Sentinel"));

    /** Commands that block the server or destroy data, listed when they show up in the slow log. */
    public static final Set<String> DANGEROUS = Set.of("KEYS", "FLUSHALL", "FLUSHDB", "DEBUG", "SAVE", "SHUTDOWN");

    private final String pluginId;

    /**
     * Creates a diagnoser.
     *
     * @param pluginId the id findings are attributed to
     */
    public RedisDiagnoser(String pluginId) {
        this.pluginId = pluginId;
    }

    /**
     * Diagnoses a capture.
     *
     * @param capture the raw outputs
     * @param categories the category ids; empty for all
     * @param rules the thresholds
     * @return the diagnosis
     */
    public Diagnosis diagnose(Capture capture, Set<String> categories, Rules rules) {
        FindingCollector c = new FindingCollector(pluginId, capture.target(), capture.time(), categories, rules);
        List<RedisInfo> infos = capture.items(RedisDumpKind.INFO).stream().map(i -> RedisInfo.parse(i.output())).toList();
        RedisInfo info = RedisInfo.merge(infos);
        if (info.size() > 0) {
            memory(info, c);
            connections(info, c);
            replication(info, c);
            persistence(info, c);
            performance(info, c);
            keyspace(info, c);
            clusterInfo(info, c);
            sentinelInfo(info, c);
        }
        for (CaptureItem i : capture.items(RedisDumpKind.SLOWLOG)) {
            slowlog(SlowLogEntry.parse(i.output()), c);
        }
        for (CaptureItem i : capture.items(RedisDumpKind.CLIENT_LIST)) {
            clients(ClientInfo.parse(i.output()), c);
        }
        for (CaptureItem i : capture.items(RedisDumpKind.CLUSTER_NODES)) {
            clusterNodes(ClusterNode.parse(i.output()), c);
        }
        for (CaptureItem i : capture.items(RedisDumpKind.SENTINEL_MASTERS)) {
            sentinelMasters(SentinelMaster.parse(i.output()), c);
        }
        for (CaptureItem i : capture.items(RedisDumpKind.BIG_KEYS)) {
            bigKeys(i.output(), c);
        }
        return new Diagnosis(capture, c.findings(), c.metrics());
    }

    private static void memory(RedisInfo info, FindingCollector c) {
        if (!info.has("used_memory")) {
            return;
        }
        double used = info.num("used_memory");
        double max = info.num("maxmemory");
        double rss = info.num("used_memory_rss");
        double frag = info.num("mem_fragmentation_ratio");
        double evicted = info.num("evicted_keys");
        String policy = info.get("maxmemory_policy");
        c.metric("used_memory", used);
        c.metric("used_memory_rss", rss);
        c.metric("maxmemory", max);
        c.metric("mem_fragmentation_ratio", frag);
        c.metric("evicted_keys", evicted);
        Evidence usedEv = metric("used_memory", plain(used) + " (" + bytes(used) + ")");
        Evidence maxEv = metric("maxmemory", plain(max) + " (" + bytes(max) + ")");
        Evidence policyEv = metric("maxmemory_policy", policy);
        double oom = Numbers.parse(RedisInfo.split(info.get("errorstat_OOM")).get("count"));
        if (max > 0) {
            double ratio = used / max;
            c.metric("memory_used_ratio", ratio);
            c.rate("memory", "memory.used_ratio", ratio, "Memory used is " + percent(ratio) + " of maxmemory",
                    "Raise maxmemory, shrink the data set (TTLs, smaller values) or scale out; with noeviction, writes fail once full.",
                    usedEv, maxEv, policyEv);
            if ("noeviction".equals(policy) && (used >= max || oom > 0)) {
                c.add("memory", Severity.CRITICAL, "Writes are refused with OOM: memory is full and the policy is noeviction",
                        "Free memory or raise maxmemory now; choose an eviction policy (allkeys-lru) if this is a cache.",
                        usedEv, maxEv, policyEv, metric("errorstat_OOM", Double.isNaN(oom) ? "0" : plain(oom)));
            }
        } else if (!"sentinel".equals(info.get("redis_mode"))) {
            c.add("memory", Severity.INFO, "No maxmemory limit is set: Redis can grow until the OS kills it",
                    "Set maxmemory below the machine's memory (leave room for fork copy-on-write) and pick an eviction policy.",
                    usedEv, maxEv);
        }
        c.rate("memory", "memory.evicted_keys", evicted, plain(evicted) + " keys were evicted to stay under maxmemory",
                "Evictions drop data: raise maxmemory or reduce the data set if these keys matter; check the hit rate.",
                metric("evicted_keys", plain(evicted)), usedEv, maxEv, policyEv);
        double excess = rss - used;
        if (!Double.isNaN(frag) && excess >= c.rules().get("memory.fragmentation_min_excess_bytes").warning()) {
            c.rate("memory", "memory.fragmentation_ratio", frag, "Memory fragmentation ratio is " + plain(frag)
                            + ": the process holds " + bytes(excess) + " more than the data needs",
                    "Enable activedefrag (jemalloc) or restart the instance after a failover; MEMORY PURGE can release some.",
                    metric("mem_fragmentation_ratio", plain(frag)), metric("used_memory_rss", plain(rss) + " (" + bytes(rss) + ")"),
                    usedEv, metric("allocator_frag_ratio", info.get("allocator_frag_ratio")), metric("active_defrag_running",
                            info.get("active_defrag_running")));
        }
        if (!Double.isNaN(frag) && used >= c.rules().get("memory.swap_min_used_bytes").warning()) {
            c.rate("memory", "memory.fragmentation_low", frag, "Memory fragmentation ratio is " + plain(frag)
                    + " (< 1): part of Redis is swapped out", "Disable swap for Redis or add memory; swapping makes every command slow.",
                    metric("mem_fragmentation_ratio", plain(frag)), metric("used_memory_rss", plain(rss)), usedEv);
        }
    }

    private static void connections(RedisInfo info, FindingCollector c) {
        if (!info.has("connected_clients")) {
            return;
        }
        double clients = info.num("connected_clients");
        double maxClients = info.num("maxclients");
        double blocked = info.num("blocked_clients");
        c.metric("connected_clients", clients);
        c.metric("blocked_clients", blocked);
        Evidence clientsEv = metric("connected_clients", plain(clients));
        if (maxClients > 0) {
            c.rate("connections", "connections.used_ratio", clients / maxClients, "Clients use " + percent(clients / maxClients)
                    + " of maxclients", "Raise maxclients (and the file descriptor limit) or find the clients that leak connections.",
                    clientsEv, metric("maxclients", plain(maxClients)));
        }
        c.rate("connections", "connections.connected_clients", clients, plain(clients) + " clients are connected",
                "Check CLIENT LIST for idle clients and per-host counts; use a connection pool with a sane maximum.",
                clientsEv, metric("maxclients", plain(maxClients)));
        c.rate("connections", "connections.blocked_clients", blocked, plain(blocked) + " clients are blocked (BLPOP/BRPOP/WAIT...)",
                "Blocked clients wait for data: fine for queue consumers, a problem when producers stopped; check the lists they wait on.",
                metric("blocked_clients", plain(blocked)), metric("clients_in_timeout_table", info.get("clients_in_timeout_table")));
        double rejected = info.num("rejected_connections");
        c.rate("connections", "connections.rejected", rejected, plain(rejected) + " connections were rejected (maxclients reached)",
                "Raise maxclients or reduce the number of clients.", metric("rejected_connections", plain(rejected)));
    }

    private static void replication(RedisInfo info, FindingCollector c) {
        String role = info.get("role");
        if (role.isEmpty()) {
            return;
        }
        if (role.equals("slave")) {
            String link = info.get("master_link_status");
            Evidence master = metric("master", info.get("master_host") + ":" + info.get("master_port"));
            if (info.num("master_sync_in_progress") > 0) {
                c.add("replication", Severity.WARNING, "The replica is doing its initial sync with the master",
                        "Wait for the sync to finish; a sync that restarts over and over needs a bigger repl-backlog or output buffer limit.",
                        master, metric("master_link_status", link), metric("master_sync_in_progress", info.get("master_sync_in_progress")));
            } else if (link.equals("down")) {
                c.add("replication", Severity.CRITICAL, "The replica lost its master: master_link_status is down",
                        "Check the master is up and reachable; reads from this replica return stale data until the link is back.",
                        master, metric("master_link_status", link),
                        metric("master_link_down_since_seconds", info.get("master_link_down_since_seconds")),
                        metric("master_last_io_seconds_ago", info.get("master_last_io_seconds_ago")));
            } else if (link.equals("up")) {
                c.add("replication", Severity.OK, "The replica is connected to its master", "", master, metric("master_link_status", link),
                        metric("slave_repl_offset", info.get("slave_repl_offset")));
                c.rate("replication", "replication.last_io_seconds", info.num("master_last_io_seconds_ago"),
                        "The master has not sent anything for " + info.get("master_last_io_seconds_ago") + " s",
                        "Check the network between master and replica.", master);
            }
            return;
        }
        double masterOffset = info.num("master_repl_offset");
        c.metric("connected_slaves", info.num("connected_slaves"));
        for (Map.Entry<String, String> e : info.withPrefix("slave").entrySet()) {
            if (!e.getKey().matches("slave\\d+")) {
                continue;
            }
            Map<String, String> s = RedisInfo.split(e.getValue());
            String who = s.getOrDefault("ip", "?") + ":" + s.getOrDefault("port", "?");
            String state = s.getOrDefault("state", "");
            if (!state.equals("online")) {
                c.add("replication", Severity.WARNING, "Replica " + who + " is not online: state " + state,
                        "A replica in wait_bgsave/send_bulk is still syncing; if it stays there, check the master's fork and network.",
                        metric(e.getKey(), e.getValue()));
                continue;
            }
            double offsetLag = masterOffset - Numbers.parse(s.get("offset"));
            c.rate("replication", "replication.offset_lag_bytes", offsetLag, "Replica " + who + " is " + bytes(offsetLag) + " behind",
                    "Check the replica's load and the network; a lag beyond repl-backlog-size forces a full resync.",
                    metric(e.getKey(), e.getValue()), metric("master_repl_offset", plain(masterOffset)));
            c.rate("replication", "replication.lag_seconds", Numbers.parse(s.get("lag")), "Replica " + who + " last acknowledged "
                    + s.get("lag") + " s ago", "Check the replica host and the network.", metric(e.getKey(), e.getValue()));
        }
        String replid2 = info.get("master_replid2");
        if (!replid2.isEmpty() && !replid2.matches("0+")) {
            c.add("replication", Severity.INFO, "This master was promoted from a replica (failover) at offset " + info.get("second_repl_offset"),
                    "Check the clients follow the new master and that the old master rejoins as a replica.",
                    metric("master_replid2", replid2), metric("second_repl_offset", info.get("second_repl_offset")),
                    metric("connected_slaves", info.get("connected_slaves")));
        }
    }

    private static void persistence(RedisInfo info, FindingCollector c) {
        if (!info.has("rdb_last_bgsave_status")) {
            return;
        }
        if (info.get("rdb_last_bgsave_status").equals("err")) {
            double misconf = Numbers.parse(RedisInfo.split(info.get("errorstat_MISCONF")).get("count"));
            c.add("persistence", Severity.CRITICAL, "The last RDB save (BGSAVE) failed; with stop-writes-on-bgsave-error, writes are refused",
                    "Read the server log for the cause (disk full, permissions of dir), fix it and run BGSAVE again.",
                    metric("rdb_last_bgsave_status", "err"), metric("rdb_changes_since_last_save", info.get("rdb_changes_since_last_save")),
                    metric("rdb_last_save_time", info.get("rdb_last_save_time")),
                    metric("errorstat_MISCONF", Double.isNaN(misconf) ? "0" : plain(misconf)));
        }
        if (info.get("aof_last_bgrewrite_status").equals("err") || info.get("aof_last_write_status").equals("err")) {
            c.add("persistence", Severity.CRITICAL, "AOF writing or rewriting failed",
                    "Read the server log (disk full, permissions); the AOF may be incomplete.",
                    metric("aof_last_bgrewrite_status", info.get("aof_last_bgrewrite_status")),
                    metric("aof_last_write_status", info.get("aof_last_write_status")));
        }
        if (info.num("aof_rewrite_in_progress") > 0 || info.num("rdb_bgsave_in_progress") > 0) {
            String what = info.num("aof_rewrite_in_progress") > 0 ? "An AOF rewrite" : "An RDB save";
            double done = info.num("current_save_keys_processed");
            double total = info.num("current_save_keys_total");
            c.add("persistence", Severity.INFO, what + " is in progress" + (total > 0 ? " (" + percent(done / total) + " of keys)" : ""),
                    "Expect extra memory (copy-on-write) and disk I/O until it ends.",
                    metric("aof_rewrite_in_progress", info.get("aof_rewrite_in_progress")),
                    metric("rdb_bgsave_in_progress", info.get("rdb_bgsave_in_progress")),
                    metric("current_save_keys_processed", info.get("current_save_keys_processed")),
                    metric("current_save_keys_total", info.get("current_save_keys_total")));
        }
        double fork = info.num("latest_fork_usec");
        c.metric("latest_fork_usec", fork);
        c.rate("persistence", "persistence.fork_usec", fork, "The last fork took " + plain(fork / 1000) + " ms, blocking the server",
                "Forks of big instances block: use smaller instances, disable transparent huge pages, or save from a replica.",
                metric("latest_fork_usec", plain(fork)), metric("used_memory", info.get("used_memory")));
    }

    private static void performance(RedisInfo info, FindingCollector c) {
        double hits = info.num("keyspace_hits");
        double misses = info.num("keyspace_misses");
        c.metric("instantaneous_ops_per_sec", info.num("instantaneous_ops_per_sec"));
        if (hits + misses >= c.rules().get("performance.hit_ratio_min_lookups").warning()) {
            double ratio = hits / (hits + misses);
            c.metric("hit_ratio", ratio);
            c.rate("performance", "performance.hit_ratio", ratio, "Keyspace hit rate is " + percent(ratio),
                    "Many lookups miss: check the cache is filled and TTLs are not too short; evictions lower the hit rate too.",
                    metric("keyspace_hits", plain(hits)), metric("keyspace_misses", plain(misses)));
        }
        List<Map.Entry<String, Map<String, String>>> stats = info.withPrefix("cmdstat_").entrySet().stream()
                .map(e -> Map.entry(e.getKey().substring("cmdstat_".length()), RedisInfo.split(e.getValue()))).toList();
        for (Map.Entry<String, Map<String, String>> s : stats) {
            double calls = Numbers.parse(s.getValue().get("calls"));
            double perCall = Numbers.parse(s.getValue().get("usec_per_call"));
            if (calls >= c.rules().get("performance.min_calls").warning()) {
                c.rate("performance", "performance.usec_per_call", perCall, s.getKey().toUpperCase(java.util.Locale.ROOT) + " takes "
                        + plain(perCall) + " µs per call on average", "Look for big keys or O(N) use of this command; see the slow log.",
                        metric("cmdstat_" + s.getKey(), "calls=" + plain(calls) + ", usec_per_call=" + plain(perCall)));
            }
        }
        if (!stats.isEmpty()) {
            List<Evidence> top = stats.stream().sorted(Comparator.comparingDouble(
                            (Map.Entry<String, Map<String, String>> s) -> Numbers.parse(s.getValue().get("usec"))).reversed()).limit(5)
                    .map(s -> metric("cmdstat_" + s.getKey(), "calls=" + s.getValue().get("calls") + ", usec=" + s.getValue().get("usec")
                            + ", usec_per_call=" + s.getValue().get("usec_per_call"))).toList();
            c.add("performance", Severity.INFO, "Commands that used the most server time", "", top);
        }
    }

    private static void keyspace(RedisInfo info, FindingCollector c) {
        Map<String, String> dbs = info.withPrefix("db");
        double keys = 0;
        double expires = 0;
        List<Evidence> ev = new ArrayList<>();
        for (Map.Entry<String, String> e : dbs.entrySet()) {
            if (!e.getKey().matches("db\\d+")) {
                continue;
            }
            Map<String, String> p = RedisInfo.split(e.getValue());
            keys += Numbers.parse(p.get("keys"));
            expires += Numbers.parse(p.get("expires"));
            ev.add(metric(e.getKey(), e.getValue()));
        }
        if (ev.isEmpty()) {
            return;
        }
        c.metric("keys", keys);
        c.metric("expires", expires);
        String policy = info.get("maxmemory_policy");
        c.add("keyspace", Severity.INFO, plain(keys) + " keys, " + plain(expires) + " with a TTL", "", ev);
        if (policy.startsWith("volatile") && info.num("maxmemory") > 0 && keys > 0
                && expires / keys < c.rules().get("keyspace.volatile_expires_ratio").warning()) {
            c.add("keyspace", Severity.WARNING, "Policy " + policy + " can only evict keys with a TTL, but only " + percent(expires / keys)
                    + " have one", "Set TTLs on cache keys or use an allkeys-* policy; otherwise writes fail with OOM when full.",
                    metric("maxmemory_policy", policy), metric("keys", plain(keys)), metric("expires", plain(expires)));
        }
    }

    private static void clusterInfo(RedisInfo info, FindingCollector c) {
        if (!info.has("cluster_state")) {
            return;
        }
        double ok = info.num("cluster_slots_ok");
        List<Evidence> ev = List.of(metric("cluster_state", info.get("cluster_state")), metric("cluster_slots_assigned",
                        info.get("cluster_slots_assigned")), metric("cluster_slots_ok", info.get("cluster_slots_ok")),
                metric("cluster_slots_pfail", info.get("cluster_slots_pfail")), metric("cluster_slots_fail", info.get("cluster_slots_fail")),
                metric("cluster_known_nodes", info.get("cluster_known_nodes")), metric("cluster_size", info.get("cluster_size")));
        c.metric("cluster_slots_ok", ok);
        if (!info.get("cluster_state").equals("ok")) {
            c.add("cluster", Severity.CRITICAL, "The cluster is down (cluster_state " + info.get("cluster_state") + "): "
                            + plain(16384 - ok) + " slots are not served",
                    "Bring back the failed master or promote a replica (CLUSTER FAILOVER FORCE on a replica); every command on the "
                            + "missing slots fails with CLUSTERDOWN.", ev);
        } else if (ok < 16384 || info.num("cluster_slots_pfail") > 0) {
            c.add("cluster", Severity.WARNING, "The cluster is up but " + plain(16384 - ok) + " slots are not fully ok",
                    "Check the nodes marked fail? in CLUSTER NODES.", ev);
        } else {
            c.add("cluster", Severity.OK, "The cluster is ok: all 16384 slots are served", "", ev);
        }
    }

    private static void clusterNodes(List<ClusterNode> nodes, FindingCollector c) {
        if (nodes.isEmpty()) {
            return;
        }
        int served = 0;
        for (ClusterNode n : nodes) {
            if (n.master() && !n.failing()) {
                served += n.slots();
            }
            if (n.failing()) {
                boolean holdsSlots = n.master() && n.slots() > 0;
                c.add("cluster", holdsSlots ? Severity.CRITICAL : Severity.WARNING, "Node " + n.address() + " is marked "
                                + String.join(",", new java.util.TreeSet<>(n.flags())) + (holdsSlots ? " and still owns " + n.slots() + " slots" : ""),
                        holdsSlots ? "No replica took over these slots: restart the node or move its slots; the cluster is down for them."
                                : "Restart or forget the failed node (CLUSTER FORGET) so the cluster view is clean.",
                        metric("node", n.id()), metric("flags", String.join(",", n.flags())), metric("link", n.linkState()),
                        metric("slots", String.join(" ", n.slotRanges())));
            }
        }
        Map<String, Long> replicas = nodes.stream().filter(n -> !n.master() && !n.failing())
                .collect(Collectors.groupingBy(ClusterNode::masterId, Collectors.counting()));
        for (ClusterNode n : nodes) {
            if (n.master() && !n.failing() && n.slots() > 0 && replicas.getOrDefault(n.id(), 0L) == 0) {
                c.add("cluster", Severity.WARNING, "Master " + n.address() + " has no working replica: one more failure takes "
                                + n.slots() + " slots down", "Add a replica (CLUSTER REPLICATE) for this master.",
                        metric("node", n.id()), metric("slots", String.join(" ", n.slotRanges())));
            }
        }
        c.metric("cluster_slots_served", served);
        if (served < 16384) {
            c.add("cluster", Severity.CRITICAL, "Only " + served + " of 16384 slots have a working master", "Cover the missing slots.",
                    metric("slots_served", Integer.toString(served)), metric("nodes", Integer.toString(nodes.size())));
        }
    }

    private static void sentinelInfo(RedisInfo info, FindingCollector c) {
        if (!info.has("sentinel_masters")) {
            return;
        }
        for (Map.Entry<String, String> e : info.withPrefix("master").entrySet()) {
            if (!e.getKey().matches("master\\d+")) {
                continue;
            }
            Map<String, String> m = RedisInfo.split(e.getValue());
            String name = m.getOrDefault("name", e.getKey());
            String status = m.getOrDefault("status", "");
            Evidence ev = metric(e.getKey(), e.getValue());
            if (!status.equals("ok")) {
                c.add("sentinel", Severity.CRITICAL, "Sentinel sees master " + name + " as " + status, "Check the master at "
                        + m.get("address") + "; a failover follows when the quorum agrees.", ev);
            } else {
                c.add("sentinel", Severity.OK, "Sentinel sees master " + name + " at " + m.get("address") + " as ok", "", ev);
            }
            double sentinels = Numbers.parse(m.get("sentinels"));
            c.rate("sentinel", "sentinel.min_sentinels", sentinels, "Only " + plain(sentinels) + " sentinel(s) watch master " + name,
                    "Run at least 3 sentinels on separate hosts so a failover needs a real majority.", ev);
            c.rate("sentinel", "sentinel.min_replicas", Numbers.parse(m.get("slaves")), "Master " + name + " has " + m.get("slaves")
                    + " replica(s) to fail over to", "Add replicas: without one, Sentinel cannot fail over.", ev);
        }
        if (info.num("sentinel_tilt") > 0) {
            c.add("sentinel", Severity.WARNING, "Sentinel is in TILT mode", "Check the host clock and load of the sentinel.",
                    metric("sentinel_tilt", info.get("sentinel_tilt")));
        }
    }

    private static void sentinelMasters(List<SentinelMaster> masters, FindingCollector c) {
        for (SentinelMaster m : masters) {
            String name = m.get("name");
            Evidence addr = metric("address", m.get("ip") + ":" + m.get("port"));
            Evidence flags = metric("flags", m.get("flags"));
            Set<String> f = m.flags();
            if (f.contains("o_down") || f.contains("s_down")) {
                c.add("sentinel", Severity.CRITICAL, "Master " + name + " is down (" + m.get("flags") + ")",
                        "A failover starts once the quorum agrees (o_down); check the master host.", addr, flags,
                        metric("quorum", m.get("quorum")), metric("num-other-sentinels", m.get("num-other-sentinels")));
            } else if (f.contains("disconnected")) {
                c.add("sentinel", Severity.WARNING, "Sentinel lost its connection to master " + name + " (" + m.get("flags") + ")",
                        "If it does not come back within down-after-milliseconds (" + m.get("down-after-milliseconds")
                                + " ms) the master is marked down and a failover may follow.", addr, flags,
                        metric("last-ok-ping-reply", m.get("last-ok-ping-reply")));
            } else {
                c.add("sentinel", Severity.OK, "Master " + name + " is up at " + m.get("ip") + ":" + m.get("port"), "", addr, flags);
            }
            if (!m.get("failover-state").isEmpty() && !m.get("failover-state").equals("none")) {
                c.add("sentinel", Severity.WARNING, "A failover of " + name + " is in progress (" + m.get("failover-state") + ")",
                        "Wait for it to finish; clients must follow the new master.", metric("failover-state", m.get("failover-state")));
            }
            double epoch = m.num("config-epoch");
            if (epoch > 0) {
                c.add("sentinel", Severity.INFO, "Master " + name + " has failed over before (config-epoch " + plain(epoch) + "); it is now "
                                + m.get("ip") + ":" + m.get("port"), "Check clients follow the new master and the old one rejoined as a replica.",
                        metric("config-epoch", plain(epoch)), addr);
            }
            double voters = m.num("num-other-sentinels") + 1;
            double quorum = m.num("quorum");
            c.rate("sentinel", "sentinel.min_sentinels", voters, "Only " + plain(voters) + " sentinel(s) watch master " + name
                    + " (quorum " + plain(quorum) + ")", "Run at least 3 sentinels on separate hosts.", metric("num-other-sentinels",
                    m.get("num-other-sentinels")), metric("quorum", m.get("quorum")));
            if (quorum > voters) {
                c.add("sentinel", Severity.CRITICAL, "Quorum " + plain(quorum) + " of master " + name + " cannot be reached by "
                        + plain(voters) + " sentinel(s)", "Lower the quorum or add sentinels; no failover is possible.",
                        metric("quorum", m.get("quorum")), metric("num-other-sentinels", m.get("num-other-sentinels")));
            }
        }
    }

    private static void slowlog(List<SlowLogEntry> entries, FindingCollector c) {
        if (entries.isEmpty()) {
            return;
        }
        SlowLogEntry slowest = entries.stream().max(Comparator.comparingLong(SlowLogEntry::micros)).orElseThrow();
        Map<String, long[]> byCommand = new TreeMap<>();
        for (SlowLogEntry e : entries) {
            long[] s = byCommand.computeIfAbsent(e.command(), k -> new long[3]);
            s[0]++;
            s[1] += e.micros();
            s[2] = Math.max(s[2], e.micros());
        }
        List<Evidence> top = byCommand.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed()).limit(5)
                .map(e -> metric(e.getKey(), e.getValue()[0] + " entries, total " + plain(e.getValue()[1] / 1000.0) + " ms, max "
                        + plain(e.getValue()[2] / 1000.0) + " ms")).toList();
        c.metric("slowlog_max_usec", slowest.micros());
        c.metric("slowlog_entries", entries.size());
        Severity s = c.rules().get("performance.slowlog_max_usec").rate(slowest.micros());
        List<Evidence> ev = new ArrayList<>(top);
        ev.add(line("slowest: " + String.join(" ", slowest.args().subList(0, Math.min(6, slowest.args().size()))) + " — "
                + slowest.micros() + " µs from " + slowest.client()));
        c.add("performance", s == Severity.OK ? Severity.INFO : s, "Slow log: " + entries.size() + " entries, slowest "
                + slowest.command() + " took " + plain(slowest.micros() / 1000.0) + " ms", s == Severity.OK ? ""
                : "Look at the top commands: avoid O(N) commands on big keys (HGETALL, SMEMBERS, LRANGE 0 -1) and split big keys.", ev);
        Map<String, Long> dangerous = entries.stream().filter(e -> DANGEROUS.contains(e.command()))
                .collect(Collectors.groupingBy(SlowLogEntry::command, LinkedHashMap::new, Collectors.counting()));
        if (!dangerous.isEmpty()) {
            c.add("performance", Severity.WARNING, "Blocking commands in the slow log: " + String.join(", ", dangerous.keySet()),
                    "KEYS and FLUSH* block the single-threaded server: use SCAN, UNLINK/FLUSHALL ASYNC, and rename or ACL-deny them.",
                    dangerous.entrySet().stream().map(e -> metric(e.getKey(), e.getValue() + " entries")).toList());
        }
    }

    private static void clients(List<ClientInfo> clients, FindingCollector c) {
        if (clients.isEmpty()) {
            return;
        }
        double idleLimit = c.rules().get("connections.idle_seconds").warning();
        long idle = clients.stream().filter(x -> x.idleSeconds() >= idleLimit).count();
        Map<String, Long> perHost = clients.stream().collect(Collectors.groupingBy(ClientInfo::host, Collectors.counting()));
        List<Evidence> ev = new ArrayList<>();
        ev.add(metric("clients", Integer.toString(clients.size())));
        ev.add(metric("idle >= " + plain(idleLimit) + " s", Long.toString(idle)));
        perHost.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .forEach(e -> ev.add(metric("from " + e.getKey(), e.getValue() + " clients")));
        Map<String, Long> perCmd = clients.stream().collect(Collectors.groupingBy(x -> x.fields().getOrDefault("cmd", ""), Collectors.counting()));
        perCmd.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .forEach(e -> ev.add(metric("last command " + e.getKey(), e.getValue() + " clients")));
        Severity s = c.rules().get("connections.idle_clients").rate(idle);
        c.add("connections", s == Severity.OK ? Severity.INFO : s, clients.size() + " clients listed, " + idle + " idle for "
                + plain(idleLimit) + " s or more", s == Severity.OK ? "" : "Idle clients hold memory and file descriptors: set a "
                + "client timeout or fix pools that never close connections.", ev);
    }

    private static void bigKeys(String text, FindingCollector c) {
        List<String[]> rows = text.lines().map(l -> l.split("\t")).filter(a -> a.length >= 3).toList();
        for (String[] r : rows) {
            double size = Numbers.parse(r[2]);
            c.rate("keyspace", "keyspace.big_key_bytes", size, "Big key " + r[0] + " (" + r[1] + ") uses " + bytes(size),
                    "Split big keys; deleting them with DEL blocks, use UNLINK.", metric("key", r[0]), metric("type", r[1]),
                    metric("bytes", plain(size)));
        }
    }
}
