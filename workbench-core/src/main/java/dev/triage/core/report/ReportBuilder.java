package dev.triage.core.report;

import dev.triage.core.plugin.Sandbox;
import dev.triage.core.plugin.SandboxException;
import dev.triage.core.service.ServiceRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a report from every registered {@link ReportContributor}, isolating contributors that throw or hang. */
public final class ReportBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ReportBuilder.class);

    private final ServiceRegistry registry;
    private final Sandbox sandbox;

    /**
     * Creates a builder.
     *
     * @param registry where contributors are registered
     * @param sandbox runs each contributor with the kernel's time limit
     */
    public ReportBuilder(ServiceRegistry registry, Sandbox sandbox) {
        this.registry = registry;
        this.sandbox = sandbox;
    }

    /**
     * Asks every contributor, in registration order, for its sections.
     *
     * @param title the report title
     * @param request the case and generation time
     * @return the report; a failed contributor's sections are replaced by one section with a short error paragraph
     */
    public Report build(String title, ReportRequest request) {
        List<ReportSection> sections = new ArrayList<>();
        for (ReportContributor contributor : registry.findAll(ReportContributor.class)) {
            sections.addAll(contribution(contributor, request));
        }
        return new Report(title, request.generated(), sections);
    }

    private List<ReportSection> contribution(ReportContributor contributor, ReportRequest request) {
        String name = safeName(contributor);
        try {
            List<ReportSection> out = sandbox.call("Report section '" + name + "'", () -> contributor.contribute(request));
            return out == null ? List.of() : List.copyOf(out);
        } catch (SandboxException e) {
            LOG.warn("{}", e.getMessage(), e.getCause());
            return failed(name, reason(e));
        } catch (NullPointerException e) {
            LOG.warn("Report section '{}' returned a null section", name);
            return failed(name, "it returned a null section");
        }
    }

    private static List<ReportSection> failed(String name, String reason) {
        return List.of(ReportSection.of(name, new Block.Paragraph("This section could not be produced: " + reason)));
    }

    /** The contributor's own message when it threw, else the sandbox's (timeout, interruption). */
    private static String reason(SandboxException e) {
        Throwable cause = e.getCause();
        if (cause == null || cause instanceof TimeoutException || cause instanceof InterruptedException) {
            return e.getMessage();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static String safeName(ReportContributor contributor) {
        try {
            String n = contributor.name();
            return n == null || n.isBlank() ? contributor.getClass().getName() : n;
        } catch (RuntimeException e) {
            return contributor.getClass().getName();
        }
    }
}
