package dev.triage.diag.domain;

import dev.triage.core.diagnostics.CategorizedFinding;
import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.FindingSource;
import dev.triage.core.finding.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Gathers the findings of one diagnosis with their categories, skipping categories that were not asked for. */
public final class FindingCollector {

    private final FindingSource source;
    private final Set<String> wanted;
    private final Rules rules;
    private final List<CategorizedFinding> findings = new ArrayList<>();
    private final Map<String, Double> metrics = new LinkedHashMap<>();

    /**
     * Starts a diagnosis.
     *
     * @param pluginId the diagnosing plugin
     * @param target what is diagnosed
     * @param time when the state was captured
     * @param wanted the category ids asked for; empty for all
     * @param rules the thresholds
     */
    public FindingCollector(String pluginId, String target, Instant time, Set<String> wanted, Rules rules) {
        this.source = new FindingSource(pluginId, target, time);
        this.wanted = Set.copyOf(wanted);
        this.rules = rules;
    }

    /**
     * Tells whether a category was asked for.
     *
     * @param category the category id
     * @return true when it is to be diagnosed
     */
    public boolean wants(String category) {
        return wanted.isEmpty() || wanted.contains(category);
    }

    /**
     * Returns the thresholds.
     *
     * @return the rules
     */
    public Rules rules() {
        return rules;
    }

    /**
     * Adds a finding when its category was asked for.
     *
     * @param category the category id
     * @param severity the severity
     * @param title the one-line statement
     * @param suggestion what to do
     * @param evidence the values behind it
     */
    public void add(String category, Severity severity, String title, String suggestion, Evidence... evidence) {
        add(category, severity, title, suggestion, Arrays.asList(evidence));
    }

    /**
     * Adds a finding when its category was asked for.
     *
     * @param category the category id
     * @param severity the severity
     * @param title the one-line statement
     * @param suggestion what to do
     * @param evidence the values behind it
     */
    public void add(String category, Severity severity, String title, String suggestion, List<Evidence> evidence) {
        if (wants(category)) {
            findings.add(new CategorizedFinding(category, new Finding(severity, title, evidence, suggestion, source)));
        }
    }

    /**
     * Rates a metric with a threshold and adds a finding when it passes the warning limit.
     *
     * @param category the category id
     * @param ruleKey the threshold key
     * @param value the value
     * @param title the one-line statement, used when the value is rated
     * @param suggestion what to do
     * @param evidence the values behind it; the limit passed is added
     * @return the rating (OK when no finding was added)
     */
    public Severity rate(String category, String ruleKey, double value, String title, String suggestion, Evidence... evidence) {
        Threshold t = rules.get(ruleKey);
        Severity s = t.rate(value);
        if (s != Severity.OK) {
            List<Evidence> all = new ArrayList<>(Arrays.asList(evidence));
            all.add(Evidence.metric("threshold", t.limit(s)));
            add(category, s, title, suggestion, all);
        }
        return s;
    }

    /**
     * Records a key metric value for charts and tables.
     *
     * @param name the metric name
     * @param value the value; NaN is skipped
     */
    public void metric(String name, double value) {
        if (!Double.isNaN(value)) {
            metrics.put(name, value);
        }
    }

    /**
     * Returns the findings gathered so far.
     *
     * @return the findings with their categories
     */
    public List<CategorizedFinding> findings() {
        return List.copyOf(findings);
    }

    /**
     * Returns the metrics recorded so far.
     *
     * @return the metric values by name
     */
    public Map<String, Double> metrics() {
        return Map.copyOf(metrics);
    }
}
