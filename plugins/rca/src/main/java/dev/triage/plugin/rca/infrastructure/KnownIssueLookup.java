package dev.triage.plugin.rca.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.command.CommandOutput;
import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.FindingStore;
import dev.triage.plugin.rca.application.KnownIssueArgs;
import dev.triage.plugin.rca.domain.KnownIssue;
import dev.triage.plugin.rca.domain.Version;
import dev.triage.plugin.rca.domain.VersionRange;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Looks known issues up offline: by product and version (given, or found in the case's findings and log lines) and by
 * the symptoms seen in the case; on request also online, from the products' public issue trackers (see
 * {@link OnlineKnownIssues}), whose last answer is cached for offline use.
 */
public final class KnownIssueLookup {

    /** The known issues shipped with the plugin. */
    public static final String SHIPPED = "/dev/triage/plugin/rca/known-issues.toml";

    /** Version patterns per product, tried on findings and log lines; group 1 is the version. */
    private static final List<Map.Entry<String, Pattern>> VERSION_PATTERNS = List.of(
            Map.entry("tidb", Pattern.compile("(?i)(?:TiDB-v|Release Version:\\s*v?)(\\d+\\.\\d+\\.\\d+)")),
            Map.entry("redis", Pattern.compile("(?i)(?:redis_version:|Redis version=)(\\d+\\.\\d+\\.\\d+)")),
            Map.entry("kafka", Pattern.compile("(?i)Kafka version:?\\s*(\\d+\\.\\d+\\.\\d+)")),
            Map.entry("mariadb", Pattern.compile("(?i)(\\d+\\.\\d+\\.\\d+)-MariaDB")),
            Map.entry("mysql", Pattern.compile("(?i)(?:mysqld \\(mysqld |Version: '|Server version:?\\s*|\\bversion\\s*[|\\t]\\s*)(\\d+\\.\\d+\\.\\d+)")));

    private final List<KnownIssue> issues;
    private final OnlineKnownIssues online;

    /**
     * Creates an offline lookup over a list.
     *
     * @param issues the known issues
     */
    public KnownIssueLookup(List<KnownIssue> issues) {
        this(issues, null);
    }

    /**
     * Creates a lookup over a list that can also search online.
     *
     * @param issues the known issues
     * @param online the online refresher, or null for none
     */
    public KnownIssueLookup(List<KnownIssue> issues, OnlineKnownIssues online) {
        this.issues = List.copyOf(issues);
        this.online = online;
    }

    /**
     * Returns the list this lookup searches.
     *
     * @return the known issues
     */
    public List<KnownIssue> issues() {
        return issues;
    }

    /**
     * Reads the shipped list.
     *
     * @return the known issues
     */
    public static List<KnownIssue> shipped() {
        return parse(ShippedFile.read(SHIPPED), "known-issues.toml");
    }

