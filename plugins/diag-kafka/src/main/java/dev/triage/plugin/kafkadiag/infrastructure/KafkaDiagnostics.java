package dev.triage.plugin.kafkadiag.infrastructure;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.core.diagnostics.DiagnosticCategory;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.diagnostics.HealthCheck;
import dev.triage.diag.domain.Rules;
import dev.triage.diag.infrastructure.RuleBasedDiagnostics;
import dev.triage.plugin.kafkadiag.domain.GroupDescription;
import dev.triage.plugin.kafkadiag.domain.KafkaDiagnoser;
import dev.triage.plugin.kafkadiag.domain.KafkaDumpKind;
import dev.triage.plugin.kafkadiag.domain.TopicDescription;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Kafka diagnostics: live captures through the AdminClient (cluster, topics with their configs, consumer groups sampled
 * a few times for the lag status), offline tool dumps, rules as data. Connection options: {@code security.protocol},
 * {@code sasl.mechanism} (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512; the password comes from the secret store),
 * {@code ssl.truststore.location}, {@code expected.brokers}, {@code lag.samples} and {@code lag.interval.ms}.
 */
public final class KafkaDiagnostics extends RuleBasedDiagnostics {

    /** The plugin id. */
    public static final String ID = "kafka-diagnostics";
    private static final long TIMEOUT_S = 15;
    /** Topic settings captured whatever their source (topic, broker or default), for the configuration checks. */
    private static final Set<String> CHECKED_CONFIGS = Set.of("min.insync.replicas", "unclean.leader.election.enable", "retention.ms");

    /**
     * Creates the diagnostic.
     *
     * @param configFolder the settings folder with the user's rules, or null
     */
    public KafkaDiagnostics(Path configFolder) {
        super(new Definition(ID, Set.of(ConnectionKind.KAFKA), KafkaDiagnoser.CATEGORIES, KafkaDumpKind.ALL, KafkaDumpKind::detect, new KafkaDiagnoser(ID)::diagnose), configFolder);
    }

