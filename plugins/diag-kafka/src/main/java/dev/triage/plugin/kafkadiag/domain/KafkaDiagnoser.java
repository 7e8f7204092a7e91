package dev.triage.plugin.kafkadiag.domain;

import static dev.triage.core.finding.Evidence.metric;
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
import dev.triage.plugin.kafkadiag.domain.GroupDescription.OffsetRow;
import dev.triage.plugin.kafkadiag.domain.TopicDescription.Partition;
import dev.triage.plugin.kafkadiag.domain.TopicDescription.Topic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Turns a Kafka capture (topics, consumer groups, brokers) into findings, with a Burrow-like lag status per group. */
public final class KafkaDiagnoser {

    /** The categories, in display order. */
    public static final List<DiagnosticCategory> CATEGORIES = List.of(new DiagnosticCategory("brokers", "Brokers"),
            new DiagnosticCategory("topics", "Topics"), new DiagnosticCategory("groups", "Consumer groups"));

    private final String pluginId;

    /**
     * Creates a diagnoser.
     *
     * @param pluginId the id findings are attributed to
     */
    public KafkaDiagnoser(String pluginId) {
        this.pluginId = pluginId;
    }

    /**
     * Diagnoses a capture; several consumer-group outputs are taken as samples in capture order.
     *
     * @param capture the raw outputs
     * @param categories the category ids; empty for all
     * @param rules the thresholds
     * @return the diagnosis
     */
    public Diagnosis diagnose(Capture capture, Set<String> categories, Rules rules) {
        FindingCollector c = new FindingCollector(pluginId, capture.target(), capture.time(), categories, rules);
        Set<Integer> liveBrokers = new TreeSet<>();
        boolean clusterKnown = false;
        for (CaptureItem i : capture.items(KafkaDumpKind.CLUSTER)) {
            clusterKnown = true;
            cluster(i.output(), liveBrokers, c);
        }
        List<CaptureItem> topicItems = capture.items(KafkaDumpKind.TOPICS);
        if (!topicItems.isEmpty()) {
            List<TopicDescription> topicSamples = topicItems.stream().map(i -> TopicDescription.parse(i.output())).toList();
            topics(TopicDescription.latest(topicSamples), topicItems.stream().map(CaptureItem::output).collect(Collectors.joining("\n")),
                    clusterKnown ? liveBrokers : null, c);
            topicConfigs(TopicDescription.latest(topicSamples), c);
            isrShrinks(topicSamples, c);
        }
        List<GroupDescription> samples = capture.items(KafkaDumpKind.GROUPS).stream().map(i -> GroupDescription.parse(i.output())).toList();
        if (!samples.isEmpty()) {
            groups(samples, c);
        }
        return new Diagnosis(capture, c.findings(), c.metrics());
    }

