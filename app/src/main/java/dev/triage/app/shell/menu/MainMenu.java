package dev.triage.app.shell.menu;

import dev.triage.app.shell.Shell;
import dev.triage.app.shell.theme.Theme;
import dev.triage.app.shell.theme.UiSettings;
import dev.triage.core.command.CommandSpec;
import dev.triage.core.i18n.Messages;
import dev.triage.core.ui.ViewContribution;
import java.nio.file.Path;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

/** Builds the menu bar: File (cases), View (palette, theme, language, layout), Views, Commands and Help. */
public final class MainMenu {

    private final Shell shell;
    private final Messages m;

    private MainMenu(Shell shell) {
        this.shell = shell;
        this.m = shell.messages();
    }

    /**
     * Builds the menu bar for a shell.
     *
     * @param shell the shell
     * @param onExit what File > Exit does
     * @return the menu bar
     */
    public static MenuBar build(Shell shell, Runnable onExit) {
        MainMenu mm = new MainMenu(shell);
        MenuBar bar = new MenuBar(mm.file(onExit), mm.view(), mm.views(), mm.commands(), mm.help());
        bar.getStyleClass().add("main-menu");
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    private Menu file(Runnable onExit) {
        Menu recent = new Menu(m.get("menu.file.recent"));
        recent.getItems().add(new MenuItem());
        recent.setOnShowing(e -> {
            recent.getItems().clear();
            for (Path p : shell.kernel().cases().recent().list()) {
                recent.getItems().add(item(p.toString(), null, () -> shell.caseActions().openCase(p)));
            }
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem(m.get("welcome.noRecent"));
                none.setDisable(true);
                recent.getItems().add(none);
            }
        });
        return new Menu(m.get("menu.file"), null,
                item(m.get("action.openCase"), "Shortcut+O", () -> shell.caseActions().chooseCaseFolder()),
                item(m.get("action.newCase"), "Shortcut+N", () -> shell.caseActions().newCase()),
                recent,
                item(m.get("action.closeCase"), "Shortcut+W", () -> shell.caseActions().closeCase()),
                new SeparatorMenuItem(),
                item(m.get("action.importFiles"), "Shortcut+I", () -> shell.caseActions().chooseFilesToImport()),
                item(m.get("action.exportReport"), "Shortcut+E", () -> shell.caseActions().exportReport()),
                new SeparatorMenuItem(),
                item(m.get("menu.file.exit"), "Shortcut+Q", onExit));
    }

    private Menu view() {
        Menu theme = new Menu(m.get("menu.view.theme"));
        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem r = new RadioMenuItem(m.get("theme." + t.name().toLowerCase(java.util.Locale.ROOT)));
            r.setToggleGroup(themes);
            r.setSelected(shell.themes().themeProperty().get() == t);
            shell.themes().themeProperty().addListener((o, a, b) -> r.setSelected(b == t));
            r.setOnAction(e -> shell.themes().switchTo(t));
            theme.getItems().add(r);
        }
        Menu language = new Menu(m.get("menu.view.language"));
        ToggleGroup langs = new ToggleGroup();
        UiSettings settings = shell.settings();
        for (String tag : UiSettings.LANGUAGES) {
            RadioMenuItem r = new RadioMenuItem(m.get("language." + tag));
            r.setToggleGroup(langs);
            r.setSelected(tag.equalsIgnoreCase(settings.language()));
            r.setOnAction(e -> shell.switchLanguage(tag));
            language.getItems().add(r);
        }
        MenuItem note = new MenuItem(m.get("language.nextStart"));
        note.setDisable(true);
        language.getItems().addAll(new SeparatorMenuItem(), note);
        return new Menu(m.get("menu.view"), null,
                item(m.get("menu.view.palette"), "Shortcut+Shift+P", () -> shell.palette().show()),
                new SeparatorMenuItem(), theme, language,
                new SeparatorMenuItem(),
                item(m.get("menu.view.resetLayout"), null, () -> shell.layouts().reset()));
    }

    private Menu views() {
        Menu menu = new Menu(m.get("menu.views"));
        menu.getItems().add(new MenuItem());
        menu.setOnShowing(e -> {
            menu.getItems().clear();
            for (ViewContribution c : shell.dock().contributions()) {
                CheckMenuItem i = new CheckMenuItem(c.title());
                i.setSelected(shell.dock().openIds().contains(c.id()));
                i.setOnAction(x -> {
                    if (shell.dock().openIds().contains(c.id())) {
                        shell.dock().close(c.id());
                    } else {
                        shell.dock().open(c.id());
                    }
                });
                menu.getItems().add(i);
            }
        });
        return menu;
    }

    private Menu commands() {
        Menu menu = new Menu(m.get("menu.commands"));
        menu.getItems().add(new MenuItem());
        menu.setOnShowing(e -> {
            menu.getItems().clear();
            for (CommandSpec<?> c : shell.kernel().commands().commands()) {
                menu.getItems().add(item(c.title(), null, () -> shell.runner().run(c)));
            }
        });
        return menu;
    }

    private Menu help() {
        return new Menu(m.get("menu.help"), null,
                item(m.get("menu.help.guide"), "F1", () -> shell.dock().open("shell.guide")),
                item(m.get("menu.help.plugins"), null, () -> shell.dock().open("shell.plugins")),
                item(m.get("menu.help.log"), null, () -> shell.dock().open("shell.log")),
                item(m.get("menu.help.about"), null, () -> shell.dock().open("about.view")));
    }
}
