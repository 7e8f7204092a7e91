package dev.triage.plugin.rca.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.triage.plugin.rca.application.KnownIssueArgs;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The online refresh against a GitHub-shaped search API on loopback, then offline against its cache. */
class OnlineKnownIssuesTest {

    /** The shape of a real answer of {@code GET /search/issues} (fields trimmed), for pingcap/tidb issue 41459. */
    private static final String TIDB_ANSWER = """
            {"total_count": 1, "incomplete_results": false, "items": [
              {"number": 41459, "title": "Index records incomplete after adding index for a large table",
               "html_url": "https://github.com/pingcap/tidb/issues/41459", "state": "closed",
               "labels": [{"name": "affects-6.5"}, {"name": "affects-6.6"}, {"name": "severity/critical"}, {"name": "type/bug"}]}]}
            """;
    private static final String EMPTY = "{\"total_count\": 0, \"incomplete_results\": false, \"items\": []}";

    @TempDir
    Path cache;
    HttpServer server;
    final List<String> queries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/search/issues", ex -> {
            String q = URLDecoder.decode(ex.getRequestURI().getRawQuery().replaceFirst(".*[?&]?q=", ""), StandardCharsets.UTF_8);
            queries.add(q);
            byte[] body = (q.startsWith("repo:pingcap/tidb ") ? TIDB_ANSWER : EMPTY).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String api() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void searchesTheTrackersOfTheVersionThenAnswersFromTheCacheWhenOffline() throws Exception {
        KnownIssueLookup lookup = new KnownIssueLookup(KnownIssueLookup.shipped(), new OnlineKnownIssues(api(), cache));
        KnownIssueLookup.Result r = lookup.run(new KnownIssueArgs("tidb", "6.5.3", null, true), null);

        assertThat(queries).containsExactly(
                "repo:pingcap/tidb is:issue label:type/bug label:affects-6.5",
                "repo:tikv/tikv is:issue label:type/bug label:affects-6.5",
                "repo:tikv/pd is:issue label:type/bug label:affects-6.5");
        assertThat(r.online()).singleElement().satisfies(o -> {
            assertThat(o.note()).startsWith("fetched from " + api());
            assertThat(o.issues()).singleElement().satisfies(i -> {
                assertThat(i.repository()).isEqualTo("pingcap/tidb");
                assertThat(i.number()).isEqualTo(41459);
                assertThat(i.labels()).contains("affects-6.5");
            });
        });
        assertThat(r.text()).contains("pingcap/tidb#41459  [closed] Index records incomplete");
        // the shipped list still answers beside it
        assertThat(r.matches()).extracting(m -> m.issue().id()).contains("TIDB-41459");
        assertThat(Files.list(cache).map(p -> p.getFileName().toString()).toList()).containsExactly("tidb-6.5.3.json");

        server.stop(0);
        KnownIssueLookup.Result offline = lookup.run(new KnownIssueArgs("tidb", "6.5.3", null, true), null);
        assertThat(offline.online()).singleElement().satisfies(o -> {
            assertThat(o.note()).startsWith("offline (").contains("the answer cached at");
            assertThat(o.issues()).extracting(OnlineKnownIssues.OnlineIssue::number).containsExactly(41459);
        });
        // without --online the cached answer is shown, and nothing is asked of the network
        KnownIssueLookup.Result quiet = lookup.run(new KnownIssueArgs("tidb", "6.5.3", null, null), null);
        assertThat(quiet.online()).singleElement().satisfies(o -> assertThat(o.note()).startsWith("cached"));
    }

    @Test
    void searchesRedisByVersionAndWordsAndSaysWhenAProductIsNotOnGitHub() {
        OnlineKnownIssues online = new OnlineKnownIssues(api() + "/", cache);
        OnlineKnownIssues.Refresh redis = online.refresh("redis", dev.triage.plugin.rca.domain.Version.parse("7.0.11"), "crash fork");
        assertThat(queries).containsExactly("repo:redis/redis is:issue label:bug 7.0.11 crash fork");
        assertThat(redis.issues()).isEmpty();
        assertThat(redis.fetchedAt()).isNotNull();

        OnlineKnownIssues.Refresh mysql = online.refresh("mysql", dev.triage.plugin.rca.domain.Version.parse("8.0.29"), null);
        assertThat(mysql.note()).contains("does not track its bugs on GitHub");
        assertThat(queries).hasSize(1);
    }

    @Test
    void aFailingApiFallsBackWithoutACacheAndSaysWhy() {
        server.removeContext("/search/issues");
        server.createContext("/search/issues", ex -> {
            ex.sendResponseHeaders(403, -1);
            ex.close();
        });
        OnlineKnownIssues.Refresh r = new OnlineKnownIssues(api(), cache)
                .refresh("tidb", dev.triage.plugin.rca.domain.Version.parse("7.5.1"), null);
        assertThat(r.issues()).isEmpty();
        assertThat(r.note()).contains("HTTP 403").contains("nothing cached yet");
    }
}
