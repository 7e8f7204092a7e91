package dev.triage.app.cli;

import dev.triage.core.cases.Case;
import dev.triage.core.report.Report;
import dev.triage.core.report.ReportExport;
import dev.triage.core.report.ReportRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code triage case report <dir>}: writes report.md, assets/ and report.json from every plugin's contribution. */
@Command(name = "report", mixinStandardHelpOptions = true)
final class CaseReport extends SessionCommand {

    @Parameters(index = "0", paramLabel = "<dir>", descriptionKey = "dir")
    Path dir;

    @Option(names = "--out", paramLabel = "<folder>")
    Path out;

    CaseReport(CliSession session) {
        super(session);
    }

    @Override
    public Integer call() throws Exception {
        var k = session.kernel();
        Case c = k.cases().open(dir);
        Instant now = Instant.now();
        ReportRequest request = new ReportRequest(c, now);
        Report report = dev.triage.core.report.ReportFinisher.finishAll(k.services(), request, k.reports().build(c.name(), request));
        var written = ReportExport.write(report, out != null ? out : ReportExport.defaultFolder(c, now));
        Path md = written.markdown();
        Path json = written.json();
        if (format.json()) {
            session.printJson(Map.of("markdown", md.toString(), "json", json.toString(), "sections", report.sections().size()));
        } else {
            session.out().println(session.text("report.wrote", md));
            session.out().println(session.text("report.wrote", json));
        }
        return 0;
    }
}
