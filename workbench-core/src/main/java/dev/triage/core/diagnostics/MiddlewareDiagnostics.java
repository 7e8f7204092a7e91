package dev.triage.core.diagnostics;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A diagnostic for one kind of middleware (MySQL, Redis, Kafka), published in the service registry by its plugin.
 * Live work always goes through a {@link Capture}: {@link #capture} reads the raw state, {@link #diagnose} turns it
 * into findings, so diagnosing a saved capture later gives the same findings as diagnosing live at that moment.
 */
public interface MiddlewareDiagnostics {

    /**
     * Returns the id of the plugin that publishes this diagnostic (the {@link Capture#pluginId()} it diagnoses).
     *
     * @return the plugin id
     */
    String pluginId();

    /**
     * Returns the kinds of saved connections this diagnostic can examine live.
     *
     * @return the connection kinds
     */
    Set<ConnectionKind> connectionKinds();

    /**
     * Returns the categories this diagnostic looks at, in display order.
     *
     * @return the categories
     */
    List<DiagnosticCategory> categories();

    /**
     * Returns the kinds of offline dumps this diagnostic reads ({@code redis-info}, {@code mysql-status}, ...).
     *
     * @return the dump kinds
     */
    List<String> dumpKinds();

    /**
     * Recognises a pasted or copied dump by its content.
     *
     * @param text the dump's text
     * @return the dump kind, or empty when the text is not one this diagnostic reads
     */
    Optional<String> detectDumpKind(String text);

    /**
     * Checks quickly whether a live target answers.
     *
     * @param target the saved connection
     * @param password its password from the secret store, or null when none
     * @return the answer; an unreachable target is an answer, not an exception
     */
    HealthCheck health(ConnectionTarget target, char[] password);

    /**
     * Reads the key metric values of a live target, for charts sampled while a view is open.
     *
     * @param target the saved connection
     * @param password its password, or null
     * @return metric values by name
     * @throws Exception when the target cannot be read
     */
    Map<String, Double> collectMetrics(ConnectionTarget target, char[] password) throws Exception;

    /**
     * Reads the raw state of a live target, read-only, with the time and target.
     *
     * @param target the saved connection
     * @param password its password, or null
     * @return the capture
     * @throws Exception when the target cannot be read
     */
    Capture capture(ConnectionTarget target, char[] password) throws Exception;

    /**
     * Diagnoses a capture, live or saved, in some or all categories.
     *
     * @param capture the raw state
     * @param categories the category ids to look at; empty for all
     * @return the findings by category and the key metrics
     */
    Diagnosis diagnose(Capture capture, Set<String> categories);
}
