package dev.triage.plugin.overview.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.core.finding.Severity;
import dev.triage.plugin.overview.application.CollectorSettings;
import dev.triage.plugin.overview.domain.AlertRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Alert rules as data (docs/alert-rules.md): {@code alert-rules.json} in the case folder, else in the settings folder, else the
 * shipped defaults. A bad rule is reported with the file and its position in the list.
 */
public final class AlertRulesFile {

    /** The JSON file name looked up in the case and the settings folder. */
    public static final String FILE = "alert-rules.json";
    /** The TOML file name, looked up before the JSON one in each folder. */
    public static final String TOML_FILE = "alert-rules.toml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertRulesFile() {
    }

    /**
     * The rules in effect.
     *
     * @param caseFolder the open case's folder, or null
     * @param configFolder the settings folder, or null
     * @return the rules
     * @throws IOException when a rules file cannot be read or holds a bad rule
     */
    public static List<AlertRule> load(Path caseFolder, Path configFolder) throws IOException {
        Path file = find(caseFolder, configFolder);
        if (file == null) {
            return defaults();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return file.getFileName().toString().endsWith(".toml") ? parseToml(text, file.toString()) : parse(text, file.toString());
    }

    /**
     * The rules file in effect: in the case folder, then the settings folder, {@code alert-rules.toml} before
     * {@code alert-rules.json}.
     *
     * @param caseFolder the open case's folder, or null
     * @param configFolder the settings folder, or null
     * @return the file, or null when the defaults apply
     */
    public static Path find(Path caseFolder, Path configFolder) {
        for (Path folder : new Path[] {caseFolder, configFolder}) {
            for (String name : new String[] {TOML_FILE, FILE}) {
                if (folder != null && Files.isRegularFile(folder.resolve(name))) {
                    return folder.resolve(name);
                }
            }
        }
        return null;
    }

    /**
     * Parses rules written in TOML ({@code [[rules]]} tables with the JSON format's fields).
     *
     * @param text the TOML text
     * @param source the file name for messages
     * @return the rules
     * @throws IOException when the text is not valid TOML or a rule is bad
     */
    public static List<AlertRule> parseToml(String text, String source) throws IOException {
        org.tomlj.TomlParseResult toml;
        try {
            toml = org.tomlj.Toml.parse(text);
        } catch (org.tomlj.TomlParseError e) {
            throw new IOException(source + " is not valid TOML at line " + e.position().line() + ": " + e.getMessage(), e);
        } catch (AssertionError e) {
            // tomlj checks some escapes with assert: with assertions on (tests) a broken escape ends there instead
            throw new IOException(source + " is not valid TOML (a broken escape sequence)", e);
        }
        if (toml.hasErrors()) {
            org.tomlj.TomlParseError e = toml.errors().get(0);
            throw new IOException(source + " is not valid TOML at line " + e.position().line() + ": " + e.getMessage());
        }
        return parse(toml.toJson(), source);
    }

    /**
     * The shipped default rules.
     *
     * @return the rules
     * @throws IOException when the resource is missing
     */
    public static List<AlertRule> defaults() throws IOException {
        try (InputStream in = AlertRulesFile.class.getResourceAsStream("default-alert-rules.json")) {
            if (in == null) {
                throw new IOException("default-alert-rules.json is missing from the overview plugin");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-alert-rules.json");
        }
    }

    /**
     * Parses rules.
     *
     * @param text the JSON text
     * @param source the file name for messages
     * @return the rules
     * @throws IOException when the text is not valid or a rule is bad
     */
    public static List<AlertRule> parse(String text, String source) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IOException(source + " is not valid JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        }
        List<AlertRule> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root.path("rules")) {
            i++;
            try {
                out.add(new AlertRule(n.path("name").asText(null), n.path("metric").asText(null), AlertRule.Op.parse(n.path("op").asText(">")),
                        n.path("threshold").asDouble(), CollectorSettings.parseDuration(n.path("for").asText("0s")),
                        Severity.valueOf(n.path("severity").asText("WARNING").toUpperCase(Locale.ROOT)), n.path("targets").asText(null),
                        n.path("summary").asText(null), CollectorSettings.parseDuration(n.path("keep_firing_for").asText("0s")),
                        labels(n.path("labels"))));
            } catch (RuntimeException e) {
                throw new IOException(source + ": rule " + i + " (" + n.path("name").asText("?") + "): " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static java.util.Map<String, String> labels(JsonNode node) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /**
     * Writes rules in the documented format (atomically: a temporary file moved over the old one).
     *
     * @param rules the rules
     * @param file the file
     * @throws IOException when it cannot be written, or a rule is invalid
     */
    public static void write(List<AlertRule> rules, Path file) throws IOException {
        List<String> problems = dev.triage.plugin.overview.application.AlertRuleFiles.problems(rules);
        if (!problems.isEmpty()) {
            throw new IOException(file.getFileName() + ": " + String.join("; ", problems));
        }
        com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        com.fasterxml.jackson.databind.node.ArrayNode list = root.putArray("rules");
        for (AlertRule r : rules) {
            com.fasterxml.jackson.databind.node.ObjectNode n = list.addObject();
            n.put("name", r.name());
            n.put("metric", r.metric());
            n.put("op", r.op().symbol());
            n.put("threshold", r.threshold());
            n.put("for", duration(r.forDuration()));
            if (!r.keepFiringFor().isZero()) {
                n.put("keep_firing_for", duration(r.keepFiringFor()));
            }
            n.put("severity", r.severity().name());
            n.put("targets", r.targets());
            n.put("summary", r.summary());
            if (!r.labels().isEmpty()) {
                com.fasterxml.jackson.databind.node.ObjectNode labels = n.putObject("labels");
                r.labels().forEach(labels::put);
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A duration as the file writes it: 90s, 5m, 1h, or 1500ms when it has milliseconds.
     *
     * @param d the duration
     * @return the text
     */
    public static String duration(java.time.Duration d) {
        if (d.getNano() % 1_000_000 == 0 && d.getNano() != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.getSeconds();
        if (s != 0 && s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s != 0 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }

    /**
     * Writes rules as TOML, the same fields as the JSON format (atomically).
     *
     * @param rules the rules
     * @param file the file
     * @throws IOException when it cannot be written, or a rule is invalid
     */
    public static void writeToml(List<AlertRule> rules, Path file) throws IOException {
        List<String> problems = dev.triage.plugin.overview.application.AlertRuleFiles.problems(rules);
        if (!problems.isEmpty()) {
            throw new IOException(file.getFileName() + ": " + String.join("; ", problems));
        }
        StringBuilder b = new StringBuilder("# Triage alert rules (docs/alert-rules.md)\nformat = 1\n");
        for (AlertRule r : rules) {
            b.append("\n[[rules]]\n");
            b.append("name = ").append(quote(r.name())).append('\n');
            b.append("metric = ").append(quote(r.metric())).append('\n');
            b.append("op = ").append(quote(r.op().symbol())).append('\n');
            b.append("threshold = ").append(r.threshold() == Math.rint(r.threshold()) && Math.abs(r.threshold()) < 1e15
                    ? Long.toString((long) r.threshold()) : Double.toString(r.threshold())).append('\n');
            b.append("for = ").append(quote(duration(r.forDuration()))).append('\n');
            if (!r.keepFiringFor().isZero()) {
                b.append("keep_firing_for = ").append(quote(duration(r.keepFiringFor()))).append('\n');
            }
            b.append("severity = ").append(quote(r.severity().name())).append('\n');
            b.append("targets = ").append(quote(r.targets())).append('\n');
            b.append("summary = ").append(quote(r.summary())).append('\n');
            if (!r.labels().isEmpty()) {
                b.append("labels = { ").append(String.join(", ", r.labels().entrySet().stream()
                        .map(e -> quote(e.getKey()) + " = " + quote(e.getValue())).toList())).append(" }\n");
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** A TOML basic string: JSON's string escapes are TOML's (quote, backslash, control characters as \\uXXXX). */
    private static String quote(String s) {
        return JSON.getNodeFactory().textNode(s).toString();
    }
}
