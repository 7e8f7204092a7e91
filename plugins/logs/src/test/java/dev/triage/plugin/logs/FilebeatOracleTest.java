package dev.triage.plugin.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.core.cases.Case;
import dev.triage.core.kernel.Kernel;
import dev.triage.plugin.logs.application.FileRow;
import dev.triage.plugin.logs.application.ImportResult;
import dev.triage.plugin.logs.domain.LogLevel;
import dev.triage.testkit.TestKernels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filebeat module test logs: each oracle event's byte offset is an entry start of Triage, with the same time (in the
 * zone the upstream test ran in) and the same level where the oracle has them.
 */
class FilebeatOracleTest {

    @TempDir
    Path home;

    @Test
    void timesLevelsAndEntryBoundariesEqualFilebeats() throws Exception {
        Path root = Fixtures.corpus().resolve("serverlogs/filebeat");
        List<Path> logs;
        try (Stream<Path> s = Files.walk(root)) {
            logs = s.filter(p -> p.toString().endsWith("-expected.json")).map(p -> Path.of(p.toString().replace("-expected.json", "")))
                    .filter(p -> !p.toString().contains("mysql-slowlog")).sorted().toList();
        }
        assertThat(logs).hasSizeGreaterThanOrEqualTo(14);
        List<String> problems = new ArrayList<>();
        int compared = 0;
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = kernel.cases().create(home.resolve("case"), "filebeat");
            for (Path log : logs) {
                JsonNode oracle = Fixtures.json(Path.of(log + "-expected.json"));
                String tz = "UTC";
                for (JsonNode e : oracle) {
                    if (e.has("event.timezone")) {
                        tz = e.get("event.timezone").asText().equals("+00:00") ? "UTC" : e.get("event.timezone").asText();
                    }
                }
                Map<String, Object> args = new LinkedHashMap<>();
                args.put("paths", log.toString());
                args.put("tz", tz);
                ImportResult r = (ImportResult) kernel.commands().executeText("logs.import", args, Fixtures.NONE);
                FileRow row = r.table().get(r.table().size() - 1);
                assertThat(row.name()).isEqualTo(log.getFileName().toString());
                Map<Long, String[]> mine = new TreeMap<>();
                try (Connection conn = c.newConnection(); PreparedStatement ps = conn.prepareStatement(
                        "SELECT byte_offset, ts_us, level FROM logs_entries WHERE file_id = ?")) {
                    ps.setInt(1, row.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            mine.put(rs.getLong(1), new String[] {rs.getObject(2) == null ? null : Long.toString(rs.getLong(2) / 1000),
                                    rs.getString(3)});
                        }
                    }
                }
                boolean redis = log.toString().contains("redis");
                for (JsonNode e : oracle) {
                    long offset = e.get("log.offset").asLong();
                    String[] m = mine.get(offset);
                    String where = log.getFileName() + " @" + offset;
                    if (m == null) {
                        problems.add(where + ": no entry starts there");
                        continue;
                    }
                    compared++;
                    if (e.has("@timestamp") && m[0] != null) {
                        long ms = OffsetDateTime.parse(e.get("@timestamp").asText()).toInstant().toEpochMilli();
                        if (ms != Long.parseLong(m[0])) {
                            problems.add(where + ": time " + m[0] + " != " + ms + " (" + e.get("@timestamp").asText() + ")");
                        }
                    }
                    if (e.has("log.level")) {
                        LogLevel expected = LogLevel.parse(e.get("log.level").asText());
                        if (expected != null && !expected.name().equals(m[1])) {
                            problems.add(where + ": level " + m[1] + " != " + expected);
                        }
                    }
                }
                if (!redis && mine.size() != oracle.size()) {
                    problems.add(log.getFileName() + ": " + mine.size() + " entries, filebeat has " + oracle.size());
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(compared).isGreaterThan(100);
    }
}
