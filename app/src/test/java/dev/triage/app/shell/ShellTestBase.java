package dev.triage.app.shell;

import dev.triage.core.plugin.Plugin;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of shell tests: a shown shell over a kernel whose app data sits in {@code tmp/home}, closed after each test. */
abstract class ShellTestBase {

    @TempDir
    Path tmp;

    ShellFixture f;

    /** Plugins a test class adds beside the built-ins and the shell plugin. */
    Plugin[] extraPlugins() {
        return new Plugin[0];
    }

    @BeforeEach
    void startShell() throws Exception {
        f = ShellFixture.start(tmp.resolve("home"), extraPlugins());
    }

    @AfterEach
    void stopShell() throws Exception {
        f.close();
    }
}
