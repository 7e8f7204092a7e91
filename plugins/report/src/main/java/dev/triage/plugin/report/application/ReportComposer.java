package dev.triage.plugin.report.application;

import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Finding;
import dev.triage.core.report.Block;
import dev.triage.core.report.Report;
import dev.triage.core.report.ReportSection;
import dev.triage.plugin.report.domain.ReportLayout;
import dev.triage.plugin.report.domain.SecretRedactor;
import dev.triage.plugin.report.domain.SqlLiteralMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns the sections every plugin contributed into the report the user asked for: their summary (conclusion and
 * notes) first, then the chosen sections in the chosen order, with secrets removed and SQL literals masked.
 */
public final class ReportComposer {

    private static final Pattern SQL_START = Pattern.compile(
            "(?is)^\\s*(select|insert|update|delete|replace|with|call|upsert|merge)\\b.*");

    private final String summaryTitle;
    private final String conclusionTitle;
    private final String notesTitle;

    /**
     * Creates a composer with the titles of the parts it adds, in the user's language.
     *
     * @param summaryTitle the title of the first section
     * @param conclusionTitle the heading of the conclusion
     * @param notesTitle the heading of the notes
     */
    public ReportComposer(String summaryTitle, String conclusionTitle, String notesTitle) {
        this.summaryTitle = summaryTitle;
        this.conclusionTitle = conclusionTitle;
        this.notesTitle = notesTitle;
    }

    /**
     * Lists the titles of a built report's sections, the ones a user can order and select.
     *
     * @param raw the report every plugin contributed to
     * @return the titles in the plugins' order
     */
    public static List<String> titles(Report raw) {
        return raw.sections().stream().map(ReportSection::title).distinct().toList();
    }

    /**
     * Composes the report to export.
     *
     * @param raw the report every plugin contributed to
     * @param layout the user's choices
     * @param notes the case notes, Markdown as the user wrote them
     * @param redactor what removes secrets
     * @return the report to write
     */
    public Report compose(Report raw, ReportLayout layout, String notes, SecretRedactor redactor) {
        List<ReportSection> out = new ArrayList<>();
        List<Block> summary = new ArrayList<>();
        if (!layout.conclusion().isBlank()) {
            summary.add(new Block.Heading(conclusionTitle));
            summary.add(new Block.Paragraph(layout.conclusion().strip()));
        }
        if (layout.includeNotes() && notes != null && !notes.isBlank()) {
            summary.add(new Block.Heading(notesTitle));
            summary.add(new Block.Paragraph(notes.strip()));
        }
        if (!summary.isEmpty()) {
            out.add(new ReportSection(summaryTitle, summary));
        }
        boolean notesOnTop = layout.includeNotes() && notes != null && !notes.isBlank();
        for (String title : layout.selected(titles(raw))) {
            raw.sections().stream().filter(s -> s.title().equals(title))
                    .filter(s -> !(notesOnTop && onlyNotes(s, notes))).forEach(out::add);
        }
        UnaryOperator<String> text = redactor::redact;
        UnaryOperator<String> sql = layout.maskLiterals() ? s -> redactor.redact(SqlLiteralMasker.mask(s)) : text;
        return new Report(redactor.redact(raw.title()), raw.generated(), out.stream().map(s -> clean(s, text, sql)).toList());
    }

    private static ReportSection clean(ReportSection s, UnaryOperator<String> text, UnaryOperator<String> sql) {
        List<Block> blocks = s.blocks().stream().map(b -> clean(b, text, sql)).toList();
        return new ReportSection(text.apply(s.title()), blocks, s.subsections().stream().map(x -> clean(x, text, sql)).toList());
    }

    private static Block clean(Block b, UnaryOperator<String> text, UnaryOperator<String> sql) {
        UnaryOperator<String> any = v -> looksLikeSql(v) ? sql.apply(v) : text.apply(v);
        if (b instanceof Block.Heading h) {
            return new Block.Heading(text.apply(h.text()));
        } else if (b instanceof Block.Paragraph p) {
            return new Block.Paragraph(text.apply(p.text()));
        } else if (b instanceof Block.Table t) {
            return new Block.Table(t.headers().stream().map(text).toList(),
                    t.rows().stream().map(r -> r.stream().map(any).toList()).toList());
        } else if (b instanceof Block.CodeBlock c) {
            boolean isSql = c.language().equalsIgnoreCase("sql") || looksLikeSql(c.text());
            return new Block.CodeBlock(c.language(), isSql ? sql.apply(c.text()) : text.apply(c.text()));
        } else if (b instanceof Block.Image i) {
            return new Block.Image(text.apply(i.altText()), i.fileName(), i.bytes(), i.mediaType());
        } else if (b instanceof Block.FindingsBlock f) {
            return new Block.FindingsBlock(f.findings().stream().map(x -> clean(x, text, any)).toList());
        }
        return b;
    }

    private static Finding clean(Finding f, UnaryOperator<String> text, UnaryOperator<String> any) {
        List<Evidence> evidence = f.evidence().stream()
                .map(e -> new Evidence(e.name() == null ? null : text.apply(e.name()), any.apply(e.value()))).toList();
        return new Finding(f.severity(), text.apply(f.title()), evidence, text.apply(f.suggestion()),
                new dev.triage.core.finding.FindingSource(f.source().pluginId(), text.apply(f.source().target()), f.source().time()));
    }

    /** A section that only repeats the case notes (another plugin's notes section) is left out when they are on top. */
    private static boolean onlyNotes(ReportSection s, String notes) {
        if (s.blocks().size() != 1 || !s.subsections().isEmpty()) {
            return false;
        }
        Block b = s.blocks().get(0);
        String text = b instanceof Block.CodeBlock c ? c.text() : b instanceof Block.Paragraph p ? p.text() : null;
        return text != null && text.strip().equals(notes.strip());
    }

    private static boolean looksLikeSql(String v) {
        return v != null && SQL_START.matcher(v).matches();
    }
}
