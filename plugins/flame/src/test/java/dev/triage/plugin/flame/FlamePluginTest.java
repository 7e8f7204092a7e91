package dev.triage.plugin.flame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.ImportSummary;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.report.Block;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.flame.application.FlameDiffResult;
import dev.triage.plugin.flame.application.FlameSummary;
import dev.triage.testkit.TestKernels;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlamePluginTest {

    static final TaskContext NONE = TestTasks.NONE;

    static final String BEFORE = """
            main;handle;parse 30
            main;handle;query;net.read 50
            main;gc 20
            """;
    static final String AFTER = """
            main;handle;parse 30
            main;handle;query;net.read 20
            main;handle;query;lock.wait 130
            main;gc 20
            """;

    @TempDir
    Path home;

    @Test
    void summaryListsTopFunctionsAsTextMarkdownAndRecord() throws Exception {
        Path f = Files.writeString(home.resolve("after.folded"), AFTER);
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("files", f.toString());
            args.put("top", "2");
            FlameSummary s = (FlameSummary) kernel.commands().executeText("flame.summary", args, NONE);
            assertThat(s.total()).isEqualTo(200);
            assertThat(s.functionCount()).isEqualTo(7);
            assertThat(s.functions()).extracting(FlameSummary.Row::name).containsExactly("lock.wait", "parse");
            assertThat(s.functions().get(0).selfShare()).isEqualTo(0.65);
            assertThat(s.text()).contains("after.folded: folded profile, samples (count), total 200, 7 functions")
                    .contains("65.00%  lock.wait");
            assertThat(s.markdown()).contains("| 1 | 130 | 65.00% | 130 | 65.00% | `lock.wait` |");
            assertThatThrownBy(() -> kernel.commands().executeText("flame.summary", Map.of("files", "missing.folded"), NONE))
                    .hasMessageContaining("missing.folded");
        }
    }

    @Test
    void diffNormalisesAndPutsTheLargestChangeFirst() throws Exception {
        Path a = Files.writeString(home.resolve("before.folded"), BEFORE);
        Path b = Files.writeString(home.resolve("after.folded"), AFTER);
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            FlameDiffResult d = (FlameDiffResult) kernel.commands().executeText("flame.diff",
                    Map.of("files", List.of(a.toString(), b.toString())), NONE);
            assertThat(d.beforeTotal()).isEqualTo(100);
            assertThat(d.afterTotal()).isEqualTo(200);
            FlameDiffResult.Row first = d.changes().get(0);
            assertThat(first.name()).isEqualTo("lock.wait");
            assertThat(first.selfDelta()).isEqualTo(65.0);
            // net.read: 50% before, 10% after
            assertThat(d.changes()).filteredOn(r -> r.name().equals("net.read")).singleElement()
                    .satisfies(r -> assertThat(r.selfDelta()).isEqualTo(-40.0));
            assertThat(d.text()).contains("+65.00").contains("lock.wait");
        }
    }

    @Test
    void exportWritesSvgWithTitlesPngAndSpeedscope() throws Exception {
        Path f = Files.writeString(home.resolve("after.folded"), AFTER);
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Path svg = home.resolve("out.svg");
            Path png = home.resolve("out.png");
            Path json = home.resolve("out.speedscope.json");
            kernel.commands().executeText("flame.export", Map.of("files", f.toString(), "svg", svg.toString(), "png", png.toString(),
                    "speedscope", json.toString(), "width", "800"), NONE);
            String text = Files.readString(svg);
            assertThat(text).startsWith("<?xml").contains("<svg").contains("<title>lock.wait (130 count, 65.00%; self 130)</title>")
                    .contains("<title>all (200 count, 100.00%; self 0)</title>");
            var image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(800);
            assertThat(image.getHeight()).isGreaterThan(5 * 16);
            Map<String, Object> summary = new LinkedHashMap<>(Map.of("files", json.toString()));
            FlameSummary back = (FlameSummary) kernel.commands().executeText("flame.summary", summary, NONE);
            assertThat(back.format()).isEqualTo("speedscope");
            assertThat(back.total()).isEqualTo(200);
            assertThatThrownBy(() -> kernel.commands().executeText("flame.export", Map.of("files", f.toString()), NONE))
                    .hasMessageContaining("--svg");
        }
    }

    @Test
    void importStoresTheProfileAndItsFunctionsAndTheReportShowsTableAndImage() throws Exception {
        Path f = Files.writeString(home.resolve("after.folded"), AFTER + "garbage line\n");
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = kernel.cases().create(home.resolve("case"), "demo");
            assertThat(kernel.imports().importerFor(f)).hasValueSatisfying(i -> assertThat(i.id()).isEqualTo("flame.profile"));
            ImportSummary s = kernel.imports().importFiles(c, List.of(f)).result().get();
            assertThat(s.skipped()).isEqualTo(1);
            assertThat(s.warnings()).containsExactly(
                    "after.folded line 5: expected 'frame;frame;... count', got: garbage line");
            try (Connection conn = c.newConnection(); Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT p.file, p.format, p.total, p.functions, f.self FROM flame_profiles p "
                         + "JOIN flame_functions f USING (import_id) WHERE f.name = 'lock.wait'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("after.folded");
                assertThat(rs.getString(2)).isEqualTo("FOLDED");
                assertThat(rs.getLong(3)).isEqualTo(200);
                assertThat(rs.getLong(4)).isEqualTo(7);
                assertThat(rs.getLong(5)).isEqualTo(130);
            }
            var report = kernel.reports().build("demo", new ReportRequest(c, Instant.now()));
            ReportSection section = report.sections().stream().filter(r -> r.title().startsWith("Profiles")).findFirst().orElseThrow();
            ReportSection profile = section.subsections().get(0);
            assertThat(profile.title()).isEqualTo("after.folded");
            Block.Table table = (Block.Table) profile.blocks().get(1);
            assertThat(table.rows().get(0)).containsExactly("1", "lock.wait", "130", "65.00%", "130", "65.00%");
            Block.Image image = (Block.Image) profile.blocks().get(2);
            assertThat(image.mediaType()).isEqualTo("image/png");
            assertThat(ImageIO.read(new ByteArrayInputStream(image.bytes())).getWidth()).isEqualTo(1200);
        }
    }

    @Test
    void aFileThatIsNoProfileIsNotClaimed() throws Exception {
        Path f = Files.writeString(home.resolve("readme.txt"), "just words\nand more words\n", StandardCharsets.UTF_8);
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            assertThat(kernel.imports().importerFor(f).map(i -> i.id())).isNotEqualTo(java.util.Optional.of("flame.profile"));
        }
    }
}
