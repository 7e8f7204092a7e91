package dev.triage.plugin.slowlog.application;

import dev.triage.core.report.Block;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import java.util.ArrayList;
import java.util.List;
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
     */
    public record Titles(String top, String sample, List<String> columns) {

        /** Copies the column list. */
        public Titles {
            columns = List.copyOf(columns);
        }
    }

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
        return List.of(new ReportSection(titles.top(), blocks));
    }

    private static String seconds(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.6f", d);
    }
}
