package dev.triage.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code triage docs cli}: prints the generated CLI reference (a hidden command for the docs/guide/cli.md file). */
@Command(name = "docs", hidden = true)
final class DocsCommand implements Callable<Integer> {

    private final CliSession session;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<what>", defaultValue = "cli")
    String what;

    DocsCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (!"cli".equals(what)) {
            session.error("docs: only 'cli' is known, not '" + what + "'");
            return 2;
        }
        session.out().print(CliReference.markdown(spec.root().commandLine(), session.kernel().commands()));
        session.out().flush();
        return 0;
    }
}
