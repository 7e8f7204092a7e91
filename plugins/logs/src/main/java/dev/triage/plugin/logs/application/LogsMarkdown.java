package dev.triage.plugin.logs.application;

import dev.triage.core.report.Block;
import dev.triage.core.report.ReportSection;
import java.util.List;

/** Renders the logs report section as Markdown for {@code logs.report}. */
final class LogsMarkdown {

    private LogsMarkdown() {
    }

    static String render(LogsReportData d) {
        StringBuilder b = new StringBuilder();
        section(b, LogsReport.section(d), 2);
        return b.toString();
    }

    private static void section(StringBuilder b, ReportSection s, int depth) {
        b.append("#".repeat(depth)).append(' ').append(s.title()).append("\n\n");
        for (Block block : s.blocks()) {
            if (block instanceof Block.Paragraph p) {
                b.append(p.text()).append("\n\n");
            } else if (block instanceof Block.Table t) {
                row(b, t.headers());
                b.append('|').append(" --- |".repeat(t.headers().size())).append('\n');
                for (List<String> r : t.rows()) {
                    row(b, r);
                }
                b.append('\n');
            }
        }
        for (ReportSection sub : s.subsections()) {
            section(b, sub, depth + 1);
        }
    }

    private static void row(StringBuilder b, List<String> cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        b.append('\n');
    }
}
