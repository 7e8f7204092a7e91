package dev.triage.app.cli;

import dev.triage.core.config.AppPaths;
import dev.triage.core.kernel.CoreVersion;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code triage} command line: the same CommandBus the window uses, no window; texts follow {@code ui.language}. */
@Command(name = "triage", mixinStandardHelpOptions = true, versionProvider = TriageCli.VersionProvider.class,
        subcommands = {GuiCommand.class, PluginCommands.class, CaseCommands.class, GuideCommand.class, DocsCommand.class})
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
     * Runs the command line with explicit output streams, as tests do, in the language the settings file chooses.
     *
     * @param paths the app-data folders
     * @param out standard output
     * @param err standard error
     * @param args the arguments
     * @return 0 on success, non-zero on error
     */
    public static int run(AppPaths paths, PrintWriter out, PrintWriter err, String... args) {
        Locale locale = CliTexts.locale(paths);
        CliSession session = new CliSession(paths, out, err, CliTexts.load(locale));
        try {
            CommandLine cl = new CommandLine(new TriageCli(), new CliFactory(session));
            cl.setResourceBundle(CliTexts.bundle(locale));
            cl.setOut(out);
            cl.setErr(err);
            cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
                session.error(CliSession.oneLine(ex));
                return 2;
            });
            cl.setParameterExceptionHandler((ex, a) -> {
                session.error(parseError(session, ex));
                err.println(session.text("error.tryHelp", ex.getCommandLine().getCommandSpec().qualifiedName()));
                return 2;
            });
            if (args.length >= 1 && !cl.getSubcommands().containsKey(args[0]) && opensCase(args[0])) {
                // a desktop hands Triage a double-clicked case file or folder: open the window on that case
                java.nio.file.Path folder = dev.triage.core.cases.Case.folderOf(java.nio.file.Path.of(args[0])).orElseThrow();
                java.util.List<String> gui = new java.util.ArrayList<>(java.util.List.of("gui", "--case", folder.toString()));
                gui.addAll(java.util.Arrays.asList(args).subList(1, args.length));
                return cl.execute(gui.toArray(String[]::new));
            }
            if (args.length > 0 && !args[0].startsWith("-") && !cl.getSubcommands().containsKey(args[0])) {
                try {
                    var plugin = PluginCli.run(session, args);
                    if (plugin.isPresent()) {
                        return plugin.get();
                    }
                } catch (Exception e) {
                    session.error(CliSession.oneLine(e));
                    return 2;
                }
            }
            return cl.execute(args);
        } finally {
            session.close();
        }
    }

    private static boolean opensCase(String arg) {
        try {
            return !arg.startsWith("-") && dev.triage.core.cases.Case.folderOf(java.nio.file.Path.of(arg)).isPresent();
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** Words the two commonest parse errors in the user's language; picocli's own (English) text for the rest. */
    private static String parseError(CliSession session, CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            return session.text("error.unmatched", String.join(" ", u.getUnmatched()));
        }
        if (ex instanceof CommandLine.MissingParameterException m) {
            return session.text("error.missing", m.getMissing().stream()
                    .map(a -> a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel())
                    .collect(Collectors.joining(", ")));
        }
        return ex.getMessage();
    }

    /** Reads the version from the build. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Triage " + CoreVersion.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
