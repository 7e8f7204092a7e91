package dev.triage.plugin.overview.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates rules on each sample and keeps the state per rule and target: inactive, pending until the condition has held
 * for the rule's duration, firing, resolved when it stops holding, then inactive. Only transitions are reported, so a firing
 * alert raises one finding however many samples keep it firing (de-duplication).
 */
public final class AlertEngine {

    private final List<AlertRule> rules;
    private final Map<String, Active> states = new HashMap<>();

    /**
     * The state of one rule on one target.
     *
     * @param rule the rule
     * @param target the target
     * @param state the state
     * @param since when the condition started holding (pending/firing) or when the state began
     * @param value the latest value
     */
    public record Active(AlertRule rule, String target, AlertState state, Instant since, double value) {
    }

    /**
     * Creates the engine.
     *
     * @param rules the rules
     */
    public AlertEngine(List<AlertRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The rules.
     *
     * @return the rules
     */
    public List<AlertRule> rules() {
        return rules;
    }

    /**
     * Evaluates every rule that applies to the sample's target.
     *
     * @param sample the sample (a down sample has up = 0 and no other metric)
     * @return the transitions this sample caused
     */
    public synchronized List<AlertTransition> evaluate(Sample sample) {
        List<AlertTransition> out = new ArrayList<>();
        for (AlertRule rule : rules) {
            if (!rule.appliesTo(sample.target())) {
                continue;
            }
            String key = rule.name() + "\u0000" + sample.target();
            Active a = states.get(key);
            AlertState from = a == null ? AlertState.INACTIVE : a.state();
            double value = sample.metric(rule.metric());
            boolean holds = rule.holds(value);
            Instant now = sample.time();
            Active next;
            if (holds) {
                Instant since = from == AlertState.PENDING || from == AlertState.FIRING ? a.since() : now;
                boolean long_enough = !now.isBefore(since.plus(rule.forDuration()));
                next = new Active(rule, sample.target(), long_enough ? AlertState.FIRING : AlertState.PENDING, since, value);
            } else {
                AlertState to = from == AlertState.FIRING ? AlertState.RESOLVED : AlertState.INACTIVE;
                next = new Active(rule, sample.target(), to, now, value);
            }
            if (next.state() == AlertState.INACTIVE) {
                states.remove(key);
            } else {
                states.put(key, next);
            }
            if (next.state() != from) {
                out.add(new AlertTransition(rule, sample.target(), from, next.state(), now, value));
            }
        }
        return out;
    }

    /**
     * Seeds the states recorded by an earlier run (pending or firing), so a restarted watch resolves what was firing.
     *
     * @param recorded the states, for rules of this engine
     */
    public synchronized void restore(List<Active> recorded) {
        for (Active a : recorded) {
            if (rules.contains(a.rule()) && (a.state() == AlertState.PENDING || a.state() == AlertState.FIRING)) {
                states.putIfAbsent(a.rule().name() + "\u0000" + a.target(), a);
            }
        }
    }

    /**
     * The alerts that are pending or firing now.
     *
     * @return the active states
     */
    public synchronized List<Active> active() {
        return states.values().stream().filter(a -> a.state() == AlertState.PENDING || a.state() == AlertState.FIRING)
                .sorted(java.util.Comparator.comparing((Active a) -> a.rule().severity()).reversed().thenComparing(Active::target))
                .toList();
    }
}
