package dev.triage.plugin.slowlog.application;

import dev.triage.core.report.Block;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** Contributes the case's top slow-query classes (by total query time) to the case report. */
public final class SlowLogReport implements ReportContributor {

    /** How many classes the report lists. */
    public static final int TOP = 10;

    private final SlowLogStore store;
    private final Titles titles;

    /**
     * The localised texts of the section.
     *
     * @param top the section title
     * @param sample the title of the slowest statement's code block
     * @param columns the column names: rank, query id, total time, share, calls, avg, 95%, max, fingerprint
     * @param chart the title of the chart of the top classes' query time over time
     * @param compare the title of the last comparison's table
     * @param compareColumns its column names: status, query id, calls before, calls after, total before, total after,
     *     p95 before, p95 after, fingerprint
     */
    public record Titles(String top, String sample, List<String> columns, String chart, String compare,
            List<String> compareColumns) {

        /** Copies the column lists. */
        public Titles {
            columns = List.copyOf(columns);
            compareColumns = List.copyOf(compareColumns);
        }
    }

    /** How many classes the chart draws. */
    static final int CHARTED = 5;
    private static final int CHART_BUCKETS = 48;

    /**
     * Creates the contributor.
     *
     * @param store where the case's events are digested
     * @param titles the texts in the user's language
     */
    public SlowLogReport(SlowLogStore store, Titles titles) {
        this.store = store;
        this.titles = titles;
    }

    @Override
    public String name() {
        return "slowlog";
    }

    @Override
    public List<ReportSection> contribute(ReportRequest request) throws Exception {
        List<DigestRow> top = store.digestCase(request.currentCase(), new DigestQuery(DigestOrder.SUM, TOP));
        if (top.isEmpty()) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        for (DigestRow r : top) {
            rows.add(List.of(Integer.toString(r.rank()), r.checksum(), seconds(r.queryTime().sum()),
                    String.format(Locale.ROOT, "%.1f%%", r.share() * 100), Long.toString(r.count()), seconds(r.queryTime().avg()),
                    seconds(r.queryTime().p95()), seconds(r.queryTime().max()), r.fingerprint()));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Table(titles.columns(), rows));
        if (top.get(0).sample() != null) {
            blocks.add(new Block.Paragraph(titles.sample()));
            blocks.add(new Block.CodeBlock("sql", top.get(0).sample()));
        }
        List<String> charted = top.stream().limit(CHARTED).map(DigestRow::checksum).toList();
        Map<String, List<TimelinePoint>> timelines = store.timelines(request.currentCase(), charted, CHART_BUCKETS);
        if (!timelines.isEmpty()) {
            Map<String, List<TimelinePoint>> labelled = new LinkedHashMap<>();
            for (DigestRow r : top) {
                if (timelines.containsKey(r.checksum())) {
                    labelled.put("#" + r.rank() + " " + r.checksum().substring(0, Math.min(8, r.checksum().length())),
                            timelines.get(r.checksum()));
                }
            }
            blocks.add(new Block.Paragraph(titles.chart()));
            blocks.add(new Block.Image(titles.chart(), "slowlog-query-time.png",
                    QueryTimeChart.png(titles.chart(), "s", labelled), "image/png"));
        }
        List<ReportSection> sections = new ArrayList<>();
        sections.add(new ReportSection(titles.top(), blocks));
        store.lastCompare(request.currentCase()).ifPresent(c -> sections.add(compareSection(c)));
        return sections;
    }

    private ReportSection compareSection(SavedCompare compare) {
        List<List<String>> rows = new ArrayList<>();
        for (CompareRow r : compare.rows()) {
            rows.add(List.of(r.status().name(), r.checksum(), Long.toString(r.countA()), Long.toString(r.countB()),
                    seconds(r.totalA()), seconds(r.totalB()), seconds(r.p95A()), seconds(r.p95B()), r.fingerprint()));
        }
        return new ReportSection(titles.compare(), List.of(new Block.Paragraph(compare.label() + " (" + compare.madeAt() + ")"),
                new Block.Table(titles.compareColumns(), rows)));
    }

    private static String seconds(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.6f", d);
    }
}
