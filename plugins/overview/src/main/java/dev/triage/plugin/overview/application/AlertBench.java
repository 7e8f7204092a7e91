package dev.triage.plugin.overview.application;

import dev.triage.core.command.CommandOutput;
import dev.triage.core.finding.Severity;
import dev.triage.plugin.overview.domain.AlertEngine;
import dev.triage.plugin.overview.domain.AlertRule;
import dev.triage.plugin.overview.domain.AlertTransition;
import dev.triage.plugin.overview.domain.Matcher;
import dev.triage.plugin.overview.domain.Route;
import dev.triage.plugin.overview.domain.Sample;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The capacity benchmark of the alert engine ({@code triage alerts bench}): N synthetic rules (several metrics, comparisons,
 * {@code for} durations and target patterns) evaluated on a sample of every synthetic target each round, then the evaluation tick
 * and the notification dispatcher (routing, grouping, silences) of the transitions, with the thread's CPU time measured per round.
 *
 * @param rules rules evaluated
 * @param targets targets sampled each round
 * @param rounds rounds run
 * @param evaluations rule evaluations in all
 * @param transitions state changes in all
 * @param notifications groups delivered to the in-memory receiver
 * @param cpuMeanMs mean CPU time of a round
 * @param cpuMaxMs worst CPU time of a round
 * @param cpuP95Ms 95th percentile of the CPU time of a round
 */
public record AlertBench(int rules, int targets, int rounds, long evaluations, long transitions, long notifications, double cpuMeanMs,
                         double cpuMaxMs, double cpuP95Ms) implements CommandOutput {

    /**
     * Arguments of {@code triage alerts bench}.
     *
     * @param rules how many rules (default 1000)
     * @param targets how many targets (default 20)
     * @param rounds how many rounds of 10 s of simulated time (default 60)
     */
    public record Args(Integer rules, Integer targets, Integer rounds) {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the sizes
     * @return the measurements
     * @throws Exception never in practice (the in-memory receiver does not fail)
     */
    public static AlertBench run(Args args) throws Exception {
        int nRules = args == null || args.rules() == null ? 1000 : args.rules();
        int nTargets = args == null || args.targets() == null ? 20 : args.targets();
        int nRounds = args == null || args.rounds() == null ? 60 : args.rounds();
        Random random = new Random(42);
        String[] metrics = new String[40];
        for (int i = 0; i < metrics.length; i++) {
            metrics[i] = "metric_" + i;
        }
        AlertRule.Op[] ops = AlertRule.Op.values();
        List<AlertRule> rules = new ArrayList<>();
        for (int i = 0; i < nRules; i++) {
            rules.add(new AlertRule("rule-" + i, metrics[random.nextInt(metrics.length)], ops[random.nextInt(4)], random.nextDouble() * 100,
                    Duration.ofSeconds(10L * random.nextInt(7)), Severity.values()[1 + random.nextInt(3)],
                    i % 3 == 0 ? ".*" : i % 3 == 1 ? "db-[0-9]*[02468]" : "db-1.*", null, Duration.ofSeconds(10L * random.nextInt(3)),
                    Map.of("team", i % 2 == 0 ? "db" : "ops")));
        }
        AlertEngine engine = new AlertEngine(rules);
        long[] delivered = {0};
        Notifier sink = new Notifier() {
            @Override
            public String kind() {
                return "memory";
            }

            @Override
            public void send(NotificationGroup group) {
                delivered[0]++;
            }
        };
        NotificationDispatcher dispatcher = new NotificationDispatcher(List.of(
                new Route("critical", List.of(Matcher.parse("severity=CRITICAL"), Matcher.parse("target=~db-.*")), List.of("sink"),
                        List.of("alertname"), Duration.ofSeconds(10), Duration.ofHours(1), 0, null, null, true),
                new Route("all", List.of(), List.of("sink"), List.of("target"), Duration.ZERO, Duration.ofHours(4), 0, null, null, false)),
                Map.of("sink", sink), RetryPolicy.DEFAULT, Silences.NONE, d -> { }, d -> { });
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        double[] perRound = new double[nRounds];
        long transitions = 0;
        Map<String, Double> values = new HashMap<>();
        for (int round = 0; round < nRounds; round++) {
            Instant now = t0.plusSeconds(10L * round);
            List<Sample> samples = new ArrayList<>();
            for (int t = 0; t < nTargets; t++) {
                values.clear();
                for (String m : metrics) {
                    values.put(m, random.nextDouble() * 100);
                }
                samples.add(new Sample("db-" + t, now, true, "bench", Map.copyOf(values), ""));
            }
            long start = cpu.getCurrentThreadCpuTime();
            List<AlertTransition> changes = new ArrayList<>();
            for (Sample s : samples) {
                changes.addAll(engine.evaluate(s));
            }
            changes.addAll(engine.tick(now));
            dispatcher.accept(changes);
            dispatcher.flush(now);
            perRound[round] = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
            transitions += changes.size();
        }
        double[] sorted = perRound.clone();
        java.util.Arrays.sort(sorted);
        double mean = java.util.Arrays.stream(perRound).average().orElse(0);
        return new AlertBench(nRules, nTargets, nRounds, (long) nRules * nTargets * nRounds, transitions, delivered[0], mean,
                sorted[sorted.length - 1], sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]);
    }

    @Override
    public String text() {
        return String.format("alerts bench: %d rules x %d targets, %d rounds of 10 s: %d evaluations, %d transitions, %d notifications;"
                + " CPU per round mean %.1f ms, p95 %.1f ms, max %.1f ms (goal: under 1000 ms)%n", rules, targets, rounds, evaluations,
                transitions, notifications, cpuMeanMs, cpuP95Ms, cpuMaxMs);
    }
}
