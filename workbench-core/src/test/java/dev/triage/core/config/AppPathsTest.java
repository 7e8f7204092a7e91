package dev.triage.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppPathsTest {

    private final Path home = Path.of("/home/dba");

    @Test
    void linuxFollowsXdgWithDefaults() {
        AppPaths p = AppPaths.resolve(Map.of(), "Linux", home);
        assertThat(p.config()).isEqualTo(home.resolve(".config/triage"));
        assertThat(p.data()).isEqualTo(home.resolve(".local/share/triage"));
        assertThat(p.logs()).isEqualTo(home.resolve(".local/state/triage/logs"));
        assertThat(p.plugins()).isEqualTo(home.resolve(".local/share/triage/plugins"));
        AppPaths xdg = AppPaths.resolve(Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_CACHE_HOME", "/c"), "Linux", home);
        assertThat(xdg.config()).isEqualTo(Path.of("/cfg/triage"));
        assertThat(xdg.cache()).isEqualTo(Path.of("/c/triage"));
    }

    @Test
    void windowsAndMacUseTheirConventionalFolders() {
        AppPaths win = AppPaths.resolve(Map.of("APPDATA", "C:/Users/dba/AppData/Roaming",
                "LOCALAPPDATA", "C:/Users/dba/AppData/Local"), "Windows 11", home);
        assertThat(win.config()).isEqualTo(Path.of("C:/Users/dba/AppData/Roaming/Triage"));
        assertThat(win.logs()).isEqualTo(Path.of("C:/Users/dba/AppData/Local/Triage/logs"));
        AppPaths mac = AppPaths.resolve(Map.of(), "Mac OS X", home);
        assertThat(mac.config()).isEqualTo(home.resolve("Library/Application Support/Triage"));
        assertThat(mac.logs()).isEqualTo(home.resolve("Library/Logs/Triage"));
    }

    @Test
    void triageHomeOverridesEverything() {
        AppPaths p = AppPaths.resolve(Map.of("TRIAGE_HOME", "/tmp/t", "XDG_CONFIG_HOME", "/cfg"), "Linux", home);
        assertThat(p.config()).isEqualTo(Path.of("/tmp/t/config"));
        assertThat(p.logs()).isEqualTo(Path.of("/tmp/t/logs"));
    }
}
