package dev.triage.plugin.rca.infrastructure;

import dev.triage.plugin.rca.domain.EvidenceSpec;
import dev.triage.plugin.rca.domain.Rule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/** Reads root-cause rules from TOML (format in docs/rca-rules.md); errors name the file, the rule and the line. */
public final class RuleFile {

    /** The rules shipped with the plugin, on the class path. */
    public static final String SHIPPED = "/dev/triage/plugin/rca/rules.toml";

    private RuleFile() {
    }

    /**
     * Reads the shipped rules.
     *
     * @return the rules
     */
    public static List<Rule> shipped() {
        return parse(ShippedFile.read(SHIPPED), "rules.toml");
    }

    /**
     * Parses rules.
     *
     * @param text the TOML text
     * @param name the file name for messages
     * @return the rules in file order
     * @throws IllegalArgumentException naming the file, line and rule when the text is not a valid rule file
     */
    public static List<Rule> parse(String text, String name) {
        TomlParseResult toml = KnownIssueLookup.toml(text, name);
        if (toml.hasErrors()) {
            var e = toml.errors().get(0);
            throw new IllegalArgumentException(name + " line " + e.position().line() + ": " + e.getMessage());
        }
        TomlArray rules = toml.getArray("rule");
        if (rules == null) {
            throw new IllegalArgumentException(name + ": no [[rule]] tables");
        }
        List<Rule> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            TomlTable t = rules.getTable(i);
            String id = t.getString("id");
            String where = name + " rule " + (id == null ? "#" + (i + 1) : "'" + id + "'");
            try {
                if (id == null || !ids.add(id)) {
                    throw new IllegalArgumentException(id == null ? "needs an id" : "id is used twice");
                }
                out.add(new Rule(id, t.getString("product"), require(t, "title"), t.getString("explanation"), t.getString("suggestion"),
                        duration(t.getString("window")), t.getDouble("min_confidence", () -> 0.5), evidence(t.getArray("evidence"))));
            } catch (IllegalArgumentException | org.tomlj.TomlInvalidTypeException e) {
                throw new IllegalArgumentException(where + " (line " + t.inputPositionOf("id").line() + "): " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<EvidenceSpec> evidence(TomlArray array) {
        if (array == null) {
            throw new IllegalArgumentException("needs [[rule.evidence]] tables");
        }
        List<EvidenceSpec> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            TomlTable e = array.getTable(i);
            String id = require(e, "id");
            String pattern = e.getString("pattern");
            if (pattern != null) {
                try {
                    Pattern.compile(pattern);
                } catch (PatternSyntaxException x) {
                    throw new IllegalArgumentException("evidence '" + id + "' has an invalid pattern: " + x.getDescription(), x);
                }
            }
            String kind = e.getString("kind", () -> "finding");
            if ("finding".equals(kind) && pattern == null) {
                throw new IllegalArgumentException("evidence '" + id + "' of kind finding needs a pattern");
            }
            if ("sql".equals(kind) && e.getString("query") == null) {
                throw new IllegalArgumentException("evidence '" + id + "' of kind sql needs a query");
            }
            List<String> tables = new ArrayList<>();
            TomlArray ts = e.getArray("tables");
            if (ts != null) {
                for (int j = 0; j < ts.size(); j++) {
                    tables.add(ts.getString(j).toLowerCase(Locale.ROOT));
                }
            }
            out.add(new EvidenceSpec(id, kind, e.getString("describe"), pattern, e.getString("plugin"), e.getString("min_severity"),
                    tables, e.getString("query"), e.getDouble("weight", () -> 1.0), e.getBoolean("required", () -> false)));
        }
        return out;
    }

    private static String require(TomlTable t, String key) {
        String v = t.getString(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("needs " + key);
        }
        return v;
    }

    /**
     * Reads a duration such as {@code 30m}, {@code 2h}, {@code 90s} or {@code 1d}.
     *
     * @param text the text, null for the 30-minute default
     * @return the duration
     */
    static Duration duration(String text) {
        if (text == null) {
            return Duration.ofMinutes(30);
        }
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*([smhd])").matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("window '" + text + "' is not a duration such as 30m, 2h, 90s or 1d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
