package dev.triage.plugin.overview.application;

import dev.triage.plugin.overview.domain.AlertRule;
import java.util.List;

/** Port: reads and writes the alert rules in effect (the rule editor's storage). */
public interface AlertRuleFiles {

    /**
     * The rules in effect and where they come from.
     *
     * @param rules the rules
     * @param source the file, or "defaults"
     * @param target the file a save writes (the case's, else the settings folder's)
     */
    record Loaded(List<AlertRule> rules, String source, String target) {
    }

    /**
     * Reads the rules in effect.
     *
     * @return the rules
     * @throws Exception when the file is invalid
     */
    Loaded load() throws Exception;

    /**
     * Validates and writes the rules, then makes them the rules in effect.
     *
     * @param rules the rules
     * @return the file written
     * @throws Exception when a rule is invalid (nothing is written) or the file cannot be written
     */
    String save(List<AlertRule> rules) throws Exception;

    /**
     * Checks rules as a save would: unique names, and each rule valid.
     *
     * @param rules the rules
     * @return the problems, one line each, empty when they can be saved
     */
    static List<String> problems(List<AlertRule> rules) {
        List<String> out = new java.util.ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        int i = 0;
        for (AlertRule r : rules) {
            i++;
            if (!names.add(r.name())) {
                out.add("rule " + i + " (" + r.name() + "): the name is used twice");
            }
            if (!r.metric().matches("[A-Za-z_][A-Za-z0-9_.:-]*")) {
                out.add("rule " + i + " (" + r.name() + "): bad metric name '" + r.metric() + "'");
            }
            if (Double.isNaN(r.threshold()) || Double.isInfinite(r.threshold())) {
                out.add("rule " + i + " (" + r.name() + "): the threshold must be a number");
            }
        }
        return out;
    }
}
