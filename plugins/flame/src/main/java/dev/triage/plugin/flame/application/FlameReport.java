package dev.triage.plugin.flame.application;

import dev.triage.core.report.Block;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import dev.triage.plugin.flame.domain.FunctionStat;
import dev.triage.plugin.flame.domain.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Contributes each stored profile's top functions and its flame graph (PNG) to the case report. */
public final class FlameReport implements ReportContributor {

    /** How many functions the report lists per profile. */
    public static final int TOP = 10;

    private final ProfileStore store;
    private final ProfileLoader loader;
    private final String title;
    private final List<String> columns;

    /**
     * Creates the contributor.
     *
     * @param store the case's profiles
     * @param loader reads them and draws the image
     * @param title the section title
     * @param columns the column names: rank, function, self, self %, total, total %
     */
    public FlameReport(ProfileStore store, ProfileLoader loader, String title, List<String> columns) {
        this.store = store;
        this.loader = loader;
        this.title = title;
        this.columns = List.copyOf(columns);
    }

    @Override
    public String name() {
        return "flame";
    }

    @Override
    public List<ReportSection> contribute(ReportRequest request) throws Exception {
        List<StoredProfile> profiles = store.list(request.currentCase());
        if (profiles.isEmpty()) {
            return List.of();
        }
        List<ReportSection> subsections = new ArrayList<>();
        int index = 0;
        for (StoredProfile sp : profiles) {
            index++;
            Profile p = loader.load(sp.path(), null, null);
            double all = Math.max(1, p.total());
            List<List<String>> rows = new ArrayList<>();
            List<FunctionStat> fs = p.functionTable().top(TOP);
            for (int i = 0; i < Math.min(TOP, fs.size()); i++) {
                FunctionStat f = fs.get(i);
                rows.add(List.of(Integer.toString(i + 1), f.name(), Long.toString(f.self()),
                        String.format(Locale.ROOT, "%.2f%%", 100 * f.self() / all), Long.toString(f.total()),
                        String.format(Locale.ROOT, "%.2f%%", 100 * f.total() / all)));
            }
            List<Block> blocks = new ArrayList<>();
            String origin = sp.target() == null ? "" : ", collected from " + sp.target() + (sp.collectedAt() == null ? ""
                    : " at " + sp.collectedAt());
            blocks.add(new Block.Paragraph(String.format(Locale.ROOT, "%s profile, %s (%s), total %,d%s.", sp.format().toLowerCase(Locale.ROOT),
                    p.sampleType(), p.unit(), p.total(), origin)));
            blocks.add(new Block.Table(columns, rows));
            byte[] png = loader.png(p, 1200, sp.file() + " (" + p.sampleType() + ")");
            blocks.add(new Block.Image("Flame graph of " + sp.file(), "flame-" + index + ".png", png, "image/png"));
            subsections.add(new ReportSection(sp.file(), blocks));
        }
        return List.of(new ReportSection(title, List.of(), subsections));
    }
}
