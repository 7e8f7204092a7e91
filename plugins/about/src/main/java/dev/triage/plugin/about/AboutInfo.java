package dev.triage.plugin.about;

import dev.triage.core.kernel.CoreVersion;
import dev.triage.core.plugin.PluginContext;
import java.util.Map;

/**
 * What the About view and the {@code about} command show: versions and where Triage keeps its files.
 *
 * @param triageVersion the core version
 * @param javaVersion the running Java version
 * @param javaVendor the JVM vendor
 * @param os the operating system and architecture
 * @param folders the app-data folders by role
 */
public record AboutInfo(String triageVersion, String javaVersion, String javaVendor, String os, Map<String, String> folders) {

    /** Collects the information from the running kernel. */
    static final class Source {
        private final PluginContext context;

        Source(PluginContext context) {
            this.context = context;
        }

        AboutInfo collect() {
            var p = context.paths();
            return new AboutInfo(CoreVersion.get().toString(), System.getProperty("java.version"),
                    System.getProperty("java.vendor"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    Map.of("config", p.config().toString(), "data", p.data().toString(), "logs", p.logs().toString(),
                            "plugins", p.plugins().toString()));
        }
    }
}
