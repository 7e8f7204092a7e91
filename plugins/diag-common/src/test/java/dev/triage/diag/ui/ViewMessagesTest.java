package dev.triage.diag.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.i18n.Messages;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The diagnostics views' texts exist in English and Chinese, and format their arguments. */
class ViewMessagesTest {

    static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = DiagnosticsView.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyEnglishTextHasAChineseOneAndArgumentsAreFormatted() throws Exception {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).containsAll(en.stringPropertyNames());
        Messages english = Messages.load(DiagnosticsView.MESSAGES, Locale.ROOT, getClass().getClassLoader());
        Messages chinese = Messages.load(DiagnosticsView.MESSAGES, Locale.SIMPLIFIED_CHINESE, getClass().getClassLoader());
        assertThat(english.get("card.findings", "WARNING", 1)).isEqualTo("WARNING · 1 finding");
        assertThat(english.get("card.findings", "CRITICAL", 3)).isEqualTo("CRITICAL · 3 findings");
        assertThat(chinese.get("card.findings", "CRITICAL", 3)).isEqualTo("CRITICAL · 3 条发现");
        assertThat(chinese.get("category.memory")).isEqualTo("内存");
        assertThat(english.get("status.saved")).isEqualTo(" · saved in the case");
    }
}
