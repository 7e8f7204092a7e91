package dev.triage.app.shell.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.app.shell.ShellTexts;
import dev.triage.testkit.JavaFxToolkit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

class LogViewTest {

    @TempDir
    Path tmp;

    @Test
    void showsTheTailFiltersByLevelAndFollowsNewLines() throws Exception {
        Path file = Files.write(tmp.resolve("triage.log"), List.of(
                "2026-01-01 10:00:00.000 INFO  [main] a.B - started",
                "2026-01-01 10:00:02.000 ERROR [main] a.B - broke"));
        LogView view = JavaFxToolkit.call(() -> new LogView(file, ShellTexts.load(Locale.ENGLISH)));
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.shownText().contains("started"));

            JavaFxToolkit.call(() -> {
                view.setLevel(LogTail.Level.ERROR);
                return null;
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.shownText().contains("started"));
            assertThat(view.shownText()).contains("broke");

            Files.write(file, List.of("2026-01-01 10:00:03.000 ERROR [main] a.B - again"), java.nio.file.StandardOpenOption.APPEND);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.shownText().contains("again"));
        } finally {
            view.dispose();
        }
    }
}