    private static void cluster(String text, Set<Integer> live, FindingCollector c) {
        String controller = "";
        int expected = -1;
        List<Evidence> ev = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 2 && f[0].equals("broker") && f[1].matches("\\d+")) {
                live.add(Integer.parseInt(f[1]));
                ev.add(metric("broker " + f[1], f.length > 2 ? f[2] : ""));
            } else if (f.length >= 2 && f[0].equals("controller")) {
                controller = f[1];
            } else if (f.length >= 2 && f[0].equals("expected") && f[1].matches("\\d+")) {
                expected = Integer.parseInt(f[1]);
            }
        }
        c.metric("brokers", live.size());
        ev.add(metric("controller", controller.isEmpty() ? "none" : controller));
        if (controller.isEmpty() || controller.equals("none") || controller.equals("-1")) {
            c.add("brokers", Severity.CRITICAL, "The cluster reports no active controller", "Check the controller quorum "
                    + "(kafka-metadata-quorum.sh describe --status).", ev);
        }
        if (expected > live.size()) {
            c.add("brokers", Severity.CRITICAL, (expected - live.size()) + " of " + expected + " expected brokers are missing",
                    "Start the missing brokers; their partitions run under-replicated or offline.", ev);
        } else {
            c.add("brokers", Severity.OK, live.size() + " brokers online, controller " + controller, "", ev);
        }
    }

    private static void topics(TopicDescription d, String raw, Set<Integer> live, FindingCollector c) {
        if (d.partitions().isEmpty()) {
            if (raw.isBlank()) {
                c.add("topics", Severity.OK, "The tool listed no partitions (no partition matched the filter)", "");
            }
            return;
        }
        Set<Integer> brokers = new TreeSet<>();
        Set<Integer> inIsr = new TreeSet<>();
        for (Partition p : d.partitions()) {
            brokers.addAll(p.replicas());
            inIsr.addAll(p.isr());
            if (p.leader() >= 0) {
                inIsr.add(p.leader());
            }
        }
        Set<Integer> down = new TreeSet<>();
        if (live != null) {
            brokers.stream().filter(b -> !live.contains(b)).forEach(down::add);
        } else {
            brokers.stream().filter(b -> !inIsr.contains(b)).forEach(down::add);
        }
        for (int b : down) {
            long hosted = d.partitions().stream().filter(p -> p.replicas().contains(b)).count();
            c.add("brokers", Severity.CRITICAL, "Broker " + b + " looks down: it is in no ISR and leads no partition",
                    "Restart broker " + b + " and check its log; its " + hosted + " replicas are out of sync meanwhile.",
                    metric("broker", Integer.toString(b)), metric("replicas hosted", Long.toString(hosted)),
                    metric("brokers seen", brokers.toString()));
        }
        c.metric("brokers_down", down.size());
        Map<String, List<Partition>> byTopic = d.partitions().stream().collect(Collectors.groupingBy(Partition::topic, LinkedHashMap::new,
                Collectors.toList()));
        int offlineTotal = 0;
        int underTotal = 0;
        for (Map.Entry<String, List<Partition>> e : byTopic.entrySet()) {
            String topic = e.getKey();
            Topic t = d.topics().get(topic);
            int minIsr = t == null ? 1 : t.minIsr();
            List<Partition> ps = e.getValue();
            List<Partition> offline = ps.stream().filter(p -> p.leader() < 0).toList();
            List<Partition> underMin = ps.stream().filter(p -> p.leader() >= 0 && p.isr().size() < minIsr).toList();
            List<Partition> under = ps.stream().filter(p -> p.leader() >= 0 && p.isr().size() < p.replicas().size()).toList();
            offlineTotal += offline.size();
            underTotal += under.size();
            if (!offline.isEmpty()) {
                c.add("topics", Severity.CRITICAL, "Topic " + topic + ": " + offline.size() + " partition(s) offline (no leader)",
                        "Bring back the brokers holding their replicas (" + replicasOf(offline) + "); unclean leader election loses data.",
                        metric("partitions", names(offline)), metric("replicas", replicasOf(offline)));
            }
            if (!underMin.isEmpty()) {
                c.add("topics", Severity.CRITICAL, "Topic " + topic + ": " + underMin.size() + " partition(s) below min.insync.replicas "
                                + minIsr + ": producers with acks=all fail", "Restore the missing replicas (start the brokers).",
                        metric("partitions", names(underMin)), metric("min.insync.replicas", Integer.toString(minIsr)),
                        metric("isr", underMin.stream().map(p -> p.name() + "=" + p.isr()).collect(Collectors.joining(" "))));
            }
            if (!under.isEmpty()) {
                c.add("topics", Severity.WARNING, "Topic " + topic + ": " + under.size() + " of " + ps.size() + " partition(s) under-replicated",
                        "Replicas fell out of the ISR: check the brokers they live on and replica.lag.time.max.ms.",
                        metric("partitions", names(under)), metric("isr", under.stream().map(p -> p.name() + "=" + p.isr() + "/" + p.replicas())
                                .limit(10).collect(Collectors.joining(" "))));
            }
            if (t != null && !topic.startsWith("__")) {
                c.rate("topics", "topics.replication_factor", t.replicationFactor(), "Topic " + topic + " has replication factor "
                                + t.replicationFactor() + ": a single broker failure loses or blocks it",
                        "Raise the replication factor to 3 (kafka-reassign-partitions.sh) for data that matters.",
                        metric("ReplicationFactor", Integer.toString(t.replicationFactor())));
            }
        }
        List<Partition> led = d.partitions().stream().filter(p -> p.leader() >= 0 && !p.replicas().isEmpty()).toList();
        long notPreferred = led.stream().filter(p -> p.leader() != p.replicas().get(0)).count();
        if (!led.isEmpty()) {
            Map<Integer, Long> leaders = led.stream().collect(Collectors.groupingBy(Partition::leader, java.util.TreeMap::new, Collectors.counting()));
            c.rate("topics", "topics.non_preferred_leader_ratio", (double) notPreferred / led.size(), percent((double) notPreferred / led.size())
                            + " of partitions are not led by their preferred replica", "Run a preferred leader election "
                            + "(kafka-leader-election.sh --election-type preferred) once all brokers are up.",
                    metric("not preferred", notPreferred + " of " + led.size()), metric("leaders per broker", leaders.toString()));
        }
        c.metric("offline_partitions", offlineTotal);
        c.metric("under_replicated_partitions", underTotal);
        if (offlineTotal == 0 && underTotal == 0 && down.isEmpty()) {
            c.add("topics", Severity.OK, d.partitions().size() + " partitions in " + byTopic.size() + " topics, all with a leader and a full ISR", "");
        }
    }

    /** Configuration checks of the user topics, each a rule of the rules file. */
    private static void topicConfigs(TopicDescription d, FindingCollector c) {
        for (Topic t : d.topics().values()) {
            if (t.name().startsWith("__")) {
                continue;
            }
            int rf = t.replicationFactor();
            int minIsr = t.minIsr();
            Evidence rfEv = metric("ReplicationFactor", Integer.toString(rf));
            Evidence minEv = metric("min.insync.replicas", Integer.toString(minIsr));
            if (rf > 1) {
                int margin = rf - minIsr;
                c.rate("topics", "topics.min_isr_margin", margin, margin < 0 ? "Topic " + t.name() + " has min.insync.replicas " + minIsr
                                + " above its replication factor " + rf + ": acks=all producers always fail"
                                : "Topic " + t.name() + " has min.insync.replicas " + minIsr + " = replication factor: any broker outage blocks"
                                + " acks=all producers", "Use min.insync.replicas = replication factor - 1 (2 for 3 replicas).", rfEv, minEv);
            }
            if ("true".equalsIgnoreCase(t.configs().getOrDefault("unclean.leader.election.enable", "false"))) {
                c.rate("topics", "topics.unclean_leader_election", 1, "Topic " + t.name() + " allows unclean leader election: an out-of-sync"
                        + " replica can become leader and acknowledged messages are lost", "Set unclean.leader.election.enable=false unless"
                        + " availability matters more than losing data.", metric("unclean.leader.election.enable", "true"));
            }
            double retentionMs = Numbers.parse(t.configs().get("retention.ms"));
            if (retentionMs > 0) {
                double hours = retentionMs / 3_600_000d;
                c.rate("topics", "topics.retention_hours", hours, "Topic " + t.name() + " keeps messages only " + plain(hours) + " h: a consumer"
                                + " stopped longer than that loses messages", "Raise retention.ms to cover the longest consumer outage you must survive.",
                        metric("retention.ms", plain(retentionMs)));
            }
        }
    }

    /**
     * ISR shrinks over a sliding window: every sample of the topics (several in one capture, or dumps given together in
     * time order) is a point of each partition's ISR-size history; a partition whose ISR got smaller from one sample to
     * the next shrank, and one that shrank and grew back is flapping.
     */
    private static void isrShrinks(List<TopicDescription> samples, FindingCollector c) {
        if (samples.size() < 2) {
            return;
        }
        Map<String, List<Integer>> history = new LinkedHashMap<>();
        for (TopicDescription d : samples) {
            for (Partition p : d.partitions()) {
                history.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p.isr().size());
            }
        }
        List<String> shrunk = new ArrayList<>();
        int flapping = 0;
        for (Map.Entry<String, List<Integer>> e : history.entrySet()) {
            List<Integer> sizes = e.getValue();
            boolean shrank = false;
            boolean regrew = false;
            for (int i = 1; i < sizes.size(); i++) {
                if (sizes.get(i) < sizes.get(i - 1)) {
                    shrank = true;
                } else if (shrank && sizes.get(i) > sizes.get(i - 1)) {
                    regrew = true;
                }
            }
            if (shrank) {
                shrunk.add(e.getKey() + " " + sizes.stream().map(String::valueOf).collect(Collectors.joining("→")));
                flapping += regrew ? 1 : 0;
            }
        }
        c.metric("isr_shrinks", shrunk.size());
        c.rate("topics", "topics.isr_shrinks", shrunk.size(), shrunk.size() + " partition(s) lost ISR members over " + samples.size()
                        + " samples" + (flapping > 0 ? ", " + flapping + " of them grew back (ISR flapping)" : ""),
                "Followers fell behind or left: check the brokers of the missing replicas (disk, network, GC pauses) and"
                        + " replica.lag.time.max.ms; flapping ISRs point to overloaded followers.",
                metric("ISR sizes per sample", String.join("; ", shrunk.subList(0, Math.min(12, shrunk.size()))) + (shrunk.size() > 12 ? "; ..." : "")),
                metric("samples", Integer.toString(samples.size())));
    }

    private static String names(List<Partition> ps) {
        String all = ps.stream().map(Partition::name).limit(12).collect(Collectors.joining(", "));
        return ps.size() > 12 ? all + ", ..." : all;
    }

    private static String replicasOf(List<Partition> ps) {
        Set<Integer> r = new TreeSet<>();
        ps.forEach(p -> r.addAll(p.replicas()));
        return r.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static void groups(List<GroupDescription> samples, FindingCollector c) {
        Set<String> groups = new LinkedHashSet<>();
        for (GroupDescription s : samples) {
            s.offsets().forEach(r -> groups.add(r.group()));
            groups.addAll(s.states().keySet());
            groups.addAll(s.notes().keySet());
        }
        for (String g : groups) {
            String state = "";
            int members = -1;
            int rebalancingSamples = 0;
            boolean noMembers = false;
            for (GroupDescription s : samples) {
                if (s.states().containsKey(g)) {
                    state = s.states().get(g);
                }
                if (s.members().containsKey(g)) {
                    members = s.members().get(g);
                }
                List<String> notes = s.notes().getOrDefault(g, List.of());
                boolean rebalancing = notes.contains("rebalancing") || state.endsWith("Rebalance") && s.states().containsKey(g);
                if (rebalancing) {
                    rebalancingSamples++;
                    if (!s.states().containsKey(g)) {
                        state = "PreparingRebalance";
                    }
                }
                if (notes.contains("no active members")) {
                    noMembers = true;
                    state = s.states().getOrDefault(g, "Empty");
                    members = 0;
                }
                if (notes.contains("does not exist")) {
                    state = "Dead";
                }
            }
            groupFindings(g, state, members, noMembers, rebalancingSamples, samples, c);
        }
    }

    private static void groupFindings(String g, String state, int members, boolean noMembers, int rebalancingSamples,
                                      List<GroupDescription> samples, FindingCollector c) {
        Evidence stateEv = metric("state", state.isEmpty() ? "(not listed)" : state);
        Evidence membersEv = metric("members", members < 0 ? "(not listed)" : Integer.toString(members));
        if (state.endsWith("Rebalance")) {
            boolean stuck = rebalancingSamples > 1;
            c.add("groups", stuck ? Severity.CRITICAL : Severity.WARNING, "Group " + g + " is rebalancing" + (stuck ? " in "
                            + rebalancingSamples + " samples in a row" : ""), "No partition is consumed during a rebalance; a member "
                            + "that does not poll (stuck processing) holds it until max.poll.interval.ms / the rebalance timeout expires.",
                    stateEv, membersEv, metric("samples rebalancing", Integer.toString(rebalancingSamples)));
        } else if (state.equals("Dead")) {
            c.add("groups", Severity.CRITICAL, "Group " + g + " does not exist (Dead)", "Check the group id the consumers use.", stateEv);
        }
        Map<String, List<OffsetRow>> windows = new LinkedHashMap<>();
        for (GroupDescription s : samples) {
            for (OffsetRow r : s.offsets()) {
                if (r.group().equals(g)) {
                    windows.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        if (windows.isEmpty()) {
            return;
        }
        boolean active = !noMembers && members != 0 && !state.equals("Empty");
        Map<String, LagStatus> statuses = new LinkedHashMap<>();
        windows.forEach((p, w) -> statuses.put(p, LagStatus.evaluate(w, active)));
        LagStatus status = LagStatus.group(new ArrayList<>(statuses.values()));
        List<OffsetRow> latest = windows.values().stream().map(w -> w.get(w.size() - 1)).toList();
        long lag = latest.stream().mapToLong(r -> Math.max(0, r.lag())).sum();
        long unknown = latest.stream().filter(r -> r.lag() < 0).count();
        c.metric("lag." + g, lag);
        String topics = latest.stream().map(OffsetRow::topic).distinct().collect(Collectors.joining(", "));
        List<Evidence> ev = new ArrayList<>();
        ev.add(metric("lag status", status.name()));
        ev.add(stateEv);
        ev.add(membersEv);
        ev.add(metric("total lag", Long.toString(lag)));
        ev.add(metric("samples", Integer.toString(windows.values().stream().mapToInt(List::size).max().orElse(0))));
        latest.stream().sorted(Comparator.comparingLong(OffsetRow::lag).reversed()).limit(6).forEach(r -> ev.add(metric(r.name(),
                "lag " + (r.lag() < 0 ? "-" : r.lag()) + " (committed " + (r.committed() < 0 ? "-" : r.committed()) + ", end " + r.logEnd()
                        + ", status " + statuses.get(r.name()) + ")")));
        Severity bySize = c.rules().get("groups.lag").rate(lag);
        Severity s = switch (status) {
            case ERROR, STALLED -> Severity.CRITICAL;
            case STOPPED -> bySize == Severity.CRITICAL ? Severity.CRITICAL : Severity.WARNING;
            case WARNING -> bySize == Severity.CRITICAL ? Severity.CRITICAL : Severity.WARNING;
            case OK -> bySize;
        };
        String title = "Group " + g + " on " + topics + ": lag " + lag + (unknown > 0 ? " (+" + unknown + " partitions without a committed offset)"
                : "") + ", status " + status;
        String suggestion = switch (status) {
            case STOPPED -> "No consumer is running: start the consumers, or delete the group if it is no longer used.";
            case STALLED -> "Consumers are connected but do not commit: look for a stuck poll loop or processing that never ends.";
            case ERROR -> "Offsets went backwards or partitions stopped: check for a reset or a consumer crash loop.";
            case WARNING -> "Consumers fall behind: add consumers (up to the partition count), speed up processing or raise max.poll.records.";
            case OK -> bySize == Severity.OK ? "" : "Lag is high but not growing; watch it.";
        };
        c.add("groups", s == Severity.OK && lag == 0 ? Severity.OK : s, title, suggestion, ev);
    }

    /**
     * Parses a number written by the tools, for tests and views.
     *
     * @param text the number or {@code -}
     * @return the value, or NaN
     */
    public static double number(String text) {
        return Numbers.parse(text);
    }
}
