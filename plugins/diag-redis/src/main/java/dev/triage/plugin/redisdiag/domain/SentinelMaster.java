package dev.triage.plugin.redisdiag.domain;

import dev.triage.diag.domain.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One master as a Sentinel sees it, from {@code SENTINEL MASTERS} (field/value pairs).
 *
 * @param fields the fields by name, such as {@code name}, {@code ip}, {@code flags}, {@code quorum}
 */
public record SentinelMaster(Map<String, String> fields) {

    /** Copies the fields. */
    public SentinelMaster {
        fields = Map.copyOf(fields);
    }

    /**
     * Returns a field's text.
     *
     * @param key the field name
     * @return the value, or empty text
     */
    public String get(String key) {
        return fields.getOrDefault(key, "");
    }

    /**
     * Returns a field as a number.
     *
     * @param key the field name
     * @return the value, or NaN
     */
    public double num(String key) {
        return Numbers.parse(fields.get(key));
    }

    /**
     * Returns the flags.
     *
     * @return such as {@code master}, {@code s_down}, {@code o_down}, {@code disconnected}
     */
    public Set<String> flags() {
        return new java.util.TreeSet<>(java.util.Arrays.asList(get("flags").split(",")));
    }

    /**
     * Parses SENTINEL MASTERS output (raw or {@code --no-raw}): each master starts at a {@code name} field.
     *
     * @param text the output
     * @return the masters
     */
    public static List<SentinelMaster> parse(String text) {
        List<String> lines = RedisReply.lines(text).stream().filter(l -> !l.isEmpty()).toList();
        List<SentinelMaster> out = new ArrayList<>();
        Map<String, String> current = null;
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            String key = lines.get(i).strip();
            if (key.equals("name")) {
                if (current != null) {
                    out.add(new SentinelMaster(current));
                }
                current = new LinkedHashMap<>();
            }
            if (current != null) {
                current.put(key, lines.get(i + 1).strip());
            }
        }
        if (current != null) {
            out.add(new SentinelMaster(current));
        }
        return out;
    }
}
