package dev.triage.plugin.report.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.report.Block;
import dev.triage.core.report.Report;
import dev.triage.core.report.ReportSection;
import dev.triage.plugin.report.domain.ReportLayout;
import dev.triage.plugin.report.domain.SecretRedactor;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportComposerTest {

    final ReportComposer composer = new ReportComposer("Summary", "Conclusion", "Notes");
    final Report raw = new Report("case", Instant.parse("2024-03-01T10:00:00Z"), List.of(
            ReportSection.of("Case notes", new Block.CodeBlock("", "Slow since 10:00\n")),
            ReportSection.of("Slow log", new Block.CodeBlock("sql", "SELECT * FROM t WHERE id = 42 AND name = 'bob'"),
                    new Block.Table(List.of("sample"), List.of(List.of("UPDATE t SET pw = 'x' WHERE id = 7")))),
            ReportSection.of("Other", new Block.Paragraph("text"))));

    @Test
    void putsTheSummaryFirstDropsTheRepeatedNotesAndMasksSql() {
        Report r = composer.compose(raw, ReportLayout.defaults().withConclusion("It was the batch."), "Slow since 10:00",
                SecretRedactor.shapesOnly());
        assertThat(r.sections()).extracting(ReportSection::title).containsExactly("Summary", "Slow log", "Other");
        assertThat(r.sections().get(0).blocks()).containsExactly(new Block.Heading("Conclusion"), new Block.Paragraph("It was the batch."),
                new Block.Heading("Notes"), new Block.Paragraph("Slow since 10:00"));
        assertThat(r.sections().get(1).blocks().get(0)).isEqualTo(new Block.CodeBlock("sql", "SELECT * FROM t WHERE id = ? AND name = ?"));
        assertThat(((Block.Table) r.sections().get(1).blocks().get(1)).rows().get(0).get(0)).isEqualTo("UPDATE t SET pw = ? WHERE id = ?");
    }

    @Test
    void keepsOtherPluginsNotesWhenTheSummaryHasNoneAndLiteralsWhenAskedTo() {
        ReportLayout layout = ReportLayout.defaults().withOptions(false, false).withSections(List.of("Other"), Set.of());
        Report r = composer.compose(raw, layout, "Slow since 10:00", SecretRedactor.shapesOnly());
        assertThat(r.sections()).extracting(ReportSection::title).containsExactly("Other", "Case notes", "Slow log");
        assertThat(r.sections().get(2).blocks().get(0)).isEqualTo(new Block.CodeBlock("sql", "SELECT * FROM t WHERE id = 42 AND name = 'bob'"));
    }
}
