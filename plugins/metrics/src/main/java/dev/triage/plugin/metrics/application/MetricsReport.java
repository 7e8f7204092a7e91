package dev.triage.plugin.metrics.application;

import dev.triage.core.report.Block;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import dev.triage.plugin.metrics.domain.Anomaly;
import dev.triage.plugin.metrics.domain.AnomalyDetector;
import java.util.ArrayList;
import java.util.List;

/** Contributes the case's metric charts (PNG, anomaly marks in red) and the "what changed first" list to the report. */
public final class MetricsReport implements ReportContributor {

    /** The most charts in the report. */
    public static final int CHARTS = 12;

    private final MetricsService service;
    private final Titles titles;

    /**
     * The localised texts.
     *
     * @param section the section title
     * @param changed the title of the "what changed first" table
     * @param columns its columns: time, chart, series, value, median, score, marks
     * @param none the sentence when no series left its band
     */
    public record Titles(String section, String changed, List<String> columns, String none) {

        /** Copies the list. */
        public Titles {
            columns = List.copyOf(columns);
        }
    }

    /**
     * Creates the contributor.
     *
     * @param service the metrics use cases
     * @param titles the texts
     */
    public MetricsReport(MetricsService service, Titles titles) {
        this.service = service;
        this.titles = titles;
    }

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public List<ReportSection> contribute(ReportRequest request) throws Exception {
        List<MetricsService.Chart> charts = service.charts(CHARTS);
        if (charts.isEmpty()) {
            return List.of();
        }
        List<Block> blocks = new ArrayList<>();
        ChangedFirst changed = MetricsService.changedFirst(charts, AnomalyDetector.DEFAULT, Long.MIN_VALUE, Long.MAX_VALUE, 20);
        blocks.add(new Block.Paragraph(titles.changed()));
        if (changed.rows().isEmpty()) {
            blocks.add(new Block.Paragraph(titles.none()));
        } else {
            blocks.add(new Block.Table(titles.columns(), changed.cells()));
        }
        int n = 1;
        for (MetricsService.Chart c : charts) {
            List<Anomaly> marks = new ArrayList<>();
            marks.addAll(AnomalyDetector.DEFAULT.marks(c.series()));
            byte[] png = MetricsChart.png(MetricsChart.create(c.title(), c.series(), marks, false, MetricsChart.Palette.LIGHT), 900, 360);
            blocks.add(new Block.Image(c.title(), String.format(java.util.Locale.ROOT, "metrics-%02d.png", n++), png, "image/png"));
        }
        return List.of(new ReportSection(titles.section(), blocks));
    }
}
