package dev.triage.plugin.logs.infrastructure;

import dev.triage.plugin.logs.domain.FactRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/** Reads fact rules from TOML: the shipped defaults and the case's own files in {@code <case>/logs-rules/*.toml}. */
public final class RuleLoader {

    /** The folder of a case that holds its own rule files. */
    public static final String CASE_FOLDER = "logs-rules";

    private RuleLoader() {
    }

    /**
     * Parses rules from TOML text: an array of tables {@code [[rule]]} with name, pattern, fields and severity.
     *
     * @param toml the text
     * @param source the file name, for messages
     * @return the rules
     * @throws IllegalArgumentException naming the source and line when the text or a rule is wrong
     */
    public static List<FactRule> parse(String toml, String source) {
        TomlParseResult r;
        try {
            r = Toml.parse(toml);
        } catch (org.tomlj.TomlParseError e) {
            throw new IllegalArgumentException(source + " line " + e.position().line() + ": " + e.getMessage(), e);
        } catch (AssertionError e) {
            // tomlj checks some escapes with assert: with assertions on (tests) a broken escape ends there instead
            throw new IllegalArgumentException(source + ": not valid TOML (a broken escape sequence)", e);
        }
        if (r.hasErrors()) {
            var e = r.errors().get(0);
            throw new IllegalArgumentException(source + " line " + e.position().line() + ": " + e.getMessage());
        }
        TomlArray rules;
        try {
            rules = r.getArray("rule");
        } catch (org.tomlj.TomlInvalidTypeException e) {
            throw new IllegalArgumentException(source + ": 'rule' must be an array of tables [[rule]] (" + e.getMessage() + ")", e);
        }
        List<FactRule> out = new ArrayList<>();
        if (rules == null) {
            return out;
        }
        for (int i = 0; i < rules.size(); i++) {
            int line = r.inputPositionOf("rule") == null ? 0 : r.inputPositionOf("rule").line();
            try {
                TomlTable t = rules.getTable(i);
                List<String> fields = new ArrayList<>();
                TomlArray f = t.getArray("fields");
                if (f != null) {
                    for (int k = 0; k < f.size(); k++) {
                        fields.add(f.getString(k));
                    }
                }
                out.add(FactRule.of(t.getString("name"), t.getString("pattern"), fields, t.getString("severity")));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + " rule " + (i + 1) + (line > 0 ? "" : "") + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * Returns the shipped default rules.
     *
     * @return MySQL, Redis, Kafka and Java rules
     */
    public static List<FactRule> defaults() {
        try (InputStream in = RuleLoader.class.getResourceAsStream("/dev/triage/plugin/logs/rules/default-rules.toml")) {
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "default-rules.toml");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Returns the defaults followed by the case's own rules; a case rule with a default's name replaces it.
     *
     * @param caseFolder the case folder, or null
     * @return the rules
     * @throws IOException when a rule file cannot be read
     */
    public static List<FactRule> forCase(Path caseFolder) throws IOException {
        List<FactRule> rules = new ArrayList<>(defaults());
        if (caseFolder == null || !Files.isDirectory(caseFolder.resolve(CASE_FOLDER))) {
            return rules;
        }
        try (Stream<Path> files = Files.list(caseFolder.resolve(CASE_FOLDER))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".toml")).sorted().toList()) {
                for (FactRule rule : parse(Files.readString(p), p.getFileName().toString())) {
                    rules.removeIf(x -> x.name().equals(rule.name()));
                    rules.add(rule);
                }
            }
        }
        return rules;
    }
}
