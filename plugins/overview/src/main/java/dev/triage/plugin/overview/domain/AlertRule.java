package dev.triage.plugin.overview.domain;

import dev.triage.core.finding.Severity;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * An alert rule as data: a metric compared with a threshold, held for a duration, on targets whose id matches a pattern.
 *
 * @param name unique rule name
 * @param metric the metric name of a sample (e.g. threads_connected)
 * @param op the comparison
 * @param threshold the threshold
 * @param forDuration how long the condition must hold before the alert fires (zero fires at once)
 * @param severity the severity of the finding raised while firing
 * @param targets regular expression on target ids (".*" for all; RE2 syntax, linear time)
 * @param summary text of the finding; {@code {target}}, {@code {value}}, {@code {threshold}} are replaced
 * @param keepFiringFor how long a firing alert keeps firing after its condition stopped holding (Prometheus
 *     {@code keep_firing_for}: a flapping metric does not resolve and fire again on every dip); zero resolves at once
 * @param labels extra labels of the alert's notifications, used by routing (e.g. team=db)
 */
public record AlertRule(String name, String metric, Op op, double threshold, Duration forDuration, Severity severity, String targets,
                        String summary, Duration keepFiringFor, Map<String, String> labels) {

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    /** Comparisons. */
    public enum Op {
        /** Greater than. */
        GT(">"),
        /** Greater or equal. */
        GE(">="),
        /** Less than. */
        LT("<"),
        /** Less or equal. */
        LE("<="),
        /** Equal. */
        EQ("=="),
        /** Not equal. */
        NE("!=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /**
         * The operator's symbol.
         *
         * @return e.g. "&gt;"
         */
        public String symbol() {
            return symbol;
        }

        /**
         * Parses a symbol or a name.
         *
         * @param text "&gt;", "gt", ...
         * @return the operator
         */
        public static Op parse(String text) {
            for (Op o : values()) {
                if (o.symbol.equals(text.trim()) || o.name().equalsIgnoreCase(text.trim())) {
                    return o;
                }
            }
            throw new IllegalArgumentException("Unknown comparison '" + text + "', expected one of > >= < <= == !=");
        }

        boolean test(double value, double threshold) {
            return switch (this) {
                case GT -> value > threshold;
                case GE -> value >= threshold;
                case LT -> value < threshold;
                case LE -> value <= threshold;
                case EQ -> value == threshold;
                case NE -> value != threshold;
            };
        }
    }

    /** Validates. */
    public AlertRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An alert rule needs a name");
        }
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("Alert rule '" + name + "' needs a metric");
        }
        Objects.requireNonNull(op, "op of rule " + name);
        forDuration = forDuration == null ? Duration.ZERO : forDuration;
        severity = severity == null ? Severity.WARNING : severity;
        targets = targets == null || targets.isBlank() ? ".*" : targets;
        try {
            PATTERNS.computeIfAbsent(targets, Pattern::compile);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Alert rule '" + name + "': targets is not a regular expression: " + e.getDescription());
        }
        summary = summary == null || summary.isBlank() ? "{metric} {op} {threshold} on {target} (now {value})" : summary;
        keepFiringFor = keepFiringFor == null ? Duration.ZERO : keepFiringFor;
        if (forDuration.isNegative() || keepFiringFor.isNegative()) {
            throw new IllegalArgumentException("Alert rule '" + name + "': durations cannot be negative");
        }
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /**
     * A rule without keep-firing time or extra labels.
     *
     * @param name unique rule name
     * @param metric the metric
     * @param op the comparison
     * @param threshold the threshold
     * @param forDuration how long the condition must hold before firing
     * @param severity the severity
     * @param targets regular expression on target ids
     * @param summary the finding's text
     */
    public AlertRule(String name, String metric, Op op, double threshold, Duration forDuration, Severity severity, String targets,
                     String summary) {
        this(name, metric, op, threshold, forDuration, severity, targets, summary, Duration.ZERO, Map.of());
    }

    /**
     * Whether the rule watches a target.
     *
     * @param target the target id
     * @return true when the id matches the pattern
     */
    public boolean appliesTo(String target) {
        return PATTERNS.computeIfAbsent(targets, Pattern::compile).matcher(target).matches();
    }

    /**
     * Whether a value breaks the rule.
     *
     * @param value the metric value (NaN when the sample lacks the metric: never breaks)
     * @return true when the condition holds
     */
    public boolean holds(double value) {
        return !Double.isNaN(value) && op.test(value, threshold);
    }

    /**
     * The summary with its placeholders filled.
     *
     * @param target the target id
     * @param value the value
     * @return the text
     */
    public String describe(String target, double value) {
        return summary.replace("{target}", target).replace("{metric}", metric).replace("{op}", op.symbol())
                .replace("{threshold}", Numbers.format(threshold)).replace("{value}", Numbers.format(value));
    }
}
