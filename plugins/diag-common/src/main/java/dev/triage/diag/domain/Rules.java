package dev.triage.diag.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The thresholds a diagnostic rates metrics with, read from its rules file and the user's overrides. */
public final class Rules {

    private final Map<String, Threshold> thresholds;

    /**
     * Creates rules from thresholds.
     *
     * @param thresholds the thresholds by key
     */
    public Rules(Map<String, Threshold> thresholds) {
        this.thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
    }

    /**
     * Returns a threshold.
     *
     * @param key the rule key
     * @return the threshold
     * @throws IllegalArgumentException when the rules file has no such key (a packaging mistake)
     */
    public Threshold get(String key) {
        Threshold t = thresholds.get(key);
        if (t == null) {
            throw new IllegalArgumentException("The diagnostics rules have no threshold '" + key + "'");
        }
        return t;
    }

    /**
     * Returns every threshold, in file order.
     *
     * @return the thresholds by key
     */
    public Map<String, Threshold> all() {
        return thresholds;
    }

    /**
     * Returns these rules with some thresholds replaced.
     *
     * @param overrides the thresholds that replace (or add to) these
     * @return the merged rules
     */
    public Rules with(Map<String, Threshold> overrides) {
        Map<String, Threshold> merged = new LinkedHashMap<>(thresholds);
        merged.putAll(overrides);
        return new Rules(merged);
    }
}
