package dev.triage.diag.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.diag.domain.Rules;
import dev.triage.diag.domain.Threshold;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a plugin's thresholds file ({@code <plugin-id>-rules.json} in its jar) and the user's overrides
 * ({@code diagnostics/<plugin-id>.json} in the settings folder, or a file given on the command line); see
 * docs/diagnostics-rules.md.
 */
public final class RulesLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RulesLoader() {
    }

    /**
     * Reads the rules shipped in a plugin's jar.
     *
     * @param owner a class of the plugin, whose class loader has the file
     * @param pluginId the plugin id, naming {@code <pluginId>-rules.json} beside the owner class
     * @return the rules
     */
    public static Rules defaults(Class<?> owner, String pluginId) {
        String name = pluginId + "-rules.json";
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The rules file " + name + " is missing beside " + owner.getName());
            }
            return new Rules(read(JSON.readTree(in), Map.of(), name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules file " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Applies the overrides of a user's rules file to the defaults; only the fields it names change.
     *
     * @param defaults the shipped rules
     * @param file the user's file; nothing changes when it does not exist
     * @return the merged rules
     * @throws IOException when the file exists but is not a valid rules file (the message names it)
     */
    public static Rules override(Rules defaults, Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return defaults;
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("The rules file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        return defaults.with(read(root, defaults.all(), file.toString()));
    }

    /**
     * Returns where a user overrides a plugin's rules.
     *
     * @param configFolder the settings folder
     * @param pluginId the plugin id
     * @return {@code <config>/diagnostics/<pluginId>.json}
     */
    public static Path userFile(Path configFolder, String pluginId) {
        return configFolder.resolve("diagnostics").resolve(pluginId + ".json");
    }

    private static Map<String, Threshold> read(JsonNode root, Map<String, Threshold> base, String file) throws IOException {
        JsonNode rules = root.path("rules");
        if (!rules.isObject()) {
            throw new IOException("The rules file " + file + " needs an object \"rules\" of thresholds");
        }
        Map<String, Threshold> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Threshold was = base.get(e.getKey());
            JsonNode n = e.getValue();
            double warning = number(n, "warning", was == null ? Double.NaN : was.warning(), file, e.getKey());
            double critical = number(n, "critical", was == null ? Double.NaN : was.critical(), file, e.getKey());
            boolean below = n.has("below") ? n.get("below").asBoolean() : was != null && was.below();
            String description = n.has("description") ? n.get("description").asText() : was == null ? "" : was.description();
            out.put(e.getKey(), new Threshold(e.getKey(), warning, critical, below, description));
        }
        return out;
    }

    private static double number(JsonNode n, String field, double fallback, String file, String key) throws IOException {
        JsonNode v = n.get(field);
        if (v == null) {
            if (Double.isNaN(fallback)) {
                throw new IOException("The rules file " + file + " gives rule '" + key + "' no \"" + field + "\" value");
            }
            return fallback;
        }
        if (!v.isNumber()) {
            throw new IOException("The rules file " + file + " gives rule '" + key + "' a \"" + field + "\" that is not a number: " + v);
        }
        return v.asDouble();
    }
}