    /**
     * Parses a known-issues file.
     *
     * @param text the TOML text
     * @param name the file name for messages
     * @return the issues
     */
    public static List<KnownIssue> parse(String text, String name) {
        TomlParseResult toml = toml(text, name);
        if (toml.hasErrors()) {
            throw new IllegalArgumentException(name + " line " + toml.errors().get(0).position().line() + ": "
                    + toml.errors().get(0).getMessage());
        }
        TomlArray array = toml.getArray("issue");
        List<KnownIssue> out = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            TomlTable t = array.getTable(i);
            String id = t.getString("id");
            try {
                out.add(new KnownIssue(id, t.getString("product"), t.getString("title"), VersionRange.parse(t.getString("affected")),
                        strings(t.getArray("fixed")), strings(t.getArray("symptoms")).stream()
                        .map(s -> Pattern.compile(s, Pattern.CASE_INSENSITIVE)).toList(), t.getString("link")));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + " issue '" + id + "' (line " + t.inputPositionOf("id").line() + "): "
                        + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * Parses TOML, turning the parser's own exception (or assertion) for some broken inputs (an invalid escape in a quoted
     * key) into an error naming the file, as its reported errors are.
     *
     * @param text the TOML text
     * @param name the file name for messages
     * @return the parse result, possibly with errors
     * @throws IllegalArgumentException naming the file when the parser gives up
     */
    static TomlParseResult toml(String text, String name) {
        try {
            return Toml.parse(text);
        } catch (org.tomlj.TomlParseError e) {
            throw new IllegalArgumentException(name + " line " + e.position().line() + ": " + e.getMessage(), e);
        } catch (AssertionError e) {
            // tomlj checks some escapes with assert: with assertions on (tests) a broken escape ends there instead
            throw new IllegalArgumentException(name + ": not valid TOML (a broken escape sequence)", e);
        }
    }

    private static List<String> strings(TomlArray a) {
        List<String> out = new ArrayList<>();
        for (int i = 0; a != null && i < a.size(); i++) {
            out.add(a.getString(i));
        }
        return out;
    }

    /**
     * Lists the issues affecting a product version, those whose symptoms appear in the texts first.
     *
     * @param product the product
     * @param version the version
     * @param texts what the case shows (finding titles and evidence, log lines)
     * @return the matches
     */
    public List<Match> match(String product, Version version, List<String> texts) {
        List<Match> out = new ArrayList<>();
        for (KnownIssue k : issues) {
            if (k.product().equalsIgnoreCase(product) && k.affected().contains(version)) {
                Set<String> seen = new LinkedHashSet<>();
                for (Pattern p : k.symptoms()) {
                    for (String t : texts) {
                        if (p.matcher(t).find()) {
                            seen.add(t.length() > 200 ? t.substring(0, 200) + "…" : t);
                            break;
                        }
                    }
                }
                out.add(new Match(k, product, version.text(), List.copyOf(seen)));
            }
        }
        out.sort(Comparator.comparingInt((Match m) -> -m.symptoms().size()).thenComparing(m -> m.issue().id()));
        return out;
    }

    /**
     * Finds the products and versions a case shows, in its findings and log lines.
     *
     * @param texts the texts to scan
     * @return product to version, the first seen for each
     */
    public static Map<String, Version> detect(List<String> texts) {
        Map<String, Version> out = new LinkedHashMap<>();
        for (String t : texts) {
            for (Map.Entry<String, Pattern> e : VERSION_PATTERNS) {
                Matcher m = e.getValue().matcher(t);
                if (m.find()) {
                    String product = e.getKey();
                    if (product.equals("mysql") && t.toLowerCase(Locale.ROOT).contains("mariadb")) {
                        product = "mariadb";
                    }
                    if (product.equals("mysql") && t.contains("TiDB")) {
                        continue;
                    }
                    out.putIfAbsent(product, Version.parse(m.group(1)));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Collects the texts of a case that symptoms and versions are looked for in: findings and, when there, log lines.
     *
     * @param c the case
     * @return the texts
     * @throws SQLException when the case cannot be read
     */
    public static List<String> caseTexts(Case c) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Finding f : new FindingStore(c).list()) {
            out.add(f.title());
            f.evidence().stream().map(Evidence::value).forEach(out::add);
        }
        out.addAll(versionLines(c.folder().resolve("captures")));
        out.addAll(versionLines(c.sources()));
        try (Connection conn = c.newConnection(); Statement st = conn.createStatement()) {
            boolean logs;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 'logs_entries'")) {
                logs = rs.next() && rs.getLong(1) > 0;
            }
            if (logs) {
                st.setMaxRows(5000);
                try (ResultSet rs = st.executeQuery("SELECT message FROM logs_entries WHERE level IN ('ERROR', 'FATAL', 'WARN', 'WARNING')"
                        + " OR regexp_matches(message, '(?i)version') ORDER BY ts_us")) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Reads the lines that name a version from the text files of a case folder (saved captures such as INFO output,
     * imported logs): the first 64 KiB of at most 500 files.
     *
     * @param folder the folder, possibly absent
     * @return the lines mentioning a version, split at escaped line breaks too (captures are JSON)
     */
    static List<String> versionLines(java.nio.file.Path folder) {
        List<String> out = new ArrayList<>();
        if (!java.nio.file.Files.isDirectory(folder)) {
            return out;
        }
        try (var files = java.nio.file.Files.walk(folder)) {
            for (java.nio.file.Path f : files.filter(java.nio.file.Files::isRegularFile).limit(500).toList()) {
                byte[] head;
                try (var in = java.nio.file.Files.newInputStream(f)) {
                    head = in.readNBytes(64 * 1024);
                }
                for (String line : new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).split("\\\\r\\\\n|\\\\n|\\R")) {
                    if (line.toLowerCase(Locale.ROOT).contains("version")) {
                        out.add(line.length() > 300 ? line.substring(0, 300) : line);
                    }
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // A folder that cannot be read adds no versions; the findings and logs still count.
            return out;
        }
        return out;
    }

    /**
     * Runs {@code triage rca known-issues}.
     *
     * @param args product, version and search words
     * @param c the open case, or null
     * @return the matches
     * @throws SQLException when the case cannot be read
     */
    public Result run(KnownIssueArgs args, Case c) throws SQLException {
        KnownIssueArgs a = args == null ? new KnownIssueArgs(null, null, null) : args;
        List<String> texts = c == null ? List.of() : caseTexts(c);
        List<Match> out = new ArrayList<>();
        Map<String, Version> versions = new LinkedHashMap<>();
        if (a.product() != null && a.version() != null) {
            versions.put(a.product().toLowerCase(Locale.ROOT), Version.parse(a.version()));
        } else {
            versions.putAll(detect(texts));
            if (a.product() != null) {
                versions.keySet().retainAll(Set.of(a.product().toLowerCase(Locale.ROOT)));
            }
        }
        versions.forEach((p, v) -> out.addAll(match(p, v, texts)));
        if (a.search() != null && !a.search().isBlank()) {
            out.removeIf(m -> !m.issue().mentions(a.search()));
            if (versions.isEmpty()) {
                issues.stream().filter(k -> k.mentions(a.search())).forEach(k -> out.add(new Match(k, k.product(), "", List.of())));
            }
        }
        List<OnlineKnownIssues.Refresh> fetched = new ArrayList<>();
        if (online != null) {
            boolean ask = Boolean.TRUE.equals(a.online());
            versions.forEach((p, v) -> fetched.add(ask ? online.refresh(p, v, a.search()) : online.cached(p, v)));
            fetched.removeIf(r -> !ask && r.issues().isEmpty());
        }
        return new Result(versions.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().text()).toList(), out, fetched);
    }

    /**
     * A known issue that applies to the case.
     *
     * @param issue the issue
     * @param product the product it was matched for
     * @param version the version it was matched for, empty for a search hit
     * @param symptoms the case texts that match its symptoms
     */
    public record Match(KnownIssue issue, String product, String version, List<String> symptoms) {
    }

    /**
     * The result of a lookup.
     *
     * @param detected the products and versions looked up
     * @param matches the issues found, those with symptoms in the case first
     * @param online what the products' issue trackers answered (or the cached answer), one entry per product version
     */
    public record Result(List<String> detected, List<Match> matches, List<OnlineKnownIssues.Refresh> online) implements CommandOutput {

        /**
         * A result of the shipped list only.
         *
         * @param detected the products and versions looked up
         * @param matches the issues found
         */
        public Result(List<String> detected, List<Match> matches) {
            this(detected, matches, List.of());
        }

        @Override
        public String text() {
            StringBuilder b = new StringBuilder();
            b.append(detected.isEmpty() ? "No product version given or found in the case (give --product and --version)."
                    : "Versions: " + String.join(", ", detected)).append('\n');
            if (matches.isEmpty()) {
                b.append("No known issue in the shipped list matches.\n");
            }
            for (Match m : matches) {
                b.append(m.issue().id()).append("  ").append(m.issue().title()).append('\n')
                        .append("    affected ").append(m.issue().affected().text()).append(", fixed in ")
                        .append(m.issue().fixed().isEmpty() ? "(not fixed)" : String.join(", ", m.issue().fixed())).append('\n')
                        .append("    ").append(m.issue().link()).append('\n');
                m.symptoms().forEach(s -> b.append("    seen: ").append(s).append('\n'));
            }
            for (OnlineKnownIssues.Refresh r : online) {
                b.append("Online, ").append(r.product()).append(' ').append(r.version()).append(": ").append(r.issues().size())
                        .append(" issues (").append(r.note()).append(")\n");
                r.issues().forEach(i -> b.append(i.repository()).append('#').append(i.number()).append("  [").append(i.state())
                        .append("] ").append(i.title()).append('\n').append("    ").append(i.url()).append('\n'));
            }
            return b.toString().stripTrailing();
        }
    }
}
