package dev.triage.app.cli;

import dev.triage.app.shell.guide.GuidePages;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code triage guide [page]}: prints a page of the bundled user guide (Markdown), the start page by default. */
@Command(name = "guide", mixinStandardHelpOptions = true)
final class GuideCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(index = "0", paramLabel = "<page>", defaultValue = GuidePages.START)
    String page;

    GuideCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        String name = page.endsWith(".md") ? page : page + ".md";
        var text = GuidePages.read(name);
        if (text.isEmpty()) {
            session.error(session.text("guide.missing", name));
            return 2;
        }
        session.out().print(text.get());
        session.out().flush();
        return 0;
    }
}
