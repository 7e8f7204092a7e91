package dev.triage.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.app.shell.notify.Note;
import dev.triage.app.shell.palette.PaletteItem;
import dev.triage.app.shell.theme.Theme;
import dev.triage.core.command.CommandSpec;
import dev.triage.core.plugin.Plugin;
import dev.triage.testkit.TestPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandPaletteTest extends ShellTestBase {

    private Path marker;

    @Override
    Plugin[] extraPlugins() {
        marker = tmp.resolve("marker.txt");
        TestPlugin plugin = TestPlugin.of("probe", "1.0").withInit(ctx -> ctx.command(
                CommandSpec.of("probe.touch", "Touch the marker file", "Writes marker.txt"), (args, c) -> {
                    Files.writeString(marker, "touched");
                    return "marker written";
                }));
        return new Plugin[] {plugin};
    }

    @Test
    void listsCommandsViewsAndShellActions() throws Exception {
        List<String> titles = f.fx(() -> {
            f.shell.palette().show();
            return f.shell.palette().model().shown().stream().map(PaletteItem::title).toList();
        });

        assertThat(titles).contains("Touch the marker file", "About Triage",
                f.shell.messages().get("palette.openView", "Plugins"),
                f.shell.messages().get("palette.theme", f.shell.messages().get("theme.dark")),
                f.shell.messages().get("action.openCase"), f.shell.messages().get("action.newCase"));
    }

    @Test
    void typingFiltersAndEnterRunsTheCommand() throws Exception {
        List<String> shown = f.fx(() -> {
            f.shell.palette().show();
            f.shell.palette().field().setText("tch mrk");
            return f.shell.palette().model().shown().stream().map(PaletteItem::title).toList();
        });
        assertThat(shown).first().isEqualTo("Touch the marker file");
        assertThat(shown).doesNotContain(f.shell.messages().get("palette.openView", "Log"));

        f.fx(() -> {
            KeyEvent enter = new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false);
            f.shell.palette().field().fireEvent(enter);
            return null;
        });

        assertThat(marker).hasContent("touched");
        assertThat(f.fx(() -> f.shell.palette().isShowing())).isFalse();
        assertThat(f.fx(() -> f.shell.notifications().notes().stream().filter(n -> n.level() == Note.Level.SUCCESS)
                .map(Note::text).toList())).anyMatch(t -> t.contains("marker written"));
    }

    @Test
    void shellActionsRunFromThePalette() throws Exception {
        f.fx(() -> {
            f.shell.palette().show();
            f.shell.palette().field().setText(f.shell.messages().get("palette.theme", f.shell.messages().get("theme.dark")));
            f.shell.palette().run();
            return null;
        });

        assertThat(f.fx(() -> f.shell.themes().themeProperty().get())).isEqualTo(Theme.DARK);
    }

    @Test
    void ctrlShiftPOpensThePalette() throws Exception {
        boolean showing = f.fx(() -> {
            f.shell.scene().getAccelerators().get(javafx.scene.input.KeyCombination.keyCombination("Shortcut+Shift+P")).run();
            return f.shell.palette().isShowing();
        });

        assertThat(showing).isTrue();
    }

    @Test
    void aQueryThatMatchesNothingRunsNothing() throws Exception {
        boolean ran = f.fx(() -> {
            f.shell.palette().show();
            f.shell.palette().field().setText("zzzqqq");
            return f.shell.palette().model().runSelected().isPresent();
        });

        assertThat(ran).isFalse();
        assertThat(marker).doesNotExist();
    }
}
