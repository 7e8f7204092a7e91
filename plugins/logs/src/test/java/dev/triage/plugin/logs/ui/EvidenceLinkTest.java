package dev.triage.plugin.logs.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.ui.ShowCommand;
import dev.triage.core.ui.ShowView;
import dev.triage.core.ui.View;
import dev.triage.core.ui.ViewContribution;
import dev.triage.plugin.logs.Fixtures;
import dev.triage.testkit.JavaFxToolkit;
import dev.triage.testkit.KernelExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A {@code log:<file>:<line>} evidence link: {@code log.show} prints the line, and the timeline scrolls to its entry. */
class EvidenceLinkTest {

    @RegisterExtension
    final KernelExtension triage = new KernelExtension();

    private static void await(BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!JavaFxToolkit.call(condition::getAsBoolean)) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(end);
            Thread.onSpinWait();
        }
    }

    @Test
    void showCommandPrintsTheLineAndTheTimelineScrollsToTheEntryHoldingIt() throws Exception {
        Path dir = Files.createDirectories(triage.home().resolve("logs"));
        Files.writeString(dir.resolve("a.log"), """
                2026-03-01T10:00:00Z INFO start
                2026-03-01T10:00:02Z ERROR Deadlock found when trying to get lock
                \tat com.example.Orders.save(Orders.java:42)
                2026-03-01T10:00:04Z INFO end
                """);
        Files.writeString(dir.resolve("b.log"), """
                2026-03-01T10:00:01Z WARN slow
                2026-03-01T10:00:03Z WARN slower
                """);
        triage.kernel().cases().create(triage.home().resolve("case"), "links");
        triage.kernel().commands().executeText("logs.import", Map.of("paths", dir.toString(), "tz", "UTC"), Fixtures.NONE);

        BlockingQueue<ShowView> asked = new LinkedBlockingQueue<>();
        try (var sub = triage.kernel().events().subscribe(ShowView.class, asked::add)) {
            ShowCommand.Shown shown = (ShowCommand.Shown) triage.kernel().commands().executeText("log.show",
                    Map.of("ref", "log:a.log:3"), Fixtures.NONE);
            assertThat(shown.text()).startsWith("a.log:3").contains("at com.example.Orders.save(Orders.java:42)");
            assertThat(asked.poll(30, TimeUnit.SECONDS)).isEqualTo(new ShowView("logs.view", "a.log:3"));
        }
        assertThatThrownBy(() -> triage.kernel().commands().executeText("log.show", Map.of("ref", "c.log:1"), Fixtures.NONE))
                .hasMessageContaining("No log file c.log");

        ViewContribution contribution = triage.kernel().services().findAll(ViewContribution.class).stream()
                .filter(v -> v.id().equals("logs.view")).findFirst().orElseThrow();
        View view = JavaFxToolkit.call(() -> {
            View v = contribution.factory().get();
            new Scene((javafx.scene.Parent) v.node(), 1200, 800);
            return v;
        });
        LogsViewModel model = ((LogsView) view).model();
        await(() -> model.rowsProperty().get() != null && model.rowsProperty().get().size() == 5);
        JavaFxToolkit.call(() -> {
            model.fileProperty().set("b.log");
            return model.refresh();
        }).get(30, TimeUnit.SECONDS);
        assertThat(JavaFxToolkit.call(() -> model.rowsProperty().get().size())).isEqualTo(2);

        // time order: a:1, b:1, a:2 (holding line 3), b:2, a:4 — the link clears the file filter and lands on a:2
        assertThat(JavaFxToolkit.call(() -> model.reveal("a.log:3")).get(30, TimeUnit.SECONDS)).isEqualTo(2L);
        assertThat(JavaFxToolkit.call(() -> model.fileProperty().get())).isEmpty();
        assertThat(JavaFxToolkit.call(() -> model.scrollToProperty().get())).isEqualTo(2L);
        assertThat(JavaFxToolkit.call(() -> model.reveal("a.log:99")).get(30, TimeUnit.SECONDS)).isEqualTo(4L);
        assertThat(JavaFxToolkit.call(() -> model.reveal("nope.log:1")).get(30, TimeUnit.SECONDS)).isEqualTo(-1L);
        assertThat(JavaFxToolkit.call(() -> model.statusProperty().get())).contains("No entry of nope.log at line 1");
        assertThat(JavaFxToolkit.call(() -> model.reveal("no line")).get(30, TimeUnit.SECONDS)).isEqualTo(-1L);
        JavaFxToolkit.call(() -> {
            view.dispose();
            return null;
        });
    }
}
