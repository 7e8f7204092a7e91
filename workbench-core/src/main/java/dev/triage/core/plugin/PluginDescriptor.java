package dev.triage.core.plugin;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a plugin says about itself: id, display name, version, what it requires and what it offers.
 *
 * @param id a stable lower-case id such as {@code slowlog}
 * @param name the name shown to users
 * @param version the plugin's version
 * @param requires the plugins (and core version) it needs, started before it
 * @param capabilities free-form tags of what it offers, such as {@code view} or {@code import:slowlog}
 */
public record PluginDescriptor(String id, String name, Version version, List<PluginRequirement> requires,
                               Set<String> capabilities) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9._-]*");

    /**
     * Checks the id is well formed and copies the collections.
     *
     * @param id the id
     * @param name the name
     * @param version the version
     * @param requires the requires
     * @param capabilities the capabilities
     */
    public PluginDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Plugin id '" + id + "' must be lower case letters, digits, '.', '_' or '-'");
        }
        name = name == null || name.isBlank() ? id : name;
        Objects.requireNonNull(version, "version");
        requires = List.copyOf(requires);
        capabilities = Set.copyOf(capabilities);
    }

    /**
     * Builds a descriptor from text parts, the way plugins usually declare themselves.
     *
     * @param id the plugin id
     * @param name the display name
     * @param version the version text
     * @param requires requirement texts such as {@code core@[0.1,1.0)}
     * @return the descriptor with no capabilities
     */
    public static PluginDescriptor of(String id, String name, String version, String... requires) {
        return new PluginDescriptor(id, name, Version.parse(version),
                Arrays.stream(requires).map(PluginRequirement::parse).toList(), Set.of());
    }

    /**
     * Returns a copy with the given capabilities.
     *
     * @param caps the capability tags
     * @return the new descriptor
     */
    public PluginDescriptor withCapabilities(String... caps) {
        return new PluginDescriptor(id, name, version, requires, Set.of(caps));
    }
}
