package dev.triage.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.app.shell.status.TaskRow;
import dev.triage.app.shell.views.PluginRow;
import dev.triage.app.shell.views.PluginsView;
import dev.triage.core.task.TaskHandle;
import dev.triage.core.task.TaskState;
import dev.triage.core.plugin.Plugin;
import dev.triage.testkit.TestPlugin;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

class PluginsAndStatusTest extends ShellTestBase {

    @Override
    Plugin[] extraPlugins() {
        return new Plugin[] {TestPlugin.of("broken", "1.0").onStart(TestPlugin.Behaviour.THROW)};
    }

    @Test
    void pluginsViewListsEveryPluginWithItsState() throws Exception {
        f.fx(() -> f.shell.dock().open(ShellPlugin.PLUGINS));
        Map<String, PluginRow> rows = f.fx(() -> ((PluginsView) f.shell.dock().view(ShellPlugin.PLUGINS).orElseThrow())
                .model().rows().stream().collect(Collectors.toMap(PluginRow::id, r -> r)));

        assertThat(rows.get("about").state()).isEqualTo("RUNNING");
        assertThat(rows.get("casefiles").state()).isEqualTo("RUNNING");
        assertThat(rows.get("shell").state()).isEqualTo("RUNNING");
        assertThat(rows.get("broken").state()).isEqualTo("FAILED");
        assertThat(rows.get("broken").failure()).contains("broken broke in start");
    }

    @Test
    void aPluginThatFailedBeforeTheWindowOpenedIsNotified() throws Exception {
        assertThat(f.fx(() -> f.shell.notifications().notes().stream().map(n -> n.text()).toList()))
                .anyMatch(t -> t.contains("broken") && t.contains("broke in start"));
    }

    @Test
    void aPluginThatFailsLaterIsNotifiedAndTheTableRefreshes() throws Exception {
        f.fx(() -> f.shell.dock().open(ShellPlugin.PLUGINS));
        f.kernel.plugins().add(TestPlugin.of("late", "1.0").onInit(TestPlugin.Behaviour.THROW), null);
        f.kernel.plugins().startAll();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> f.fx(() -> f.shell.notifications().notes().stream()
                .anyMatch(n -> n.text().contains("late"))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> f.fx(() -> ((PluginsView) f.shell.dock()
                .view(ShellPlugin.PLUGINS).orElseThrow()).model().rows().stream()
                .anyMatch(r -> r.id().equals("late") && r.state().equals("FAILED"))));
    }

    @Test
    void statusBarShowsARunningTaskAndItsCancelButtonCancelsIt() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<TaskHandle<String>> handle = new AtomicReference<>();
        Thread submitter = new Thread(() -> handle.set(f.kernel.tasks().submit("Probe task", ctx -> {
            ctx.progress(0.25, "waiting");
            never.await();
            return "finished";
        })));
        submitter.start();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> f.fx(() -> f.shell.statusBar().rows().stream()
                .anyMatch(r -> r.handle().name().equals("Probe task") && r.handle().state() == TaskState.RUNNING)));
        TaskRow row = f.fx(() -> f.shell.statusBar().rows().get(0));
        f.fx(() -> {
            row.cancelButton().fire();
            return null;
        });
        submitter.join(10_000);

        assertThat(handle.get().state()).isEqualTo(TaskState.CANCELLED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> f.fx(() -> f.shell.statusBar().rows().isEmpty()));
    }
}
