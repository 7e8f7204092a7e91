package dev.triage.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.FindingJson;
import dev.triage.core.finding.FindingSource;
import dev.triage.core.finding.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void writtenJsonParsesBackToTheSameContent() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        Finding finding = new Finding(Severity.WARNING, "慢查询增多", List.of(Evidence.metric("p99", "2.5 s"), Evidence.line("SELECT *")),
                "加索引", new FindingSource("slowlog", "db1", Instant.parse("2026-11-23T10:00:00Z")));
        Report report = new Report("报告 | Report", Instant.parse("2026-11-23T12:00:00Z"), List.of(new ReportSection("Slow log", List.of(
                new Block.Heading("Top"),
                new Block.Paragraph("中文段落"),
                new Block.Table(List.of("a", "b"), List.of(List.of("1|2", "x\ny"))),
                new Block.CodeBlock("sql", "SELECT 1;"),
                new Block.Image("chart", "chart.png", png, "image/png"),
                new Block.FindingsBlock(List.of(finding))),
                List.of(ReportSection.of("Sub")))));

        Path file = new JsonReportWriter().write(report, dir);

        assertThat(file).isEqualTo(dir.resolve("report.json"));
        JsonNode root = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(root.path("title").asText()).isEqualTo("报告 | Report");
        assertThat(root.path("generated").asText()).isEqualTo("2026-11-23T12:00:00Z");
        JsonNode section = root.path("sections").get(0);
        assertThat(section.path("title").asText()).isEqualTo("Slow log");
        assertThat(section.path("subsections").get(0).path("title").asText()).isEqualTo("Sub");
        JsonNode blocks = section.path("blocks");
        assertThat(blocks).extracting(b -> b.path("type").asText())
                .containsExactly("heading", "paragraph", "table", "code", "image", "findings");
        assertThat(blocks.get(1).path("text").asText()).isEqualTo("中文段落");
        assertThat(blocks.get(2).path("rows").get(0).get(0).asText()).isEqualTo("1|2");
        assertThat(blocks.get(2).path("rows").get(0).get(1).asText()).isEqualTo("x\ny");
        assertThat(blocks.get(3).path("language").asText()).isEqualTo("sql");
        assertThat(Base64.getDecoder().decode(blocks.get(4).path("base64").asText())).isEqualTo(png);
        assertThat(FindingJson.fromJson(blocks.get(5).path("findings").get(0))).isEqualTo(finding);
    }
}
