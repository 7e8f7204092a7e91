package dev.triage.plugin.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.core.cases.Case;
import dev.triage.core.kernel.Kernel;
import dev.triage.plugin.logs.application.FileRow;
import dev.triage.plugin.logs.application.Hit;
import dev.triage.plugin.logs.application.ImportResult;
import dev.triage.plugin.logs.application.SearchResult;
import dev.triage.testkit.TestKernels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hit counts per file equal {@code grep -c} / {@code zgrep -c} for the same literal on the same files. */
class SearchGrepTest {

    @TempDir
    Path home;

    private static long grepCount(Path file, String literal, boolean ignoreCase) throws Exception {
        String tool = file.toString().endsWith(".gz") ? "zgrep" : "grep";
        List<String> cmd = new java.util.ArrayList<>(List.of(tool, "-c", "-a", "-F"));
        if (ignoreCase) {
            cmd.add("-i");
        }
        cmd.add("--");
        cmd.add(literal);
        cmd.add(file.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS), tool + " did not finish");
        return Long.parseLong(out);
    }

    private static Map<String, Long> triageCounts(Kernel kernel, Map<String, Object> query) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> args = new LinkedHashMap<>(query);
            args.put("maxHits", "5000");
            if (cursor != null) {
                args.put("cursor", cursor);
            }
            SearchResult r = (SearchResult) kernel.commands().executeText("logs.search", args, Fixtures.NONE);
            for (Hit h : r.hits()) {
                counts.merge(h.file(), 1L, Long::sum);
                counts.merge("#" + h.fileId(), 1L, Long::sum);
            }
            cursor = r.nextCursor();
            pages++;
        } while (cursor != null && pages < 1000);
        return counts;
    }

    @Test
    void hitCountsEqualGrepOnTheCorpus() throws Exception {
        Path logs = Fixtures.corpus().resolve("serverlogs");
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = kernel.cases().create(home.resolve("case"), "corpus");
            ImportResult imported = (ImportResult) kernel.commands().executeText("logs.import",
                    Map.of("paths", logs.toString(), "exclude", "*.json,*.md", "tz", "UTC"), Fixtures.NONE);
            assertThat(imported.table()).hasSizeGreaterThan(30).allSatisfy(f -> assertThat(f.status()).isEqualTo("ok"));
            for (String literal : List.of("error", "ERROR", "deadlock", "Shrinking", "INFO", "connection", "InnoDB:", "[Note]", "->")) {
                Map<String, Long> mine = triageCounts(kernel, Map.of("must", literal));
                for (FileRow f : imported.table()) {
                    long expected = grepCount(Path.of(f.source()), literal, false);
                    assertThat(mine.getOrDefault("#" + f.id(), 0L)).as(literal + " in " + f.name()).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void caseInsensitiveCountsEqualTheGeneratedTruthAndZgrep() throws Exception {
        Path gen = Fixtures.generated(2);
        JsonNode truth = Fixtures.json(gen.resolve("truth.json"));
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            kernel.cases().create(home.resolve("case"), "gen");
            kernel.commands().executeText("logs.import", Map.of("paths", gen.toString(), "tz", "UTC"), Fixtures.NONE);
            Map<String, Long> mine = triageCounts(kernel, Map.of("must", "deadlock", "ignoreCase", "true"));
            truth.get("files").fields().forEachRemaining(e -> {
                try {
                    long expected = e.getValue().get("lines_with_deadlock").asLong();
                    assertThat(mine.getOrDefault(e.getKey(), 0L)).as(e.getKey()).isEqualTo(expected)
                            .isEqualTo(grepCount(gen.resolve(e.getKey()), "deadlock", true));
                } catch (Exception ex) {
                    throw new AssertionError(ex);
                }
            });
            Map<String, Long> info = triageCounts(kernel, Map.of("must", "served"));
            for (String name : List.of("kafka-server.log.gz", "redis.log.gz", "app.log", "mysql-error.log")) {
                assertThat(info.getOrDefault(name, 0L)).as(name).isEqualTo(grepCount(gen.resolve(name), "served", false)).isPositive();
            }
        }
    }
}
