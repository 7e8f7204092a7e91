package dev.triage.plugin.about;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.i18n.Messages;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.plugin.PluginState;
import dev.triage.core.ui.ViewContribution;
import dev.triage.testkit.TestKernels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AboutPluginTest {

    @TempDir
    Path home;

    @Test
    void runsAsABuiltInAndAnswersItsCommand() throws Exception {
        try (Kernel kernel = TestKernels.create(home, Duration.ofSeconds(5)).startPlugins()) {
            assertThat(kernel.plugins().find("about").orElseThrow().state()).isEqualTo(PluginState.RUNNING);
            AboutInfo info = (AboutInfo) kernel.commands().execute("about", null, null);
            assertThat(info.javaVersion()).isEqualTo(System.getProperty("java.version"));
            assertThat(info.folders().get("plugins")).isEqualTo(home.resolve("data/plugins").toString());
            assertThat(kernel.services().findAll(ViewContribution.class)).extracting(ViewContribution::id).contains("about.view");
        }
    }

    @Test
    void shipsEnglishAndSimplifiedChineseTexts() {
        ClassLoader cl = AboutPlugin.class.getClassLoader();
        Messages en = Messages.load("dev.triage.plugin.about.messages", Locale.ENGLISH, cl);
        Messages zh = Messages.load("dev.triage.plugin.about.messages", Locale.SIMPLIFIED_CHINESE, cl);
        assertThat(en.get("view.title")).isEqualTo("About");
        assertThat(zh.get("view.title")).isEqualTo("关于");
        assertThat(zh.get("no.such.key")).isEqualTo("!no.such.key!");
    }
}
