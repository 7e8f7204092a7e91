package dev.triage.plugin.report.infrastructure;

import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Finding;
import dev.triage.core.report.Block;
import dev.triage.core.report.Report;
import dev.triage.core.report.ReportSection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;

/** Writes a report as one self-contained {@code report.html}: styles inline and images as {@code data:} URIs, for e-mail. */
public final class HtmlReportWriter {

    /** The HTML file's name. */
    public static final String FILE = "report.html";

    private static final String STYLE = """
            body{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;
            color:#1f2328;line-height:1.5}
            table{border-collapse:collapse;margin:1em 0;font-size:90%}th,td{border:1px solid #d0d7de;padding:4px 8px;
            vertical-align:top;text-align:left}th{background:#f6f8fa}pre{background:#f6f8fa;padding:8px;overflow:auto}
            code{font-family:SFMono-Regular,Consolas,monospace;font-size:90%}img{max-width:100%}
            .sev{font-weight:bold;padding:0 4px;border-radius:3px}.CRITICAL{background:#ffebe9;color:#cf222e}
            .WARNING{background:#fff8c5;color:#9a6700}.INFO{background:#ddf4ff;color:#0969da}.OK{background:#dafbe1;color:#1a7f37}
            .source{color:#656d76;font-size:85%}
            """;

    /**
     * Writes the report into a folder, replacing an earlier {@code report.html}.
     *
     * @param report the report
     * @param folder the output folder, created when missing
     * @return the written file
     * @throws IOException when the file cannot be written
     */
    public Path write(Report report, Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        Files.createDirectories(folder);
        Path tmp = folder.resolve(FILE + ".tmp");
        Files.writeString(tmp, render(report), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /**
     * Renders a report as an HTML document.
     *
     * @param report the report
     * @return the HTML text
     */
    public static String render(Report report) {
        StringBuilder out = new StringBuilder(8192);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(report.title()))
                .append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n<h1>").append(esc(report.title()))
                .append("</h1>\n<p><em>Generated ").append(esc(report.generated().toString())).append("</em></p>\n");
        report.sections().forEach(s -> section(out, s, 2));
        return out.append("</body>\n</html>\n").toString();
    }

    private static void section(StringBuilder out, ReportSection s, int level) {
        heading(out, level, s.title());
        s.blocks().forEach(b -> block(out, b, level));
        s.subsections().forEach(x -> section(out, x, level + 1));
    }

    private static void heading(StringBuilder out, int level, String text) {
        int h = Math.min(level, 6);
        out.append("<h").append(h).append('>').append(esc(text)).append("</h").append(h).append(">\n");
    }

    private static void block(StringBuilder out, Block b, int level) {
        if (b instanceof Block.Heading h) {
            heading(out, level + 1, h.text());
        } else if (b instanceof Block.Paragraph p) {
            for (String para : p.text().split("\\R\\s*\\R")) {
                out.append("<p>").append(esc(para.strip()).replaceAll("\\R", "<br>\n")).append("</p>\n");
            }
        } else if (b instanceof Block.Table t) {
            table(out, t.headers(), t.rows());
        } else if (b instanceof Block.CodeBlock c) {
            out.append("<pre><code").append(c.language().isEmpty() ? "" : " class=\"language-" + esc(c.language()) + "\"")
                    .append('>').append(esc(c.text())).append("</code></pre>\n");
        } else if (b instanceof Block.Image i) {
            out.append("<p><img alt=\"").append(esc(i.altText())).append("\" src=\"data:").append(i.mediaType()).append(";base64,")
                    .append(Base64.getEncoder().encodeToString(i.bytes())).append("\"></p>\n");
        } else if (b instanceof Block.FindingsBlock f) {
            findings(out, f.findings());
        }
    }

    private static void table(StringBuilder out, List<String> headers, List<List<String>> rows) {
        out.append("<table>\n<thead><tr>");
        headers.forEach(h -> out.append("<th>").append(esc(h)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : rows) {
            out.append("<tr>");
            r.forEach(c -> out.append("<td>").append(esc(c).replaceAll("\\R", "<br>")).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static void findings(StringBuilder out, List<Finding> findings) {
        if (findings.isEmpty()) {
            out.append("<p>No findings.</p>\n");
            return;
        }
        for (Finding f : findings) {
            out.append("<p><span class=\"sev ").append(f.severity()).append("\">").append(f.severity()).append("</span> ")
                    .append(esc(f.title())).append("</p>\n");
            if (!f.evidence().isEmpty()) {
                out.append("<ul>\n");
                for (Evidence e : f.evidence()) {
                    out.append("<li>").append(e.isMetric() ? esc(e.name()) + ": " : "").append("<code>").append(esc(e.value()))
                            .append("</code></li>\n");
                }
                out.append("</ul>\n");
            }
            if (!f.suggestion().isBlank()) {
                out.append("<p>Suggestion: ").append(esc(f.suggestion())).append("</p>\n");
            }
            out.append("<p class=\"source\">Source: ").append(esc(f.source().pluginId()))
                    .append(f.source().target().isEmpty() ? "" : " · " + esc(f.source().target())).append(" · ")
                    .append(f.source().time()).append("</p>\n");
        }
    }

    /**
     * Escapes text for HTML element content and attribute values.
     *
     * @param s the text
     * @return the escaped text
     */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
