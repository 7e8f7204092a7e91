package dev.triage.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.triage.app.shell.theme.Theme;
import dev.triage.app.shell.theme.ThemeManager;
import dev.triage.app.shell.theme.UiSettings;
import dev.triage.core.config.SettingsStore;
import java.nio.file.Path;
import javafx.application.Application;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeTest extends ShellTestBase {


    @Test
    void startsLightAndSwitchingChangesTheUserAgentStylesheetAndTheSettings() throws Exception {
        assertThat(f.fx(Application::getUserAgentStylesheet)).isEqualTo(new PrimerLight().getUserAgentStylesheet());

        f.fx(() -> {
            f.shell.themes().switchTo(Theme.DARK);
            return null;
        });

        assertThat(f.fx(Application::getUserAgentStylesheet)).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(f.kernel.settings().get("ui.theme")).contains("dark");
        assertThat(new UiSettings(f.kernel.settings()).theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void aNewShellAppliesTheRememberedTheme() throws Exception {
        f.fx(() -> {
            f.shell.themes().switchTo(Theme.DARK);
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            return null;
        });
        f.closeWindow();
        f.openWindow();

        assertThat(f.fx(Application::getUserAgentStylesheet)).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(f.fx(() -> f.shell.themes().themeProperty().get())).isEqualTo(Theme.DARK);
    }

    @Test
    void theSettingIsWrittenToTheSettingsFile() throws Exception {
        Path file = tmp.resolve("settings.properties");
        SettingsStore store = SettingsStore.load(file);
        f.fx(() -> {
            new ThemeManager(new UiSettings(store)).switchTo(Theme.DARK);
            return null;
        });

        assertThat(new UiSettings(SettingsStore.load(file)).theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void languageIsRememberedForTheNextStartAndTheUserIsTold() throws Exception {
        f.fx(() -> {
            f.shell.switchLanguage("zh-CN");
            return null;
        });

        assertThat(f.kernel.settings().get("ui.language")).contains("zh-CN");
        assertThat(f.fx(() -> f.shell.notifications().notes().get(0).text()))
                .isEqualTo(f.shell.messages().get("language.restart"));
    }
}
