package dev.triage.diag.infrastructure;

import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.diagnostics.MiddlewareDiagnostics;
import dev.triage.diag.domain.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * A diagnostic whose thresholds come from its shipped rules file, overridden by the user's file in the settings folder;
 * the user's file is read again on every diagnosis so edits apply at once.
 */
public abstract class RuleBasedDiagnostics implements MiddlewareDiagnostics {

    private final Rules defaults;
    private final Path userRules;

    /**
     * Loads the shipped rules.
     *
     * @param configFolder the settings folder holding {@code diagnostics/<plugin-id>.json}, or null for none
     */
    protected RuleBasedDiagnostics(Path configFolder) {
        this.defaults = RulesLoader.defaults(getClass(), pluginId());
        this.userRules = configFolder == null ? null : RulesLoader.userFile(configFolder, pluginId());
    }

    /**
     * Returns the rules in force: the shipped ones with the user's overrides.
     *
     * @return the rules
     */
    public Rules rules() {
        try {
            return RulesLoader.override(defaults, userRules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the shipped rules, without the user's overrides.
     *
     * @return the rules
     */
    public Rules defaultRules() {
        return defaults;
    }

    @Override
    public Diagnosis diagnose(Capture capture, Set<String> categories) {
        return diagnose(capture, categories, rules());
    }

    /**
     * Diagnoses a capture with given rules.
     *
     * @param capture the raw state
     * @param categories the category ids; empty for all
     * @param rules the thresholds
     * @return the diagnosis
     */
    public abstract Diagnosis diagnose(Capture capture, Set<String> categories, Rules rules);
}
