package dev.triage.plugin.report.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.connection.ConnectionStore;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.report.JsonReportWriter;
import dev.triage.core.report.MarkdownReportWriter;
import dev.triage.core.report.Report;
import dev.triage.core.report.ReportBuilder;
import dev.triage.core.report.ReportExport;
import dev.triage.core.report.ReportRequest;
import dev.triage.plugin.report.application.ReportComposer;
import dev.triage.plugin.report.domain.ReportLayout;
import dev.triage.plugin.report.domain.SecretRedactor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds, composes and writes a case's report in Markdown, JSON and HTML, as the view and {@code triage report} do. */
public final class ReportService {

    private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);

    /** The formats a report is written in. */
    public enum Format {
        /** {@code report.md} with images under {@code assets/}. */
        MD,
        /** {@code report.json}. */
        JSON,
        /** A self-contained {@code report.html}. */
        HTML;

        /**
         * Reads a comma-separated list of formats; all three when blank.
         *
         * @param text such as {@code md,html}
         * @return the formats
         */
        public static Set<Format> parse(String text) {
            if (text == null || text.isBlank()) {
                return EnumSet.allOf(Format.class);
            }
            Set<Format> out = EnumSet.noneOf(Format.class);
            for (String part : text.split(",")) {
                String p = part.strip().toLowerCase(Locale.ROOT);
                switch (p) {
                    case "md", "markdown" -> out.add(MD);
                    case "json" -> out.add(JSON);
                    case "html", "htm" -> out.add(HTML);
                    default -> throw new IllegalArgumentException("Unknown report format '" + part.strip()
                            + "', expected md, json or html (comma-separated for several)");
                }
            }
            return out;
        }
    }

    private final ReportBuilder builder;
    private final ConnectionStore connections;
    private final ReportComposer composer;

    /**
     * Creates the service.
     *
     * @param builder asks every plugin for its sections
     * @param connections saved connections, whose passwords are kept out of reports
     * @param composer adds the summary, orders, selects and cleans the sections
     */
    public ReportService(ReportBuilder builder, ConnectionStore connections, ReportComposer composer) {
        this.builder = builder;
        this.connections = connections;
        this.composer = composer;
    }

    /**
     * Builds the report every plugin contributes to, before the user's choices are applied.
     *
     * @param c the case
     * @param now the generation time
     * @return the raw report
     */
    public Report raw(Case c, Instant now) {
        return builder.build(c.name(), new ReportRequest(c, now));
    }

    /**
     * Applies the case's layout, notes and secret removal to a raw report.
     *
     * @param c the case
     * @param raw the raw report
     * @param layout the layout
     * @return the report to write or preview
     */
    public Report compose(Case c, Report raw, ReportLayout layout) {
        return composer.compose(raw, layout, c.notes(), redactor(layout));
    }

    /**
     * Makes the redactor for a layout: the saved connections' passwords, the user's sensitive values, the usual shapes.
     *
     * @param layout the layout holding the sensitive values
     * @return the redactor
     */
    public SecretRedactor redactor(ReportLayout layout) {
        List<String> known = new ArrayList<>();
        if (connections != null) {
            try {
                for (ConnectionTarget t : connections.list()) {
                    try {
                        Optional<char[]> pw = connections.password(t.id());
                        pw.ifPresent(p -> known.add(new String(p)));
                        pw.ifPresent(p -> java.util.Arrays.fill(p, '\0'));
                    } catch (Exception e) {
                        LOG.debug("Password of connection {} not readable for the report's secret filter: {}", t.id(), e.getMessage());
                    }
                }
            } catch (IOException e) {
                LOG.warn("Saved connections not readable for the report's secret filter: {}", e.getMessage());
            }
        }
        return new SecretRedactor(known, layout.sensitive());
    }

    /**
     * Builds, composes and writes the case's report.
     *
     * @param c the case
     * @param folder the output folder, or null for {@code reports/<time>} in the case
     * @param formats the formats to write
     * @return the files written and the number of sections
     * @throws IOException when a file cannot be written or the layout cannot be read
     */
    public Written export(Case c, Path folder, Set<Format> formats) throws IOException {
        Instant now = Instant.now();
        Report report = compose(c, raw(c, now), LayoutStore.load(c));
        return write(report, folder != null ? folder : ReportExport.defaultFolder(c, now), formats);
    }

    /**
     * Writes a composed report.
     *
     * @param report the report
     * @param folder the output folder
     * @param formats the formats
     * @return the files written
     * @throws IOException when a file cannot be written
     */
    public static Written write(Report report, Path folder, Set<Format> formats) throws IOException {
        List<Path> files = new ArrayList<>();
        if (formats.contains(Format.MD)) {
            files.add(new MarkdownReportWriter().write(report, folder));
        }
        if (formats.contains(Format.JSON)) {
            files.add(new JsonReportWriter().write(report, folder));
        }
        if (formats.contains(Format.HTML)) {
            files.add(new HtmlReportWriter().write(report, folder));
        }
        return new Written(folder, files, report.sections().size());
    }

    /**
     * The files a report export wrote.
     *
     * @param folder the output folder
     * @param files the report files (images under {@code assets/} not listed)
     * @param sections how many sections the report has
     */
    public record Written(Path folder, List<Path> files, int sections) implements dev.triage.core.command.CommandOutput {

        @Override
        public String text() {
            StringBuilder b = new StringBuilder();
            files.forEach(f -> b.append("Wrote ").append(f).append('\n'));
            return b.append(sections).append(" sections").toString();
        }
    }
}
