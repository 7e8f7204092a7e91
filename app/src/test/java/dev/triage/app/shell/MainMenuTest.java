package dev.triage.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainMenuTest extends ShellTestBase {


    private Menu menu(String titleKey) {
        MenuBar bar = (MenuBar) f.shell.scene().lookup(".main-menu");
        String title = f.shell.messages().get(titleKey);
        Menu m = bar.getMenus().stream().filter(x -> x.getText().equals(title)).findFirst().orElseThrow();
        m.getOnShowing().handle(null);
        return m;
    }

    @Test
    void theViewsMenuListsEveryContributionAndTogglesIt() throws Exception {
        List<String> titles = f.fx(() -> menu("menu.views").getItems().stream().map(MenuItem::getText).toList());
        assertThat(titles).contains("About", "Case files", "Welcome", "Plugins", "Log");

        f.fx(() -> {
            CheckMenuItem about = (CheckMenuItem) menu("menu.views").getItems().stream()
                    .filter(i -> i.getText().equals("About")).findFirst().orElseThrow();
            assertThat(about.isSelected()).isFalse();
            about.fire();
            return null;
        });
        assertThat(f.fx(() -> f.shell.dock().openIds())).contains("about.view");

        boolean checked = f.fx(() -> {
            CheckMenuItem about = (CheckMenuItem) menu("menu.views").getItems().stream()
                    .filter(i -> i.getText().equals("About")).findFirst().orElseThrow();
            boolean was = about.isSelected();
            about.fire();
            return was;
        });
        assertThat(checked).isTrue();
        assertThat(f.fx(() -> f.shell.dock().openIds())).doesNotContain("about.view");
    }

    @Test
    void theCommandsMenuRunsACommandAndShowsItsResult() throws Exception {
        f.fx(() -> {
            menu("menu.commands").getItems().stream().filter(i -> i.getText().equals("About Triage")).findFirst()
                    .orElseThrow().fire();
            return null;
        });

        assertThat(f.fx(() -> f.shell.notifications().notes().stream().map(n -> n.text()).toList()))
                .anyMatch(t -> t.startsWith("About Triage") && t.contains("0.1"));
    }
}