    @Override
    public HealthCheck health(ConnectionTarget target, char[] password) {
        long start = System.nanoTime();
        Properties props;
        try {
            props = properties(target, password);
        } catch (IllegalStateException e) {
            return new HealthCheck(false, "", e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
        }
        try (Admin admin = Admin.create(props)) {
            DescribeClusterResult r = admin.describeCluster();
            int brokers = r.nodes().get(TIMEOUT_S, TimeUnit.SECONDS).size();
            return new HealthCheck(true, "", brokers + " brokers, cluster " + r.clusterId().get(TIMEOUT_S, TimeUnit.SECONDS),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (Exception e) {
            return new HealthCheck(false, "", target.host() + ":" + target.port() + ": " + e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Override
    public Map<String, Double> collectMetrics(ConnectionTarget target, char[] password) throws Exception {
        try (Admin admin = Admin.create(properties(target, password))) {
            Capture c = new Capture(ID, label(target), Instant.now(), List.of(new CaptureItem(KafkaDumpKind.GROUPS, "describe groups", groups(admin))));
            return diagnose(c, Set.of("groups"), rules()).metrics();
        }
    }

    @Override
    public Capture capture(ConnectionTarget target, char[] password) throws Exception {
        Instant time = Instant.now();
        List<CaptureItem> items = new ArrayList<>();
        int samples = Integer.parseInt(target.options().getOrDefault("lag.samples", "3"));
        long interval = Long.parseLong(target.options().getOrDefault("lag.interval.ms", "1000"));
        try (Admin admin = Admin.create(properties(target, password))) {
            items.add(new CaptureItem(KafkaDumpKind.CLUSTER, "describeCluster", cluster(admin, target)));
            for (int i = 0; i < Math.max(1, samples); i++) {
                if (i > 0) {
                    Thread.sleep(interval);
                }
                // the topics are sampled with the groups: their ISR sizes over the window show ISR shrinks
                items.add(new CaptureItem(KafkaDumpKind.TOPICS, "describeTopics + describeConfigs (sample " + (i + 1) + ")", topics(admin)));
                items.add(new CaptureItem(KafkaDumpKind.GROUPS, "describeConsumerGroups + offsets (sample " + (i + 1) + ")", groups(admin)));
            }
        }
        return new Capture(ID, label(target), time, items);
    }

    private static String cluster(Admin admin, ConnectionTarget target) throws Exception {
        DescribeClusterResult r = admin.describeCluster();
        StringBuilder b = new StringBuilder();
        for (Node n : r.nodes().get(TIMEOUT_S, TimeUnit.SECONDS).stream().sorted(Comparator.comparingInt(Node::id)).toList()) {
            b.append("broker ").append(n.id()).append(' ').append(n.host()).append(':').append(n.port()).append('\n');
        }
        Node controller = r.controller().get(TIMEOUT_S, TimeUnit.SECONDS);
        b.append("controller ").append(controller == null || controller.isEmpty() ? "none" : Integer.toString(controller.id())).append('\n');
        String expected = target.options().get("expected.brokers");
        if (expected != null) {
            b.append("expected ").append(expected.strip()).append('\n');
        }
        return b.toString();
    }

    private static String topics(Admin admin) throws Exception {
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(TIMEOUT_S, TimeUnit.SECONDS);
        Map<String, org.apache.kafka.clients.admin.TopicDescription> described = admin.describeTopics(names).allTopicNames()
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        List<ConfigResource> resources = names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        List<TopicDescription.Topic> topics = new ArrayList<>();
        List<TopicDescription.Partition> partitions = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(names)) {
            org.apache.kafka.clients.admin.TopicDescription t = described.get(name);
            Map<String, String> cfg = new LinkedHashMap<>();
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
            if (config != null) {
                for (ConfigEntry e : config.entries()) {
                    if (CHECKED_CONFIGS.contains(e.name()) || e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                        cfg.put(e.name(), e.value());
                    }
                }
            }
            List<TopicPartitionInfo> ps = t.partitions();
            topics.add(new TopicDescription.Topic(name, ps.size(), ps.isEmpty() ? 0 : ps.get(0).replicas().size(), cfg));
            for (TopicPartitionInfo p : ps) {
                partitions.add(new TopicDescription.Partition(name, p.partition(), p.leader() == null || p.leader().isEmpty() ? -1 : p.leader().id(),
                        p.replicas().stream().map(Node::id).toList(), p.isr().stream().map(Node::id).toList()));
            }
        }
        return TopicDescription.format(topics, partitions);
    }

    @SuppressWarnings("deprecation")
    private static String groups(Admin admin) throws Exception {
        Collection<String> ids = admin.listConsumerGroups().all().get(TIMEOUT_S, TimeUnit.SECONDS).stream()
                .map(org.apache.kafka.clients.admin.ConsumerGroupListing::groupId).sorted().toList();
        if (ids.isEmpty()) {
            return "";
        }
        Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(ids).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        StringBuilder b = new StringBuilder();
        for (String id : ids) {
            ConsumerGroupDescription d = described.get(id);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(id).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_S, TimeUnit.SECONDS);
            Map<TopicPartition, String[]> owners = new HashMap<>();
            for (MemberDescription m : d.members()) {
                m.assignment().topicPartitions().forEach(tp -> owners.put(tp, new String[]{m.consumerId(), m.clientId()}));
            }
            Map<TopicPartition, OffsetSpec> want = new HashMap<>();
            committed.keySet().forEach(tp -> want.put(tp, OffsetSpec.latest()));
            owners.keySet().forEach(tp -> want.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            if (!want.isEmpty()) {
                admin.listOffsets(want).all().get(TIMEOUT_S, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            }
            List<GroupDescription.OffsetRow> rows = new ArrayList<>();
            for (TopicPartition tp : ends.keySet().stream().sorted(Comparator.comparing(TopicPartition::topic)
                    .thenComparingInt(TopicPartition::partition)).toList()) {
                OffsetAndMetadata om = committed.get(tp);
                long end = ends.get(tp);
                long c = om == null ? -1 : om.offset();
                String[] owner = owners.getOrDefault(tp, new String[]{"-", "-"});
                rows.add(new GroupDescription.OffsetRow(id, tp.topic(), tp.partition(), c, end, c < 0 ? -1 : Math.max(0, end - c), owner[0], owner[1]));
            }
            Node coordinator = d.coordinator();
            String state = d.groupState() == null ? "Unknown" : d.groupState().toString();
            b.append(GroupDescription.format(id, coordinator == null ? "-" : coordinator.host() + ":" + coordinator.port() + "  (" + coordinator.id() + ")",
                    d.partitionAssignor(), state, d.members().size(), rows));
        }
        return b.toString();
    }

    /**
     * Builds the AdminClient settings of a saved target; the SASL password goes into the JAAS line in memory only.
     *
     * @param target the target
     * @param password the SASL password, or null
     * @return the client properties
     */
    static Properties properties(ConnectionTarget target, char[] password) {
        if (!target.options().getOrDefault("sasl.mechanism", "").isEmpty() && (password == null || password.length == 0)) {
            throw new IllegalStateException("Connection " + target.name() + " uses SASL " + target.options().get("sasl.mechanism")
                    + " but no password was found in the secret store (unlocked?): save the connection with its password");
        }
        Properties p = new Properties();
        String servers = target.options().getOrDefault("bootstrap.servers", target.host() + ":" + target.port());
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "triage-diagnostics");
        for (String key : List.of("security.protocol", "sasl.mechanism", "ssl.truststore.location", "ssl.truststore.type",
                "ssl.endpoint.identification.algorithm")) {
            String v = target.options().get(key);
            if (v != null) {
                p.put(key, v);
            }
        }
        String mechanism = target.options().getOrDefault("sasl.mechanism", "");
        if (!mechanism.isEmpty()) {
            String module = mechanism.startsWith("SCRAM") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                    : "org.apache.kafka.common.security.plain.PlainLoginModule";
            p.put("sasl.jaas.config", module + " required username=\"" + escape(target.user()) + "\" password=\""
                    + escape(password == null ? "" : new String(password)) + "\";");
        }
        return p;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

}
