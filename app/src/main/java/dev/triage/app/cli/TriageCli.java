package dev.triage.app.cli;

import dev.triage.core.config.AppPaths;
import dev.triage.core.kernel.CoreVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code triage} command line: the same CommandBus the window uses, no window. */
@Command(name = "triage", mixinStandardHelpOptions = true, versionProvider = TriageCli.VersionProvider.class,
        description = "Diagnostic workbench for MySQL/TiDB/MariaDB, Redis and Kafka. No arguments opens the window.",
        subcommands = {GuiCommand.class, PluginCommands.class, CaseCommands.class})
public final class TriageCli {

    private TriageCli() {
    }

    /**
     * Runs the command line and returns the exit code.
     *
     * @param paths the app-data folders
     * @param args the arguments
     * @return 0 on success, non-zero on error
     */
    public static int run(AppPaths paths, String... args) {
        return run(paths, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs the command line with explicit output streams, as tests do.
     *
     * @param paths the app-data folders
     * @param out standard output
     * @param err standard error
     * @param args the arguments
     * @return 0 on success, non-zero on error
     */
    public static int run(AppPaths paths, PrintWriter out, PrintWriter err, String... args) {
        CliSession session = new CliSession(paths, out, err);
        try {
            CommandLine cl = new CommandLine(new TriageCli(), new CliFactory(session));
            cl.setOut(out);
            cl.setErr(err);
            cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
                err.println("triage: " + CliSession.oneLine(ex));
                return 2;
            });
            cl.setParameterExceptionHandler((ex, a) -> {
                err.println("triage: " + ex.getMessage());
                err.println("Try 'triage " + String.join(" ", ex.getCommandLine().getCommandSpec().qualifiedName().replaceFirst("^triage ?", "")) + " --help'.");
                return 2;
            });
            return cl.execute(args);
        } finally {
            session.close();
        }
    }

    /** Reads the version from the build. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Triage " + CoreVersion.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
