package dev.triage.plugin.rca.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.plugin.rca.domain.Version;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refreshes known issues online from the public GitHub issue search of the product's own trackers, and keeps the last
 * answer per product and version in the user's cache folder so that a lookup without network still shows it.
 */
public final class OnlineKnownIssues {

    /** The public GitHub API; the {@code triage.github.api} system property points elsewhere (a mirror, a test server). */
    public static final String DEFAULT_API = "https://api.github.com";

    /** The GitHub repositories whose issues are searched per product; products tracked elsewhere have none. */
    static final Map<String, List<String>> REPOSITORIES = Map.of(
            "tidb", List.of("pingcap/tidb", "tikv/tikv", "tikv/pd"),
            "redis", List.of("redis/redis"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_REPOSITORY = 20;

    private final String api;
    private final Path cache;
    private final HttpClient http;

    /**
     * Creates a refresher.
     *
     * @param api the API base URL, such as {@link #DEFAULT_API}
     * @param cache the folder the answers are kept in
     */
    public OnlineKnownIssues(String api, Path cache) {
        this.api = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
        this.cache = cache;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * Creates a refresher on the public API, or the one the {@code triage.github.api} system property names.
     *
     * @param cache the folder the answers are kept in
     * @return the refresher
     */
    public static OnlineKnownIssues standard(Path cache) {
        return new OnlineKnownIssues(System.getProperty("triage.github.api", DEFAULT_API), cache);
    }

    /**
     * An issue found online.
     *
     * @param repository the repository, such as {@code pingcap/tidb}
     * @param number the issue number
     * @param title its title
     * @param url its page
     * @param state open or closed
     * @param labels its labels
     */
    public record OnlineIssue(String repository, int number, String title, String url, String state, List<String> labels) {
    }

    /**
     * The answer of a refresh: the issues, when they were fetched and whether they came from the network or the cache.
     *
     * @param product the product
     * @param version the version
     * @param issues the issues found
     * @param fetchedAt when they were fetched
     * @param note how they were obtained, or why none could be
     */
    public record Refresh(String product, String version, List<OnlineIssue> issues, Instant fetchedAt, String note) {
    }

    /**
     * Searches the product's trackers for bugs of this version (and the words, when given), keeps the answer in the cache,
     * and falls back to the cached answer when the network or the API fails.
     *
     * @param product the product, lower case
     * @param version the version
     * @param words extra search words, or null
     * @return the answer
     */
    public Refresh refresh(String product, Version version, String words) {
        List<String> repos = REPOSITORIES.getOrDefault(product, List.of());
        if (repos.isEmpty()) {
            return new Refresh(product, version.text(), List.of(), null,
                    product + " does not track its bugs on GitHub: only the shipped list applies");
        }
        Path file = cache.resolve(product + "-" + version.text().replaceAll("[^0-9A-Za-z.]", "_") + ".json");
        List<OnlineIssue> found = new ArrayList<>();
        try {
            for (String repo : repos) {
                found.addAll(search(repo, query(product, repo, version, words)));
            }
        } catch (IOException e) {
            return cached(file, product, version, "offline (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cached(file, product, version, "interrupted");
        }
        Instant now = Instant.now();
        try {
            save(file, found, now);
        } catch (IOException e) {
            return new Refresh(product, version.text(), found, now, "fetched from " + api + ", not cached: " + e.getMessage());
        }
        return new Refresh(product, version.text(), found, now, "fetched from " + api);
    }

    /**
     * Returns the cached answer for a product version, without network.
     *
     * @param product the product, lower case
     * @param version the version
     * @return the cached answer, empty when there is none
     */
    public Refresh cached(String product, Version version) {
        return cached(cache.resolve(product + "-" + version.text().replaceAll("[^0-9A-Za-z.]", "_") + ".json"), product, version, "cached");
    }

    /** TiDB labels its bugs with the release lines they affect ({@code affects-6.5}); other trackers are searched by words. */
    static String query(String product, String repo, Version version, String words) {
        StringBuilder q = new StringBuilder("repo:").append(repo).append(" is:issue");
        if (product.equals("tidb")) {
            List<Integer> p = version.parts();
            q.append(" label:type/bug label:affects-").append(p.get(0)).append('.').append(p.size() > 1 ? p.get(1) : 0);
        } else {
            q.append(" label:bug ").append(version.text());
        }
        if (words != null && !words.isBlank()) {
            q.append(' ').append(words.trim());
        }
        return q.toString();
    }

    private List<OnlineIssue> search(String repo, String query) throws IOException, InterruptedException {
        URI uri = URI.create(api + "/search/issues?per_page=" + PER_REPOSITORY + "&sort=updated&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                .header("Accept", "application/vnd.github+json").header("User-Agent", "triage-known-issues").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException("GitHub search answered HTTP " + response.statusCode() + " for " + repo);
        }
        JsonNode items = JSON.readTree(response.body()).path("items");
        List<OnlineIssue> out = new ArrayList<>();
        for (JsonNode i : items) {
            List<String> labels = new ArrayList<>();
            i.path("labels").forEach(l -> labels.add(l.path("name").asText()));
            out.add(new OnlineIssue(repo, i.path("number").asInt(), i.path("title").asText(), i.path("html_url").asText(),
                    i.path("state").asText().toLowerCase(Locale.ROOT), List.copyOf(labels)));
        }
        return out;
    }

    private static void save(Path file, List<OnlineIssue> issues, Instant at) throws IOException {
        Files.createDirectories(file.getParent());
        ObjectNode root = JSON.createObjectNode().put("fetchedAt", at.toString());
        ArrayNode list = root.putArray("issues");
        issues.forEach(i -> list.add(JSON.valueToTree(i)));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Refresh cached(Path file, String product, Version version, String why) {
        if (!Files.isRegularFile(file)) {
            return new Refresh(product, version.text(), List.of(), null, why + "; nothing cached yet");
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<OnlineIssue> out = new ArrayList<>();
            for (JsonNode i : root.path("issues")) {
                out.add(JSON.treeToValue(i, OnlineIssue.class));
            }
            Instant at = Instant.parse(root.path("fetchedAt").asText());
            return new Refresh(product, version.text(), out, at, why + "; the answer cached at " + at);
        } catch (IOException | RuntimeException e) {
            return new Refresh(product, version.text(), List.of(), null, why + "; the cache " + file + " is unreadable: " + e.getMessage());
        }
    }
}
