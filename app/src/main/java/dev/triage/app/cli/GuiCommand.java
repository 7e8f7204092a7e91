package dev.triage.app.cli;

import dev.triage.app.shell.ShellLauncher;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code triage gui [--case DIR] [--view ID] [--screenshot out.png]}: opens the window (the default with no arguments). */
@Command(name = "gui", mixinStandardHelpOptions = true)
final class GuiCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--screenshot", paramLabel = "<png>")
    Path screenshot;

    @Option(names = "--case", paramLabel = "<dir>")
    Path caseDir;

    @Option(names = "--view", paramLabel = "<id>")
    String view;

    GuiCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        return ShellLauncher.launch(session.paths(), caseDir, screenshot, view);
    }
}
