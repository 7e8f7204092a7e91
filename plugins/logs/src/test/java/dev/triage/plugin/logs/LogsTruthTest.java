package dev.triage.plugin.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.core.cases.Case;
import dev.triage.core.kernel.Kernel;
import dev.triage.plugin.logs.application.FileRow;
import dev.triage.plugin.logs.application.ImportResult;
import dev.triage.testkit.TestKernels;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated incident: Triage's line and entry counts per file and the merged order of the incident equal truth.json. */
class LogsTruthTest {

    @TempDir
    Path home;

    @Test
    void countsAndMergedIncidentOrderEqualTheTruth() throws Exception {
        Path gen = Fixtures.generated(2);
        JsonNode truth = Fixtures.json(gen.resolve("truth.json"));
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = kernel.cases().create(home.resolve("case"), "incident");
            ImportResult r = (ImportResult) kernel.commands().executeText("logs.import",
                    Map.of("paths", gen.toString(), "tz", "UTC"), Fixtures.NONE);
            assertThat(r.table()).hasSize(truth.get("files").size());
            for (FileRow f : r.table()) {
                JsonNode t = truth.get("files").get(f.name());
                assertThat(t).as(f.name()).isNotNull();
                assertThat(f.status()).as(f.name()).isEqualTo("ok");
                assertThat(f.lines()).as(f.name() + " lines").isEqualTo(t.get("lines").asLong());
                assertThat(f.entries()).as(f.name() + " entries").isEqualTo(t.get("entries").asLong());
                assertThat(f.timedEntries()).as(f.name() + " timed entries").isEqualTo(t.get("entries").asLong());
                assertThat(f.encoding()).as(f.name() + " encoding").isEqualToIgnoringCase(t.get("encoding").asText());
            }
            List<String> expected = new ArrayList<>();
            for (JsonNode e : truth.get("incident")) {
                expected.add(Instant.parse(e.get("time").asText()) + " " + e.get("file").asText() + " " + e.get("level").asText()
                        + " " + e.get("line").asText());
            }
            List<String> merged = new ArrayList<>();
            try (Connection conn = c.newConnection(); PreparedStatement ps = conn.prepareStatement(
                    "SELECT e.ts_us, replace(f.name, '.gz', ''), e.level, e.message FROM logs_entries e JOIN logs_files f USING (file_id)"
                            + " WHERE e.ts_us >= ? AND e.ts_us < ? ORDER BY e.ts_us, f.name")) {
                ps.setLong(1, Instant.parse("2026-03-01T10:15:00Z").toEpochMilli() * 1000);
                ps.setLong(2, Instant.parse("2026-03-01T10:16:00Z").toEpochMilli() * 1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String line = rs.getString(4);
                        for (JsonNode e : truth.get("incident")) {
                            if (e.get("line").asText().equals(line)) {
                                long us = rs.getLong(1);
                                merged.add(Instant.ofEpochSecond(us / 1_000_000, us % 1_000_000 * 1000) + " " + rs.getString(2) + " "
                                        + rs.getString(3) + " " + line);
                            }
                        }
                    }
                }
            }
            assertThat(merged).containsExactlyElementsOf(expected);
        }
    }
}
