package dev.triage.core.report;

import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Finding;
import java.util.List;
import java.util.function.Function;

/** Turns a report into Markdown text, with image links supplied by the writer that stores the images. */
final class MarkdownRenderer {

    private final StringBuilder out = new StringBuilder();
    private final Function<Block.Image, String> imageLink;

    private MarkdownRenderer(Function<Block.Image, String> imageLink) {
        this.imageLink = imageLink;
    }

    /** Renders a whole report; {@code imageLink} gives each image's relative path, such as {@code assets/flame.svg}. */
    static String render(Report report, Function<Block.Image, String> imageLink) {
        MarkdownRenderer r = new MarkdownRenderer(imageLink);
        r.heading(1, report.title());
        r.line("_Generated " + report.generated() + "_").blank();
        report.sections().forEach(s -> r.section(s, 2));
        return r.out.toString();
    }

    private void section(ReportSection section, int level) {
        heading(level, section.title());
        for (Block b : section.blocks()) {
            block(b, level);
        }
        section.subsections().forEach(s -> section(s, level + 1));
    }

    private void block(Block b, int level) {
        if (b instanceof Block.Heading h) {
            heading(level + 1, h.text());
        } else if (b instanceof Block.Paragraph p) {
            paragraph(p.text());
        } else if (b instanceof Block.Table t) {
            table(t);
        } else if (b instanceof Block.CodeBlock c) {
            code(c);
        } else if (b instanceof Block.Image i) {
            line("![" + Markdown.inline(i.altText()) + "](" + imageLink.apply(i) + ")").blank();
        } else if (b instanceof Block.FindingsBlock f) {
            findings(f.findings());
        }
    }

    private void heading(int level, String text) {
        line("#".repeat(Math.min(level, 6)) + " " + Markdown.inline(text)).blank();
    }

    private void paragraph(String text) {
        for (String l : Markdown.lines(text)) {
            line(l.isBlank() ? "" : Markdown.paragraphLine(l));
        }
        blank();
    }

    private void table(Block.Table t) {
        row(t.headers());
        line("|" + " --- |".repeat(t.headers().size()));
        t.rows().forEach(this::row);
        blank();
    }

    private void row(List<String> cells) {
        StringBuilder b = new StringBuilder("|");
        cells.forEach(c -> b.append(' ').append(Markdown.cell(c)).append(" |"));
        line(b.toString());
    }

    private void code(Block.CodeBlock c) {
        String fence = Markdown.fence(c.text(), 3);
        line(fence + c.language());
        String text = c.text().endsWith("\n") ? c.text().substring(0, c.text().length() - 1) : c.text();
        line(String.join("\n", Markdown.lines(text)));
        line(fence).blank();
    }

    private void findings(List<Finding> findings) {
        if (findings.isEmpty()) {
            line("No findings.").blank();
            return;
        }
        for (Finding f : findings) {
            line("**[" + f.severity() + "]** " + Markdown.inline(f.title())).blank();
            for (Evidence e : f.evidence()) {
                line("- " + (e.isMetric() ? Markdown.inline(e.name()) + ": " : "") + Markdown.codeSpan(e.value()));
            }
            if (!f.evidence().isEmpty()) {
                blank();
            }
            if (!f.suggestion().isBlank()) {
                line("Suggestion: " + Markdown.inline(f.suggestion())).blank();
            }
            String target = f.source().target().isEmpty() ? "" : " · " + Markdown.inline(f.source().target());
            line("_Source: " + Markdown.inline(f.source().pluginId()) + target + " · " + f.source().time() + "_").blank();
        }
    }

    private MarkdownRenderer line(String text) {
        out.append(text).append('\n');
        return this;
    }

    private void blank() {
        out.append('\n');
    }
}
