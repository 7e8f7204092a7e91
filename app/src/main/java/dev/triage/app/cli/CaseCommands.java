package dev.triage.app.cli;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.ImportSummary;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code triage case new|info|import}. */
@Command(name = "case", description = "Create a case, show one, or import files into one.", mixinStandardHelpOptions = true,
        subcommands = {CaseCommands.NewCase.class, CaseCommands.Info.class, CaseCommands.Import.class, CaseReport.class})
final class CaseCommands {

    /** What {@code case info} prints. */
    record CaseInfo(String folder, String name, String created, List<ImportSummary> imports, int notesChars) {
    }

    static Map<String, Object> describe(Case c) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("folder", c.folder().toString());
        m.put("name", c.name());
        m.put("created", c.created().toString());
        m.put("imports", c.imports().size());
        m.put("notes", c.notes().length() + " characters");
        return m;
    }

    static void print(CliSession s, OutputFormat f, Case c) throws Exception {
        if (f.json()) {
            s.printJson(new CaseInfo(c.folder().toString(), c.name(), c.created().toString(), c.imports(), c.notes().length()));
        } else {
            describe(c).forEach((k, v) -> s.out().println(k + ": " + v));
        }
    }

    @Command(name = "new", description = "Create a case in a new or empty folder.", mixinStandardHelpOptions = true)
    static final class NewCase extends SessionCommand {
        @Parameters(index = "0", paramLabel = "<dir>", description = "The case folder.")
        Path dir;
        @Option(names = "--name", description = "The case name (default: the folder name).")
        String name;

        NewCase(CliSession session) {
            super(session);
        }

        @Override
        public Integer call() throws Exception {
            Case c = session.kernel().cases().create(dir, name);
            print(session, format, c);
            return 0;
        }
    }

    @Command(name = "info", description = "Show a case's name, creation time and imports.", mixinStandardHelpOptions = true)
    static final class Info extends SessionCommand {
        @Parameters(index = "0", paramLabel = "<dir>", description = "The case folder.")
        Path dir;

        Info(CliSession session) {
            super(session);
        }

        @Override
        public Integer call() throws Exception {
            print(session, format, session.kernel().cases().open(dir));
            return 0;
        }
    }

    @Command(name = "import", description = "Import files into a case, all or nothing.", mixinStandardHelpOptions = true)
    static final class Import extends SessionCommand {
        @Parameters(index = "0", paramLabel = "<dir>", description = "The case folder.")
        Path dir;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "<file>", description = "Files to import.")
        List<Path> files;

        Import(CliSession session) {
            super(session);
        }

        @Override
        public Integer call() throws Exception {
            var k = session.kernel();
            Case c = k.cases().open(dir);
            var handle = k.imports().importFiles(c, files);
            var progress = new PluginCommands.StderrProgress(session);
            handle.onChange(h -> progress.progress(h.fraction(), h.message()));
            ImportSummary s;
            try {
                s = handle.result().join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
            if (format.json()) {
                session.printJson(s);
            } else {
                session.out().printf("imported %d file(s), %d row(s), %d skipped%n", s.files(), s.rows(), s.skipped());
                s.warnings().forEach(w -> session.out().println("skipped: " + w));
            }
            return 0;
        }
    }
}
