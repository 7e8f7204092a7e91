package dev.triage.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.config.AppPaths;
import dev.triage.core.config.SettingsStore;
import dev.triage.core.i18n.LanguageSettings;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTextsTest {

    @TempDir
    Path home;

    private static Set<String> keys(String file) throws Exception {
        Properties p = new Properties();
        try (InputStream in = CliTexts.class.getResourceAsStream("/dev/triage/app/cli/" + file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p.stringPropertyNames();
    }

    @Test
    void chineseHasExactlyTheEnglishKeys() throws Exception {
        assertThat(keys("messages_zh_CN.properties")).containsExactlyInAnyOrderElementsOf(keys("messages.properties"));
    }

    @Test
    void theLanguageFollowsTheWindowsSetting() {
        AppPaths paths = AppPaths.under(home);
        assertThat(CliTexts.locale(paths)).isEqualTo(Locale.getDefault());
        new LanguageSettings(SettingsStore.load(paths.config().resolve("settings.properties"))).setLanguage("zh-CN");
        assertThat(CliTexts.locale(paths)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void chineseTextsAreReadAsUtf8AndFormatted() {
        assertThat(CliTexts.load(Locale.SIMPLIFIED_CHINESE).get("import.done", 2, 1204L, 3L)).isEqualTo("已导入 2 个文件、1,204 行，跳过 3 个");
        assertThat(CliTexts.bundle(Locale.SIMPLIFIED_CHINESE).getString("triage.gui.usage.description")).isEqualTo("打开窗口。");
        assertThat(CliTexts.load(Locale.ENGLISH).get("run.notKeyValue", "x")).isEqualTo("argument 'x' is not key=value");
    }
}
