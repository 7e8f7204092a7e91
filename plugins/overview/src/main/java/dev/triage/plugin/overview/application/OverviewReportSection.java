package dev.triage.plugin.overview.application;

import dev.triage.core.report.Block;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import dev.triage.plugin.overview.domain.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The case report's "Overview" section: a row per watched target with its key numbers and forecast, trend charts, and the alert history. */
public final class OverviewReportSection implements ReportContributor {

    /** The trends drawn as PNG charts in the report, when a target has samples of them. */
    static final List<Map.Entry<String, String>> REPORT_TRENDS = List.of(Map.entry("qps", "Queries per second"),
            Map.entry("threads_connected", "Connections"), Map.entry("latency_ms", "Latency (ms)"),
            Map.entry("used_memory", "Memory used (bytes)"), Map.entry("storage_bytes", "Storage used (bytes)"));

    private final SampleStore store;
    private final Supplier<OverviewService> service;

    /**
     * Creates the contributor.
     *
     * @param store the store
     * @param service the service of the open case
     */
    public OverviewReportSection(SampleStore store, Supplier<OverviewService> service) {
        this.store = store;
        this.service = service;
    }

    @Override
    public String name() {
        return "overview";
    }

    @Override
    public List<ReportSection> contribute(ReportRequest request) throws Exception {
        OverviewReport report = OverviewReport.of(service.get());
        if (report.cards().isEmpty()) {
            return List.of();
        }
        List<String> headers = new ArrayList<>(List.of("Target", "State", "Version"));
        OverviewReport.KEY_METRICS.forEach(m -> headers.add(m.getValue()));
        headers.add("Storage forecast");
        headers.add("Worst alert");
        List<List<String>> rows = new ArrayList<>();
        for (OverviewReport.Card c : report.cards()) {
            List<String> row = new ArrayList<>(List.of(c.snapshot().target(), c.snapshot().up() ? "up" : "down", c.snapshot().version()));
            for (Map.Entry<String, String> m : OverviewReport.KEY_METRICS) {
                row.add(c.value(m.getKey()));
            }
            row.add(c.forecastText());
            row.add(c.alerts().isEmpty() ? "" : c.alerts().get(0).state() + " " + c.alerts().get(0).rule().describe(c.snapshot().target(),
                    c.alerts().get(0).value()));
            rows.add(row);
        }
        List<List<String>> history = store.history(50).stream().map(h -> List.of(h.time().toString(), h.rule(), h.target(), h.severity(),
                h.from() + " → " + h.to(), Numbers.format(h.value()))).toList();
        List<Block> blocks = new ArrayList<>(List.of(new Block.Paragraph("Latest sample of each target watched with triage watch."),
                new Block.Table(headers, rows)));
        List<String> targets = report.cards().stream().map(c -> c.snapshot().target()).toList();
        List<DataStatistics> data = DataStatistics.of(store, report.cards().stream().map(OverviewReport.Card::snapshot).toList(),
                request.generated());
        if (!data.isEmpty()) {
            blocks.add(new Block.Heading("Largest databases and tables"));
            blocks.add(new Block.Table(DataStatistics.HEADERS, data.stream().map(DataStatistics::cells).toList()));
        }
        for (Map.Entry<String, String> m : REPORT_TRENDS) {
            List<Trends.Series> series = Trends.load(store, targets, m.getKey(), Trends.Range.DAY, request.generated()).stream()
                    .filter(t -> t.points().size() >= 2).toList();
            if (!series.isEmpty()) {
                blocks.add(new Block.Image(m.getValue() + " of every target, last 24 h", "overview-" + m.getKey() + ".png",
                        TrendPng.draw(m.getValue() + ", last 24 h", series), "image/png"));
            }
        }
        if (!history.isEmpty()) {
            blocks.add(new Block.Heading("Alert history (latest 50)"));
            blocks.add(new Block.Table(List.of("Time", "Rule", "Target", "Severity", "Change", "Value"), history));
        }
        return List.of(new ReportSection("Overview", blocks));
    }
}
