package dev.triage.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ShellTextsTest {

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ShellTextsTest.class.getResourceAsStream("/dev/triage/app/shell/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseHasExactlyTheEnglishKeys() throws Exception {
        assertThat(load("messages_zh_CN.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void chineseTextsAreReadAsUtf8() {
        assertThat(ShellTexts.load(Locale.SIMPLIFIED_CHINESE).get("menu.file")).isEqualTo("文件");
        assertThat(ShellTexts.load(Locale.ENGLISH).get("menu.file")).isEqualTo("File");
    }

    @Test
    void theImportSummaryFormatsItsCounts() {
        assertThat(ShellTexts.load(Locale.ENGLISH).get("import.done", 2, 1204L, 3L))
                .isEqualTo("Imported 2 files, 1,204 rows, 3 skipped.");
    }
}
