package dev.triage.plugin.overview.application;

import dev.triage.core.connection.ConnectionTarget;
import dev.triage.plugin.overview.domain.Sample;
import java.time.Duration;

/** Port: samples one target. */
public interface MetricSource {

    /**
     * Whether this source can sample the target.
     *
     * @param target the saved connection
     * @return true when it knows the target's kind
     */
    boolean supports(ConnectionTarget target);

    /**
     * Samples the target; a target that does not answer within the timeout gives a down sample, not an exception.
     *
     * @param target the saved connection
     * @param password its password, or null
     * @param timeout the longest the sample may take
     * @return the sample
     */
    Sample sample(ConnectionTarget target, char[] password, Duration timeout);
}
