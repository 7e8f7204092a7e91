package dev.triage.core.kernel;

import dev.triage.core.plugin.Version;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this Triage build, read from the jar. */
public final class CoreVersion {

    private CoreVersion() {
    }

    /**
     * Returns the build version.
     *
     * @return the version, {@code 0.0.0} when the build info is missing
     */
    public static Version get() {
        Properties p = new Properties();
        try (InputStream in = CoreVersion.class.getResourceAsStream("/dev/triage/core/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return Version.parse("0.0.0");
        }
        return Version.parse(p.getProperty("version", "0.0.0"));
    }
}
