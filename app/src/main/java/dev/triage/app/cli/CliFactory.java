package dev.triage.app.cli;

import picocli.CommandLine;

/** Hands the CLI session to subcommands through their constructors. */
final class CliFactory implements CommandLine.IFactory {

    private final CliSession session;

    CliFactory(CliSession session) {
        this.session = session;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        try {
            return cls.getDeclaredConstructor(CliSession.class).newInstance(session);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
