package dev.triage.plugin.metrics.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.plugin.metrics.application.MetricsStore;
import dev.triage.plugin.metrics.application.QuerySetCatalog;
import dev.triage.plugin.metrics.domain.QuerySet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The query sets: shipped as resources ({@code querysets/NAME.txt}), replaced by the user's copy in
 * {@code <data>/metrics/query-sets/NAME.txt}, or read from a file (a {@code .txt} set or a Grafana dashboard JSON);
 * {@code case} means the dashboards imported into the open case.
 */
public final class QuerySets implements QuerySetCatalog {

    /** The shipped sets. */
    public static final List<String> SHIPPED = List.of("node", "tidb", "mysql", "redis", "kafka", "prometheus");

    private final Path userFolder;
    private final MetricsStore store;

    /**
     * Creates the catalog.
     *
     * @param userFolder the folder of the user's edited sets (may not exist)
     * @param store the case store, for {@code case}
     */
    public QuerySets(Path userFolder, MetricsStore store) {
        this.userFolder = userFolder;
        this.store = store;
    }

    @Override
    public List<String> names() {
        return SHIPPED;
    }

    @Override
    public QuerySet load(String name, Case current) throws Exception {
        if (name.equals("case")) {
            if (current == null) {
                throw new IllegalArgumentException("--query-set case needs an open case");
            }
            var queries = store.queries(current);
            if (queries.isEmpty()) {
                throw new IllegalArgumentException("The case has no imported Grafana dashboard or fetched query");
            }
            return new QuerySet("case", queries);
        }
        Path file = Path.of(name);
        if (name.contains("/") || name.contains("\\") || name.contains(".")) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("No such query set file: " + file.toAbsolutePath());
            }
            return name.endsWith(".json") ? GrafanaDashboard.read(file) : QuerySet.parse(file.getFileName().toString(),
                    Files.readString(file, StandardCharsets.UTF_8));
        }
        Path user = userFolder.resolve(name + ".txt");
        if (Files.isRegularFile(user)) {
            return QuerySet.parse(name, Files.readString(user, StandardCharsets.UTF_8));
        }
        return QuerySet.parse(name, shipped(name));
    }

    /**
     * Returns the text of a shipped set.
     *
     * @param name the set's name
     * @return its text
     * @throws IOException when there is no such set
     */
    public static String shipped(String name) throws IOException {
        try (InputStream in = QuerySets.class.getResourceAsStream("/dev/triage/plugin/metrics/querysets/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("No query set '" + name + "': use one of " + String.join(", ", SHIPPED)
                        + ", a file, or case");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
