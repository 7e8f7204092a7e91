package dev.triage.app.shell.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.kernel.Kernel;
import dev.triage.testkit.TestKernels;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The welcome view's state, without a window. */
class WelcomeViewModelTest {

    @TempDir
    Path tmp;

    private Kernel kernel;

    @BeforeEach
    void start() {
        kernel = TestKernels.create(tmp.resolve("home"), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        kernel.close();
    }

    @Test
    void emptyWithoutCases() {
        WelcomeViewModel m = new WelcomeViewModel(kernel.cases());

        assertThat(m.recent()).isEmpty();
        assertThat(m.currentCaseProperty().get()).isEmpty();
    }

    @Test
    void listsRecentCasesNewestFirstAndNamesTheOpenOne() throws Exception {
        kernel.cases().create(tmp.resolve("a"), "Alpha");
        kernel.cases().create(tmp.resolve("b"), "Beta");
        WelcomeViewModel m = new WelcomeViewModel(kernel.cases());

        assertThat(m.recent()).containsExactly(tmp.resolve("b").toAbsolutePath().normalize(), tmp.resolve("a").toAbsolutePath().normalize());
        assertThat(m.currentCaseProperty().get()).isEqualTo("Beta");

        kernel.cases().close();
        m.refresh();

        assertThat(m.currentCaseProperty().get()).isEmpty();
    }
}
