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
@Command(name = "case", mixinStandardHelpOptions = true,
        subcommands = {CaseCommands.NewCase.class, CaseCommands.Info.class, CaseCommands.Import.class, CaseReport.class})
final class CaseCommands {

    /** What {@code case info} prints. */
    record CaseInfo(String folder, String name, String created, List<ImportSummary> imports, int notesChars) {
    }

    /** The text-mode lines of {@code case info}, field names in the user's language. */
    static Map<String, Object> describe(CliSession s, Case c) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(s.text("case.folder"), c.folder().toString());
        m.put(s.text("case.name"), c.name());
        m.put(s.text("case.created"), c.created().toString());
        m.put(s.text("case.imports"), c.imports().size());
        m.put(s.text("case.notes"), s.text("case.notesChars", c.notes().length()));
        return m;
    }

    static void print(CliSession s, OutputFormat f, Case c) throws Exception {
        if (f.json()) {
            s.printJson(new CaseInfo(c.folder().toString(), c.name(), c.created().toString(), c.imports(), c.notes().length()));
        } else {
            describe(s, c).forEach((k, v) -> s.out().println(s.text("case.field", k, v)));
        }
    }

    @Command(name = "new", mixinStandardHelpOptions = true)
    static final class NewCase extends SessionCommand {
        @Parameters(index = "0", paramLabel = "<dir>", descriptionKey = "dir")
        Path dir;
        @Option(names = "--name")
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

    @Command(name = "info", mixinStandardHelpOptions = true)
    static final class Info extends SessionCommand {
        @Parameters(index = "0", paramLabel = "<dir>", descriptionKey = "dir")
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

    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class Import extends SessionCommand {
        @Parameters(index = "0", paramLabel = "<dir>", descriptionKey = "dir")
        Path dir;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "<file>", descriptionKey = "files")
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
                session.out().println(session.text("import.done", s.files(), s.rows(), s.skipped()));
                s.warnings().forEach(w -> session.out().println(session.text("import.skipped", w)));
            }
            return 0;
        }
    }
}
