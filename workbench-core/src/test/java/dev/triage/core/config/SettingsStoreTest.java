package dev.triage.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.i18n.LanguageSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void writesAPlainFileThatReadsBack() throws Exception {
        Path file = dir.resolve("config/settings.properties");
        SettingsStore s = SettingsStore.load(file);
        s.set("ui.theme", "dark");
        s.set("notes.title", "慢查询 = slow: queries");
        s.set("notes.odd", " leading space\r\ttab\\back");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("ui.theme=dark").contains("慢查询");
        SettingsStore again = SettingsStore.load(file);
        assertThat(again.get("ui.theme")).contains("dark");
        assertThat(again.get("notes.title")).contains("慢查询 = slow: queries");
        assertThat(again.get("notes.odd")).contains(" leading space\r\ttab\\back");
        again.set("ui.theme", null);
        assertThat(SettingsStore.load(file).get("ui.theme")).isEmpty();
    }

    @Test
    void languageFollowsTheSettingOrTheOs() {
        SettingsStore s = SettingsStore.inMemory();
        LanguageSettings lang = new LanguageSettings(s);
        assertThat(lang.language()).isEqualTo("system");
        assertThat(lang.locale()).isEqualTo(Locale.getDefault());
        lang.setLanguage("zh-CN");
        assertThat(lang.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        lang.setLanguage("zh_CN");
        assertThat(lang.locale()).as("Java's underscore spelling works too").isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void anUnreadableFileMeansDefaults() throws Exception {
        Path file = Files.write(dir.resolve("settings.properties"), new byte[] {'a', '=', '\\', 'u', '1'});
        assertThat(SettingsStore.load(file).get("a")).isEmpty();
    }
}
