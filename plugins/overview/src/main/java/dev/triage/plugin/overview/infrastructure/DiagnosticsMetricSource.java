package dev.triage.plugin.overview.infrastructure;

import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.diagnostics.HealthCheck;
import dev.triage.core.diagnostics.MiddlewareDiagnostics;
import dev.triage.core.service.ServiceRegistry;
import dev.triage.plugin.overview.application.MetricSource;
import dev.triage.plugin.overview.domain.Sample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Samples Redis, Kafka and any other target through the diagnostics plugins' {@link MiddlewareDiagnostics} service, looked up in
 * the registry at each sample (never by class), so the overview works without them and uses them when they are installed.
 */
public final class DiagnosticsMetricSource implements MetricSource {

    private final ServiceRegistry services;
    private final Clock clock;

    /**
     * Creates the source.
     *
     * @param services the kernel's registry
     * @param clock the clock
     */
    public DiagnosticsMetricSource(ServiceRegistry services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    private Optional<MiddlewareDiagnostics> diagnostics(ConnectionTarget target) {
        return services.findAll(MiddlewareDiagnostics.class).stream().filter(d -> d.connectionKinds().contains(target.kind())).findFirst();
    }

    @Override
    public boolean supports(ConnectionTarget target) {
        return diagnostics(target).isPresent();
    }

    @Override
    public Sample sample(ConnectionTarget target, char[] password, Duration timeout) {
        Instant time = clock.instant();
        MiddlewareDiagnostics d = diagnostics(target).orElseThrow();
        try {
            return CompletableFuture.supplyAsync(() -> {
                HealthCheck h = d.health(target, password);
                if (!h.reachable()) {
                    return Sample.down(target.id(), time, h.message());
                }
                try {
                    Map<String, Double> metrics = new java.util.HashMap<>(d.collectMetrics(target, password));
                    metrics.put("latency_ms", h.latency().toNanos() / 1e6);
                    return new Sample(target.id(), time, true, h.version(), metrics, "");
                } catch (Exception e) {
                    return Sample.down(target.id(), time, String.valueOf(e.getMessage()));
                }
            }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Sample.down(target.id(), time, "interrupted");
        } catch (Exception e) {
            return Sample.down(target.id(), time, "no answer within " + timeout.toMillis() + " ms");
        }
    }
}
