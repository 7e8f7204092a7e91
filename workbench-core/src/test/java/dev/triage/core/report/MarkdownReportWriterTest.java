package dev.triage.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.FindingSource;
import dev.triage.core.finding.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportWriterTest {

    static final Instant GENERATED = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    private String render(Block... blocks) throws Exception {
        Path md = new MarkdownReportWriter().write(new Report("R", GENERATED, List.of(ReportSection.of("S", blocks))), dir);
        return Files.readString(md, StandardCharsets.UTF_8);
    }

    @Test
    void writesTheWholeDocumentWithHeadingLevelsBySectionDepth() throws Exception {
        Report report = new Report("Incident 42", GENERATED, List.of(new ReportSection("MySQL",
                List.of(new Block.Paragraph("Two replicas lag."), new Block.Heading("Details")),
                List.of(ReportSection.of("db1", new Block.Paragraph("Fine."))))));

        Path md = new MarkdownReportWriter().write(report, dir);

        assertThat(md).isEqualTo(dir.resolve("report.md"));
        assertThat(Files.readString(md)).isEqualTo("""
                # Incident 42

                _Generated 2026-11-23T12:00:00Z_

                ## MySQL

                Two replicas lag.

                ### Details

                ### db1

                Fine.

                """);
    }

    @Test
    void tableCellsEscapePipesBackslashesAndLineBreaks() throws Exception {
        String md = render(new Block.Table(List.of("key", "value|raw"),
                List.of(List.of("a|b", "line1\nline2"), List.of("C:\\dir\\|x", "*bold*"))));

        assertThat(md).contains("""
                | key | value\\|raw |
                | --- | --- |
                | a\\|b | line1<br>line2 |
                | C:\\\\dir\\\\\\|x | \\*bold\\* |
                """);
    }

    @Test
    void tableRowsMustMatchTheHeaders() {
        assertThatThrownBy(() -> new Block.Table(List.of("a", "b"), List.of(List.of("1", "2"), List.of("3"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table row 2 has 1 cells, expected 2 (one per header)");
    }

    @Test
    void codeFenceIsLongerThanAnyBacktickRunInside() throws Exception {
        String code = "SELECT 1;\n```\n-- ````` five\n";

        String md = render(new Block.CodeBlock("sql", code), new Block.CodeBlock("", "plain"));

        assertThat(md).contains("``````sql\nSELECT 1;\n```\n-- ````` five\n``````\n");
        assertThat(md).contains("```\nplain\n```\n");
    }

    @Test
    void paragraphsCannotTurnIntoHeadingsListsOrHtml() throws Exception {
        String md = render(new Block.Paragraph("# not a heading\n1. not a list\n- nor this\n<script>x</script> &amp;\n\nnext"));

        assertThat(md).contains("\\# not a heading\n1\\. not a list\n\\- nor this\n\\<script\\>x\\</script\\> \\&amp;\n\nnext\n");
    }

    @Test
    void imagesAreWrittenUnderAssetsAndEveryLinkPointsAtAnExistingFile() throws Exception {
        byte[] first = "<svg>1</svg>".getBytes(StandardCharsets.UTF_8);
        byte[] second = "<svg>2</svg>".getBytes(StandardCharsets.UTF_8);
        Block.Image a = new Block.Image("CPU flame graph", "flame.svg", first, "image/svg+xml");
        Report report = new Report("R", GENERATED, List.of(
                ReportSection.of("one", a),
                new ReportSection("two", List.of(new Block.Image("Other [graph]", "flame.svg", second, "image/svg+xml")),
                        List.of(ReportSection.of("again", new Block.Image("CPU flame graph", "flame.svg", first, "image/svg+xml"))))));

        String md = Files.readString(new MarkdownReportWriter().write(report, dir));

        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile("!\\[[^\\n]*?\\]\\(([^)]+)\\)").matcher(md);
        while (m.find()) {
            links.add(m.group(1));
        }
        assertThat(links).containsExactly("assets/flame.svg", "assets/flame-2.svg", "assets/flame.svg");
        assertThat(dir.resolve("assets/flame.svg")).hasBinaryContent(first);
        assertThat(dir.resolve("assets/flame-2.svg")).hasBinaryContent(second);
        assertThat(md).contains("![Other \\[graph\\]](assets/flame-2.svg)");
        try (var files = Files.list(dir.resolve("assets"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("flame.svg", "flame-2.svg");
        }
    }

    @Test
    void imageFileNamesCannotEscapeTheAssetsFolder() {
        assertThatThrownBy(() -> new Block.Image("x", "../evil.png", new byte[1], "image/png"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../evil.png");
        assertThatThrownBy(() -> new Block.Image("x", "a.png", new byte[1], "text/html"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text/html");
    }

    @Test
    void chineseTextIsWrittenAsUtf8() throws Exception {
        String md = render(new Block.Paragraph("主从复制延迟"), new Block.Table(List.of("指标"), List.of(List.of("慢查询"))));

        byte[] raw = Files.readAllBytes(dir.resolve("report.md"));
        assertThat(new String(raw, StandardCharsets.UTF_8)).contains("主从复制延迟\n", "| 指标 |", "| 慢查询 |");
        assertThat(md).contains("主从复制延迟");
        assertThat(new String(raw, StandardCharsets.ISO_8859_1))
                .contains(new String("主从复制延迟".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    @Test
    void findingsAreRenderedWithBadgeTitleEvidenceSuggestionAndSource() throws Exception {
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        Finding lag = new Finding(Severity.CRITICAL, "Replica lag_high", List.of(Evidence.metric("Seconds_Behind_Source", "412"),
                Evidence.line("uses `backticks` here")), "Raise replica_parallel_workers", new FindingSource("diag-mysql", "db1:3306", t));
        Finding ok = new Finding(Severity.OK, "Buffer pool fine", List.of(), "", new FindingSource("diag-mysql", "", t));

        String md = render(new Block.FindingsBlock(List.of(ok, lag)), new Block.FindingsBlock(List.of()));

        assertThat(md).contains("""
                **[CRITICAL]** Replica lag\\_high

                - Seconds\\_Behind\\_Source: `412`
                - ``uses `backticks` here``

                Suggestion: Raise replica\\_parallel\\_workers

                _Source: diag-mysql · db1:3306 · 2026-11-23T10:00:00Z_

                **[OK]** Buffer pool fine

                _Source: diag-mysql · 2026-11-23T10:00:00Z_

                No findings.
                """);
    }
}
