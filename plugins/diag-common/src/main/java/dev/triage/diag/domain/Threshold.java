package dev.triage.diag.domain;

import dev.triage.core.finding.Severity;

/**
 * One threshold of a rules file: a metric value is rated WARNING or CRITICAL when it passes these limits.
 *
 * @param key the rule key, such as {@code memory.used_ratio}
 * @param warning the value from which it is a warning
 * @param critical the value from which it is critical
 * @param below true when lower is worse (a hit ratio), false when higher is worse (memory used)
 * @param description what the rule checks, for the documentation and the evidence
 */
public record Threshold(String key, double warning, double critical, boolean below, String description) {

    /**
     * Rates a value against this threshold.
     *
     * @param value the metric value
     * @return CRITICAL, WARNING or OK
     */
    public Severity rate(double value) {
        if (Double.isNaN(value)) {
            return Severity.OK;
        }
        if (below) {
            return value <= critical ? Severity.CRITICAL : value <= warning ? Severity.WARNING : Severity.OK;
        }
        return value >= critical ? Severity.CRITICAL : value >= warning ? Severity.WARNING : Severity.OK;
    }

    /**
     * Describes the limit a value passed, for evidence lines.
     *
     * @param severity the rating of the value
     * @return such as {@code >= 0.8 (warning)}
     */
    public String limit(Severity severity) {
        double v = severity == Severity.CRITICAL ? critical : warning;
        return (below ? "<= " : ">= ") + Numbers.plain(v) + " (" + severity.name().toLowerCase(java.util.Locale.ROOT) + ", rule " + key + ")";
    }
}
