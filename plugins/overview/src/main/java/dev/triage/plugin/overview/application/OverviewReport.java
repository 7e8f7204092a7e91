package dev.triage.plugin.overview.application;

import dev.triage.core.command.CommandOutput;
import dev.triage.plugin.overview.domain.AlertEngine;
import dev.triage.plugin.overview.domain.Numbers;
import dev.triage.plugin.overview.domain.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The overview of the open case: one card per target (latest snapshot), the alerts active in this process and the storage forecast.
 *
 * @param cards the cards, by target
 */
public record OverviewReport(List<Card> cards) implements CommandOutput {

    /** Metrics shown on a card, in order, with their labels. */
    public static final List<Map.Entry<String, String>> KEY_METRICS = List.of(Map.entry("qps", "QPS"), Map.entry("tps", "TPS"),
            Map.entry("threads_connected", "Connections"), Map.entry("threads_running", "Running"),
            Map.entry("replication_delay_s", "Replication lag s"), Map.entry("buffer_pool_hit_pct", "Buffer pool hit %"),
            Map.entry("slow_queries_per_s", "Slow/s"), Map.entry(OverviewService.STORAGE, "Storage"));

    /**
     * A target's card.
     *
     * @param snapshot the latest sample
     * @param alerts the alerts active on the target (worst first)
     * @param forecast the storage forecast, when there is one
     */
    public record Card(Sample snapshot, List<AlertEngine.Active> alerts, Optional<OverviewService.StorageForecast> forecast) {

        /**
         * A metric formatted for the card.
         *
         * @param metric the metric
         * @return the text
         */
        public String value(String metric) {
            double v = snapshot.metric(metric);
            return metric.endsWith("_bytes") ? Numbers.bytes(v) : Numbers.format(v);
        }

        /**
         * The forecast as text.
         *
         * @return e.g. "full in 23 days (17-35)" or "no forecast"
         */
        public String forecastText() {
            return forecast.flatMap(f -> f.forecast().daysToLimit().map(d -> "full in " + Math.round(d) + " days ("
                    + Math.round(f.forecast().daysLow()) + "-" + (Double.isInfinite(f.forecast().daysHigh()) ? "never"
                    : Math.round(f.forecast().daysHigh())) + ")" + (f.forecast().reliable() ? "" : ", low confidence")))
                    .orElse("no forecast");
        }
    }

    /**
     * Builds the report.
     *
     * @param service the service of the open case
     * @return the report
     * @throws Exception when the case cannot be read
     */
    public static OverviewReport of(OverviewService service) throws Exception {
        List<Card> cards = new ArrayList<>();
        List<AlertEngine.Active> active = service.alerts().active();
        for (Sample s : service.store().snapshots().values()) {
            List<AlertEngine.Active> alerts = active.stream().filter(a -> a.target().equals(s.target())).toList();
            cards.add(new Card(s, alerts, service.forecast(s.target())));
        }
        return new OverviewReport(cards);
    }

    @Override
    public String text() {
        if (cards.isEmpty()) {
            return "No samples in this case yet: run triage watch --case DIR";
        }
        StringBuilder b = new StringBuilder();
        for (Card c : cards) {
            Sample s = c.snapshot();
            b.append(s.target()).append(s.up() ? "  UP  " : "  DOWN  ").append(s.version()).append("  at ").append(s.time()).append('\n');
            if (!s.up()) {
                b.append("  ").append(s.error()).append('\n');
            }
            for (Map.Entry<String, String> m : KEY_METRICS) {
                if (!Double.isNaN(s.metric(m.getKey()))) {
                    b.append("  ").append(m.getValue()).append(": ").append(c.value(m.getKey())).append('\n');
                }
            }
            b.append("  Forecast: ").append(c.forecastText()).append('\n');
            for (AlertEngine.Active a : c.alerts()) {
                b.append("  ").append(a.state()).append(' ').append(a.rule().severity()).append(' ')
                        .append(a.rule().describe(a.target(), a.value())).append('\n');
            }
        }
        return b.toString();
    }

    @Override
    public String markdown() {
        StringBuilder b = new StringBuilder("| Target | State | Version | ");
        KEY_METRICS.forEach(m -> b.append(m.getValue()).append(" | "));
        b.append("Forecast |\n|---|---|---|");
        KEY_METRICS.forEach(m -> b.append("---|"));
        b.append("---|\n");
        for (Card c : cards) {
            b.append("| ").append(c.snapshot().target()).append(" | ").append(c.snapshot().up() ? "up" : "down").append(" | ")
                    .append(c.snapshot().version()).append(" | ");
            KEY_METRICS.forEach(m -> b.append(c.value(m.getKey())).append(" | "));
            b.append(c.forecastText()).append(" |\n");
        }
        return b.toString();
    }
}
