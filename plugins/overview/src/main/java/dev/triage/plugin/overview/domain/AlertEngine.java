package dev.triage.plugin.overview.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Evaluates rules and keeps the state per rule and target as Prometheus does: inactive, pending while the condition has held for
 * less than the rule's {@code for}, firing once it has, resolved when it stops holding (after {@code keep_firing_for}, if the
 * rule has one), then inactive. A pending alert whose condition stops goes back to inactive without firing.
 *
 * <p>Two inputs drive it: {@link #evaluate(Sample)} with each new sample (the sample's time is the clock) and {@link #tick(Instant)}
 * on the evaluation schedule, which moves pending alerts to firing when their {@code for} elapses between samples, treats a
 * target silent for longer than the staleness window as "no longer holding" (Prometheus' 5 minute look-back) and forgets resolved
 * alerts after the resolved retention. Only transitions are reported, so a firing alert raises one finding however many
 * samples keep it firing.
 */
public final class AlertEngine {

    /** Prometheus' look-back: a target with no sample for this long no longer holds any condition. */
    public static final Duration DEFAULT_STALENESS = Duration.ofMinutes(5);
    /** Prometheus keeps resolved alerts this long before forgetting them. */
    public static final Duration DEFAULT_RESOLVED_RETENTION = Duration.ofMinutes(15);

    private final List<AlertRule> rules;
    private final Duration staleness;
    private final Duration resolvedRetention;
    private final Map<String, State> states = new HashMap<>();

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

    /** Mutable state of one rule on one target. */
    private static final class State {
        final AlertRule rule;
        final String target;
        AlertState state = AlertState.INACTIVE;
        Instant activeSince;
        Instant resolvedAt;
        Instant lastSeen;
        Instant keepFiringSince;
        boolean holds;
        double value = Double.NaN;

        State(AlertRule rule, String target) {
            this.rule = rule;
            this.target = target;
        }

        Active view() {
            return new Active(rule, target, state, state == AlertState.RESOLVED ? resolvedAt : activeSince, value);
        }
    }

    /**
     * Creates the engine with Prometheus' staleness (5 min) and resolved retention (15 min).
     *
     * @param rules the rules
     */
    public AlertEngine(List<AlertRule> rules) {
        this(rules, DEFAULT_STALENESS, DEFAULT_RESOLVED_RETENTION);
    }

    /**
     * Creates the engine.
     *
     * @param rules the rules
     * @param staleness how long without a sample before a target's conditions stop holding
     * @param resolvedRetention how long a resolved alert stays resolved before {@link #tick} makes it inactive
     */
    public AlertEngine(List<AlertRule> rules, Duration staleness, Duration resolvedRetention) {
        this.rules = List.copyOf(rules);
        this.staleness = staleness;
        this.resolvedRetention = resolvedRetention;
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
     * Evaluates every rule that applies to the sample's target, at the sample's time.
     *
     * @param sample the sample (a down sample has up = 0 and no other metric)
     * @return the transitions this sample caused, in rule order
     */
    public synchronized List<AlertTransition> evaluate(Sample sample) {
        List<AlertTransition> out = new ArrayList<>();
        Instant now = sample.time();
        for (AlertRule rule : rules) {
            if (!rule.appliesTo(sample.target())) {
                continue;
            }
            String key = key(rule, sample.target());
            State s = states.get(key);
            double value = sample.metric(rule.metric());
            boolean holds = rule.holds(value);
            if (s == null) {
                if (!holds) {
                    continue;
                }
                s = new State(rule, sample.target());
                states.put(key, s);
            }
            s.lastSeen = now;
            s.value = value;
            if (s.state == AlertState.RESOLVED && (holds || !now.isBefore(s.resolvedAt))) {
                move(s, AlertState.INACTIVE, now, out);
            }
            step(s, holds, now, out);
            if (s.state == AlertState.INACTIVE) {
                states.remove(key);
            }
        }
        return out;
    }

    /**
     * Evaluates the time-driven transitions at {@code now}: pending alerts whose {@code for} elapsed since the condition started
     * holding fire, targets without a sample for the staleness window stop holding, firing alerts past their
     * {@code keep_firing_for} resolve, and resolved alerts older than the retention become inactive.
     *
     * @param now the evaluation time
     * @return the transitions, sorted by rule and target
     */
    public synchronized List<AlertTransition> tick(Instant now) {
        List<AlertTransition> out = new ArrayList<>();
        List<State> sorted = new ArrayList<>(states.values());
        sorted.sort(Comparator.comparing((State s) -> s.rule.name()).thenComparing(s -> s.target));
        for (State s : sorted) {
            if (s.state == AlertState.RESOLVED) {
                if (!now.isBefore(s.resolvedAt.plus(resolvedRetention))) {
                    move(s, AlertState.INACTIVE, now, out);
                }
            } else if (s.lastSeen != null) {
                boolean fresh = s.lastSeen != null && now.isBefore(s.lastSeen.plus(staleness));
                step(s, s.holds && fresh, now, out);
            }
        }
        for (Iterator<State> it = states.values().iterator(); it.hasNext();) {
            if (it.next().state == AlertState.INACTIVE) {
                it.remove();
            }
        }
        return out;
    }

    private static void step(State s, boolean holds, Instant now, List<AlertTransition> out) {
        s.holds = holds;
        if (holds) {
            s.keepFiringSince = null;
            if (s.state == AlertState.INACTIVE) {
                s.activeSince = now;
                move(s, s.rule.forDuration().isZero() ? AlertState.FIRING : AlertState.PENDING, now, out);
            } else if (s.state == AlertState.PENDING && !now.isBefore(s.activeSince.plus(s.rule.forDuration()))) {
                move(s, AlertState.FIRING, now, out);
            }
            return;
        }
        if (s.state == AlertState.PENDING) {
            move(s, AlertState.INACTIVE, now, out);
        } else if (s.state == AlertState.FIRING) {
            if (s.keepFiringSince == null) {
                s.keepFiringSince = now;
            }
            if (!now.isBefore(s.keepFiringSince.plus(s.rule.keepFiringFor()))) {
                s.resolvedAt = now;
                s.keepFiringSince = null;
                move(s, AlertState.RESOLVED, now, out);
            }
        }
    }

    private static void move(State s, AlertState to, Instant now, List<AlertTransition> out) {
        out.add(new AlertTransition(s.rule, s.target, s.state, to, now, s.value));
        s.state = to;
    }

    private static String key(AlertRule rule, String target) {
        return rule.name() + "\u0000" + target;
    }

    /**
     * Seeds the states recorded by an earlier run (pending or firing), so a restarted watch resolves what was firing.
     *
     * @param recorded the states, for rules of this engine
     */
    public synchronized void restore(List<Active> recorded) {
        for (Active a : recorded) {
            if (rules.contains(a.rule()) && (a.state() == AlertState.PENDING || a.state() == AlertState.FIRING)) {
                states.computeIfAbsent(key(a.rule(), a.target()), k -> {
                    State s = new State(a.rule(), a.target());
                    s.state = a.state();
                    s.activeSince = a.since();
                    s.value = a.value();
                    s.holds = true;
                    return s;
                });
            }
        }
    }

    /**
     * The alerts that are pending or firing now, most severe first.
     *
     * @return the active states
     */
    public synchronized List<Active> active() {
        return states.values().stream().filter(s -> s.state == AlertState.PENDING || s.state == AlertState.FIRING).map(State::view)
                .sorted(Comparator.comparing((Active a) -> a.rule().severity()).reversed().thenComparing(Active::target))
                .toList();
    }

    /**
     * Every state that is not inactive (pending, firing, resolved), for views and notifications.
     *
     * @return the states
     */
    public synchronized List<Active> states() {
        return states.values().stream().map(State::view)
                .sorted(Comparator.comparing((Active a) -> a.rule().name()).thenComparing(Active::target)).toList();
    }
}
