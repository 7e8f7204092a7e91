package dev.triage.diag.infrastructure;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.DiagnosticCategory;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.diagnostics.MiddlewareDiagnostics;
import dev.triage.diag.domain.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A diagnostic whose thresholds come from its shipped rules file, overridden by the user's file in the settings folder
 * (read again on every diagnosis so edits apply at once); subclasses add the live side (health, metrics, capture).
 */
public abstract class RuleBasedDiagnostics implements MiddlewareDiagnostics {

    /** Turns a capture into a diagnosis with given rules; the pure part of a diagnostic. */
    @FunctionalInterface
    public interface Diagnoser {
        /**
         * Diagnoses a capture.
         *
         * @param capture the raw state
         * @param categories the category ids; empty for all
         * @param rules the thresholds
         * @return the diagnosis
         */
        Diagnosis diagnose(Capture capture, Set<String> categories, Rules rules);
    }

    /**
     * What a diagnostic is: its plugin, what it examines and reads, and its pure diagnoser.
     *
     * @param pluginId the plugin id, naming the rules file {@code <pluginId>-rules.json} beside the subclass
     * @param connectionKinds the kinds of saved connections it examines live
     * @param categories the categories in display order
     * @param dumpKinds the dump kinds it reads
     * @param detector recognises a dump's kind from its text
     * @param diagnoser turns captures into findings
     */
    public record Definition(String pluginId, Set<ConnectionKind> connectionKinds, List<DiagnosticCategory> categories,
                             List<String> dumpKinds, Function<String, Optional<String>> detector, Diagnoser diagnoser) {
    }

    private final Definition definition;
    private final Rules defaults;
    private final Path userRules;

    /**
     * Loads the shipped rules.
     *
     * @param definition what the diagnostic is
     * @param configFolder the settings folder holding {@code diagnostics/<plugin-id>.json}, or null for none
     */
    protected RuleBasedDiagnostics(Definition definition, Path configFolder) {
        this.definition = definition;
        this.defaults = RulesLoader.defaults(getClass(), definition.pluginId());
        this.userRules = configFolder == null ? null : RulesLoader.userFile(configFolder, definition.pluginId());
    }

    @Override
    public String pluginId() {
        return definition.pluginId();
    }

    @Override
    public Set<ConnectionKind> connectionKinds() {
        return definition.connectionKinds();
    }

    @Override
    public List<DiagnosticCategory> categories() {
        return definition.categories();
    }

    @Override
    public List<String> dumpKinds() {
        return definition.dumpKinds();
    }

    @Override
    public Optional<String> detectDumpKind(String text) {
        return definition.detector().apply(text);
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
    public Diagnosis diagnose(Capture capture, Set<String> categories, Rules rules) {
        return definition.diagnoser().diagnose(capture, categories, rules);
    }

    /**
     * Names a saved target for findings and captures.
     *
     * @param target the target
     * @return such as {@code cache-prod (10.0.0.5:6379)}
     */
    public static String label(ConnectionTarget target) {
        return target.name() + " (" + target.host() + ":" + target.port() + ")";
    }
}
