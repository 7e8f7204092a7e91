package dev.triage.plugin.redisdiag.domain;

import dev.triage.diag.domain.Numbers;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a Redis {@code INFO} answer (any sections, CRLF or LF), also of {@code CLUSTER INFO}, which has the
 * same {@code key:value} lines without section headers.
 */
public final class RedisInfo {

    private final Map<String, String> fields;
    private final Map<String, String> sectionOf;

    private RedisInfo(Map<String, String> fields, Map<String, String> sectionOf) {
        this.fields = Collections.unmodifiableMap(fields);
        this.sectionOf = Collections.unmodifiableMap(sectionOf);
    }

    /**
     * Parses INFO text; lines that are not {@code key:value} or a {@code # Section} header are ignored.
     *
     * @param text the INFO output
     * @return the fields
     */
    public static RedisInfo parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> sections = new LinkedHashMap<>();
        String section = "";
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                section = line.substring(1).trim().toLowerCase(java.util.Locale.ROOT);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.contains(" ")) {
                continue;
            }
            String key = line.substring(0, colon);
            fields.put(key, line.substring(colon + 1));
            sections.put(key, section);
        }
        return new RedisInfo(fields, sections);
    }

    /**
     * Merges several INFO answers (such as INFO and CLUSTER INFO); later ones win on equal keys.
     *
     * @param parts the parsed answers
     * @return the merged fields
     */
    public static RedisInfo merge(List<RedisInfo> parts) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> sections = new LinkedHashMap<>();
        for (RedisInfo p : parts) {
            fields.putAll(p.fields);
            sections.putAll(p.sectionOf);
        }
        return new RedisInfo(fields, sections);
    }

    /**
     * Tells whether a field is present.
     *
     * @param key the field name
     * @return true when present
     */
    public boolean has(String key) {
        return fields.containsKey(key);
    }

    /**
     * Returns a field's text.
     *
     * @param key the field name
     * @return the value, or empty text when absent
     */
    public String get(String key) {
        return fields.getOrDefault(key, "");
    }

    /**
     * Returns a field as a number.
     *
     * @param key the field name
     * @return the value, or NaN when absent or not a number
     */
    public double num(String key) {
        return Numbers.parse(fields.get(key));
    }

    /**
     * Returns the {@code a=1,b=2} parts of a compound field such as {@code db0}, {@code slave0} or {@code cmdstat_get}.
     *
     * @param key the field name
     * @return the parts, empty when absent
     */
    public Map<String, String> parts(String key) {
        return split(fields.get(key));
    }

    /**
     * Splits a compound value {@code a=1,b=2}.
     *
     * @param value the value, possibly null
     * @return the parts in order
     */
    public static Map<String, String> split(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        for (String p : value.split(",")) {
            int eq = p.indexOf('=');
            if (eq > 0) {
                out.put(p.substring(0, eq), p.substring(eq + 1));
            }
        }
        return out;
    }

    /**
     * Returns the fields whose names start with a prefix, such as {@code cmdstat_} or {@code db}.
     *
     * @param prefix the prefix
     * @return the matching fields in order
     */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * Returns the section a field was listed under.
     *
     * @param key the field name
     * @return the lower-case section name, empty when none
     */
    public String section(String key) {
        return sectionOf.getOrDefault(key, "");
    }

    /**
     * Returns how many fields were read.
     *
     * @return the count
     */
    public int size() {
        return fields.size();
    }
}
