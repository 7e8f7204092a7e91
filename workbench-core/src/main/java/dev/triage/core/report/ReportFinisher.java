package dev.triage.core.report;

import dev.triage.core.service.ServiceRegistry;

/**
 * Turns a built report into the one that is written, on every export path (CLI {@code case report}, File &gt; Export
 * report): a plugin registers one to apply the user's section choices and remove secrets.
 */
public interface ReportFinisher {

    /**
     * Returns the report to write instead of the built one.
     *
     * @param request the case and generation time
     * @param built the report every contributor made
     * @return the report to write
     * @throws Exception when the report cannot be finished; the export then fails rather than write an unfinished report
     */
    Report finish(ReportRequest request, Report built) throws Exception;

    /**
     * Applies every registered finisher in registration order.
     *
     * @param registry where finishers are registered
     * @param request the case and generation time
     * @param built the built report
     * @return the finished report; the built one when no finisher is registered
     * @throws Exception when a finisher fails
     */
    static Report finishAll(ServiceRegistry registry, ReportRequest request, Report built) throws Exception {
        Report out = built;
        for (ReportFinisher f : registry.findAll(ReportFinisher.class)) {
            out = f.finish(request, out);
        }
        return out;
    }
}
