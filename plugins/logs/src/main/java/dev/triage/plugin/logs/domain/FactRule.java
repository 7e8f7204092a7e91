package dev.triage.plugin.logs.domain;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fact rule: when its RE2 pattern matches an entry, the entry is a fact of that name, with the named groups listed in
 * {@code fields} as its fields.
 *
 * @param name the rule name, such as {@code mysql.deadlock}
 * @param pattern the RE2 pattern (named groups as {@code (?P<name>...)})
 * @param fields the named groups kept as fields
 * @param severity INFO, WARNING or CRITICAL
 * @param compiled the compiled pattern
 */
public record FactRule(String name, String pattern, List<String> fields, String severity, Pattern compiled) {

    /**
     * Compiles a rule.
     *
     * @param name the name
     * @param pattern the RE2 pattern
     * @param fields the named groups to keep
     * @param severity the severity, INFO when null
     * @return the rule
     * @throws IllegalArgumentException when the pattern does not compile or a field is no group of it
     */
    public static FactRule of(String name, String pattern, List<String> fields, String severity) {
        if (name == null || name.isBlank() || pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a rule needs a name and a pattern");
        }
        Pattern p;
        try {
            p = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("rule " + name + ": bad pattern: " + e.getMessage(), e);
        }
        List<String> f = fields == null ? List.of() : List.copyOf(fields);
        for (String field : f) {
            if (!p.namedGroups().containsKey(field)) {
                throw new IllegalArgumentException("rule " + name + ": field '" + field + "' is no named group (?P<" + field + ">...) of the pattern");
            }
        }
        String sev = severity == null ? "INFO" : severity.strip().toUpperCase(java.util.Locale.ROOT);
        if (!List.of("INFO", "WARNING", "CRITICAL").contains(sev)) {
            throw new IllegalArgumentException("rule " + name + ": severity must be INFO, WARNING or CRITICAL, not " + severity);
        }
        return new FactRule(name, pattern, f, sev, p);
    }

    /**
     * Matches the rule against a text.
     *
     * @param text an entry's text
     * @return the fields (empty values for groups that did not take part), or null when the rule does not match
     */
    public Map<String, String> match(String text) {
        Matcher m = compiled.matcher(text);
        if (!m.find()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : fields) {
            String v = m.group(f);
            out.put(f, v == null ? "" : v);
        }
        return out;
    }
}
