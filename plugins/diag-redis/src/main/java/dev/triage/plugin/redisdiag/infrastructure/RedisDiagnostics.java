package dev.triage.plugin.redisdiag.infrastructure;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.core.diagnostics.DiagnosticCategory;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.diagnostics.HealthCheck;
import dev.triage.diag.domain.Rules;
import dev.triage.diag.infrastructure.RuleBasedDiagnostics;
import dev.triage.plugin.redisdiag.domain.CommandPolicy;
import dev.triage.plugin.redisdiag.domain.RedisDiagnoser;
import dev.triage.plugin.redisdiag.domain.RedisDumpKind;
import dev.triage.plugin.redisdiag.domain.RedisInfo;
import dev.triage.plugin.redisdiag.domain.SlowLogEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Slowlog;

/** Redis diagnostics: live captures through Jedis (read-only commands, never KEYS), offline dumps, rules as data. */
public final class RedisDiagnostics extends RuleBasedDiagnostics {

    /** The plugin id. */
    public static final String ID = "redis-diagnostics";
    /** How many keys the big-key scan samples at most. */
    public static final int BIG_KEY_SAMPLE = 2000;

    /**
     * Creates the diagnostic.
     *
     * @param configFolder the settings folder with the user's rules, or null
     */
    public RedisDiagnostics(Path configFolder) {
        super(new Definition(ID, Set.of(ConnectionKind.REDIS, ConnectionKind.REDIS_CLUSTER, ConnectionKind.REDIS_SENTINEL), RedisDiagnoser.CATEGORIES, RedisDumpKind.ALL, RedisDumpKind::detect, new RedisDiagnoser(ID)::diagnose), configFolder);
    }

    @Override
    public HealthCheck health(ConnectionTarget target, char[] password) {
        long start = System.nanoTime();
        try (Jedis j = open(target, password)) {
            String version = RedisInfo.parse(j.info("server")).get("redis_version");
            return new HealthCheck(true, version, j.ping(), Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            return new HealthCheck(false, "", target.host() + ":" + target.port() + ": " + e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Override
    public Map<String, Double> collectMetrics(ConnectionTarget target, char[] password) {
        try (Jedis j = open(target, password)) {
            Capture c = new Capture(ID, label(target), Instant.now(), List.of(new CaptureItem(RedisDumpKind.INFO, "INFO", j.info())));
            return diagnose(c, Set.of("memory", "connections", "performance"), rules()).metrics();
        }
    }

    @Override
    public Capture capture(ConnectionTarget target, char[] password) {
        Instant time = Instant.now();
        List<CaptureItem> items = new ArrayList<>();
        boolean production = CommandPolicy.production(target.options());
        try (Jedis j = open(target, password)) {
            String info = run(production, "INFO", () -> j.info());
            boolean sentinel = RedisInfo.parse(info).get("redis_mode").equals("sentinel");
            if (!sentinel) {
                info = run(production, "INFO ALL", () -> j.info("all"));
            }
            items.add(new CaptureItem(RedisDumpKind.INFO, sentinel ? "INFO" : "INFO ALL", info));
            if (sentinel) {
                List<Map<String, String>> masters = run(production, "SENTINEL MASTERS", j::sentinelMasters);
                items.add(new CaptureItem(RedisDumpKind.SENTINEL_MASTERS, "SENTINEL MASTERS", pairs(masters)));
                return new Capture(ID, label(target), time, items);
            }
            List<Slowlog> slow = run(production, "SLOWLOG GET 128", () -> j.slowlogGet(128));
            items.add(new CaptureItem(RedisDumpKind.SLOWLOG, "SLOWLOG GET 128", SlowLogEntry.format(slow.stream().map(s ->
                    new SlowLogEntry(s.getId(), s.getTimeStamp(), s.getExecutionTime(), s.getArgs(),
                            s.getClientIpPort() == null ? "" : s.getClientIpPort().toString(), s.getClientName() == null ? "" : s.getClientName()))
                    .toList())));
            items.add(new CaptureItem(RedisDumpKind.CLIENT_LIST, "CLIENT LIST", run(production, "CLIENT LIST", j::clientList)));
            if (RedisInfo.parse(info).num("cluster_enabled") > 0) {
                items.add(new CaptureItem(RedisDumpKind.INFO, "CLUSTER INFO", run(production, "CLUSTER INFO", j::clusterInfo)));
                items.add(new CaptureItem(RedisDumpKind.CLUSTER_NODES, "CLUSTER NODES", run(production, "CLUSTER NODES", j::clusterNodes)));
            }
            items.add(new CaptureItem(RedisDumpKind.BIG_KEYS, "SCAN + TYPE + MEMORY USAGE (sample of " + BIG_KEY_SAMPLE + ")",
                    bigKeys(j, production)));
        }
        return new Capture(ID, label(target), time, items);
    }

    /**
     * Samples keys with SCAN (never KEYS) and measures each with MEMORY USAGE, keeping the 20 biggest.
     *
     * @param j the connection
     * @param production whether the policy of production connections applies
     * @return {@code key<TAB>type<TAB>bytes} lines, biggest first
     */
    static String bigKeys(Jedis j, boolean production) {
        run(production, "SCAN", () -> "");
        Map<String, Long> sizes = new LinkedHashMap<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().count(200);
        do {
            ScanResult<String> page = j.scan(cursor, params);
            for (String key : page.getResult()) {
                if (sizes.size() >= BIG_KEY_SAMPLE) {
                    break;
                }
                Long bytes = j.memoryUsage(key);
                if (bytes != null) {
                    sizes.put(key, bytes);
                }
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START) && sizes.size() < BIG_KEY_SAMPLE);
        StringBuilder b = new StringBuilder();
        sizes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(20)
                .forEach(e -> b.append(e.getKey().replace('\t', ' ').replace('\n', ' ')).append('\t').append(j.type(e.getKey()))
                        .append('\t').append(e.getValue()).append('\n'));
        return b.toString();
    }

    private static <T> T run(boolean production, String command, java.util.function.Supplier<T> call) {
        CommandPolicy.refusal(command, production, false).ifPresent(r -> {
            throw new IllegalStateException(r);
        });
        return call.get();
    }

    private static String pairs(List<Map<String, String>> maps) {
        StringBuilder b = new StringBuilder();
        for (Map<String, String> m : maps) {
            Map<String, String> ordered = new LinkedHashMap<>();
            ordered.put("name", m.getOrDefault("name", ""));
            ordered.putAll(m);
            ordered.forEach((k, v) -> b.append(k).append('\n').append(v).append('\n'));
        }
        return b.toString();
    }

    /**
     * Opens a connection to a saved target.
     *
     * @param target the target
     * @param password its password, or null
     * @return the connection
     */
    static Jedis open(ConnectionTarget target, char[] password) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().timeoutMillis(5000).clientName("triage-diagnostics");
        if (!target.user().isEmpty()) {
            config.user(target.user());
        }
        if (password != null && password.length > 0) {
            config.password(new String(password));
        }
        if ("true".equalsIgnoreCase(target.options().getOrDefault("tls", ""))) {
            config.ssl(true);
        }
        return new Jedis(new HostAndPort(target.host(), target.port()), config.build());
    }

}
