package dev.triage.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.app.shell.dock.DockLayout;
import dev.triage.app.shell.dock.LayoutStore;
import dev.triage.core.ui.DockArea;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

class LayoutRestoreTest extends ShellTestBase {


    @Test
    void theDefaultLayoutShowsWelcomeCaseFilesAndLog() throws Exception {
        Map<String, List<String>> views = f.fx(() -> f.shell.dock().capture().viewsByLeaf());

        assertThat(views).containsEntry("area.center", List.of(ShellPlugin.WELCOME, "slowlog.view"))
                .containsEntry("area.left", List.of("casefiles.view"))
                .containsEntry("area.bottom", List.of(ShellPlugin.LOG));
    }

    @Test
    void aNewShellRestoresTheSavedViewsPerArea() throws Exception {
        Map<String, List<String>> before = f.fx(() -> {
            f.shell.dock().openIn("about.view", DockArea.RIGHT);
            f.shell.dock().openIn(ShellPlugin.PLUGINS, DockArea.BOTTOM);
            f.shell.dock().close("casefiles.view");
            return f.shell.dock().capture().viewsByLeaf();
        });
        assertThat(before).containsEntry("area.right", List.of("about.view"))
                .containsEntry("area.bottom", List.of(ShellPlugin.LOG, ShellPlugin.PLUGINS))
                .doesNotContainKey("area.left");

        f.closeWindow();
        Path file = f.kernel.paths().config().resolve(LayoutStore.FILE);
        assertThat(file).isRegularFile();

        f.openWindow();
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, List<String>> after = f.fx(() -> f.shell.dock().capture().viewsByLeaf());

        assertThat(after).isEqualTo(before);
        assertThat(f.fx(() -> f.shell.dock().openIds()))
                .containsExactlyInAnyOrder("about.view", ShellPlugin.PLUGINS, ShellPlugin.LOG, ShellPlugin.WELCOME, "slowlog.view");
    }

    @Test
    void eachCaseKeepsItsOwnLayoutFile() throws Exception {
        Path caseDir = tmp.resolve("case-a");
        f.kernel.cases().create(caseDir, "A");
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> f.fx(() -> f.shell.layouts().currentFile()).equals(caseDir.resolve(LayoutStore.FILE)));

        f.fx(() -> f.shell.dock().openIn(ShellPlugin.PLUGINS, DockArea.RIGHT));
        f.kernel.cases().close();
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> f.fx(() -> f.shell.layouts().currentFile()).equals(f.kernel.paths().config().resolve(LayoutStore.FILE)));

        DockLayout saved = new LayoutStore().load(caseDir.resolve(LayoutStore.FILE)).orElseThrow();
        assertThat(saved.viewsByLeaf()).containsEntry("area.right", List.of(ShellPlugin.PLUGINS));
        assertThat(f.fx(() -> f.shell.dock().openIds())).doesNotContain(ShellPlugin.PLUGINS);
    }

    @Test
    void viewsOfAPluginThatIsGoneAreSkippedWithoutLeavingAnEmptyArea() throws Exception {
        f.closeWindow();
        new LayoutStore().save(f.kernel.paths().config().resolve(LayoutStore.FILE),
                DockLayout.of(List.of("gone.view"), List.of(ShellPlugin.WELCOME), List.of("gone.other"), List.of(ShellPlugin.LOG)));
        f.openWindow();

        Map<String, List<String>> views = f.fx(() -> f.shell.dock().capture().viewsByLeaf());
        assertThat(views).containsOnlyKeys("area.center", "area.bottom");
        assertThat(views.get("area.center")).containsExactly(ShellPlugin.WELCOME);
    }

    @Test
    void aBrokenLayoutFileFallsBackToTheDefault() throws Exception {
        f.closeWindow();
        Files.writeString(f.kernel.paths().config().resolve(LayoutStore.FILE), "{ not json");
        f.openWindow();

        assertThat(f.fx(() -> f.shell.dock().openIds()))
                .containsExactlyInAnyOrder(ShellPlugin.WELCOME, "slowlog.view", ShellPlugin.LOG, "casefiles.view");
    }
}
