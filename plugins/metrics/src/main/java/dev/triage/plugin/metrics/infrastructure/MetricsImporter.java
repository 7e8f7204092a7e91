package dev.triage.plugin.metrics.infrastructure;

import dev.triage.core.cases.ImportSession;
import dev.triage.core.imports.FileImporter;
import dev.triage.plugin.metrics.application.MetricsStore;
import dev.triage.plugin.metrics.domain.NamedQuery;
import dev.triage.plugin.metrics.domain.QuerySet;
import dev.triage.plugin.metrics.domain.SeriesBuilder;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Imports metric files into the case: Prometheus text expositions (several taken at different times become series),
 * saved {@code query_range} JSON, and Grafana dashboards (their queries are kept so {@code metrics fetch --query-set case}
 * fetches them).
 */
public final class MetricsImporter implements FileImporter {

    /** How strongly a metric file is claimed (a generic copy claims 1). */
    public static final int CLAIM = 50;

    private final MetricsStore store;

    /**
     * Creates the importer.
     *
     * @param store where series go
     */
    public MetricsImporter(MetricsStore store) {
        this.store = store;
    }

    @Override
    public String id() {
        return "metrics.prometheus";
    }

    @Override
    public int claim(Path file, byte[] head) {
        byte[] h = head;
        if (h.length > 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b) {
            try {
                h = MetricsFiles.head(file, 8192);
            } catch (java.io.IOException e) {
                return 0;
            }
        }
        return MetricsFiles.sniff(h).isPresent() ? CLAIM : 0;
    }

    @Override
    public void importFile(Path file, ImportSession session) throws Exception {
        Path copy = session.stage(file);
        String source = file.getFileName().toString();
        var kind = MetricsFiles.sniff(MetricsFiles.head(copy, 8192)).orElseThrow(() ->
                new IllegalArgumentException(file + " is no Prometheus exposition, query_range JSON or Grafana dashboard"));
        switch (kind) {
            case EXPOSITION -> {
                SeriesBuilder b = new SeriesBuilder();
                MetricsFiles.readExposition(copy, b, session::skip);
                session.addRows(store.save(session, source, "", b.build()));
            }
            case QUERY_RESULT -> {
                try (InputStream in = MetricsFiles.open(copy)) {
                    String title = source.replaceFirst("\\.json(\\.gz)?$", "");
                    session.addRows(store.save(session, source, "", QueryResultReader.read(in, title)));
                }
            }
            case GRAFANA -> {
                QuerySet set = GrafanaDashboard.read(copy);
                List<NamedQuery> qs = set.queries();
                for (int i = 0; i < qs.size(); i++) {
                    store.saveQuery(session, i, qs.get(i), "grafana:" + source, 0);
                }
                session.addRows(qs.size());
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }
}
