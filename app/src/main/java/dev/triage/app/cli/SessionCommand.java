package dev.triage.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** Base of subcommands: the CLI session handed in by {@link CliFactory} and the {@code --format} option. */
abstract class SessionCommand implements Callable<Integer> {

    protected final CliSession session;

    @Mixin
    protected OutputFormat format;

    SessionCommand(CliSession session) {
        this.session = session;
    }
}
