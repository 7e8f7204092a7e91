package dev.triage.core.report;

import dev.triage.core.cases.Case;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Writes a built report as {@code report.md} + {@code assets/} and {@code report.json}, where the CLI and the window put it. */
public final class ReportExport {

    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault());

    private ReportExport() {
    }

    /**
     * The files an export wrote.
     *
     * @param markdown the Markdown file
     * @param json the JSON file
     * @param sections how many sections the report has
     */
    public record Written(Path markdown, Path json, int sections) {
    }

    /**
     * Returns the folder a report made at a time goes to by default: {@code reports/<yyyyMMdd-HHmmss>} in the case.
     *
     * @param c the case
     * @param when when the report was made
     * @return the folder
     */
    public static Path defaultFolder(Case c, Instant when) {
        return c.folder().resolve("reports").resolve(FOLDER.format(when));
    }

    /**
     * Writes the report's Markdown and JSON into a folder.
     *
     * @param report the report
     * @param folder the folder, created when missing
     * @return the files written
     * @throws IOException when a file cannot be written
     */
    public static Written write(Report report, Path folder) throws IOException {
        Path md = new MarkdownReportWriter().write(report, folder);
        Path json = new JsonReportWriter().write(report, folder);
        return new Written(md, json, report.sections().size());
    }
}
