package dev.triage.core.plugin;

import java.util.Objects;

/**
 * A dependency of one plugin on another plugin (or on {@code core}, the kernel itself) within a version range.
 *
 * @param pluginId the id of the plugin required
 * @param range the versions accepted
 */
public record PluginRequirement(String pluginId, VersionRange range) {

    /**
     * Checks both parts are present.
     *
     * @param pluginId the pluginId
     * @param range the range
     */
    public PluginRequirement {
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(range, "range");
    }

    /**
     * Parses {@code id} or {@code id@range}, for example {@code core@[0.1,1.0)}.
     *
     * @param text the requirement text
     * @return the requirement
     */
    public static PluginRequirement parse(String text) {
        String t = text.trim();
        int at = t.indexOf('@');
        return at < 0 ? new PluginRequirement(t, VersionRange.ANY)
                : new PluginRequirement(t.substring(0, at).trim(), VersionRange.parse(t.substring(at + 1)));
    }

    /** Returns the requirement as {@code id@range}. */
    @Override
    public String toString() {
        return pluginId + "@" + range;
    }
}
