package dev.triage.plugin.overview.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.triage.core.finding.Severity;
import dev.triage.plugin.overview.application.NotificationDispatcher;
import dev.triage.plugin.overview.application.NotificationGroup;
import dev.triage.plugin.overview.application.Notifier;
import dev.triage.plugin.overview.application.RetryPolicy;
import dev.triage.plugin.overview.application.Silences;
import dev.triage.plugin.overview.domain.AlertRule;
import dev.triage.plugin.overview.domain.AlertState;
import dev.triage.plugin.overview.domain.AlertTransition;
import dev.triage.plugin.overview.domain.Notification;
import dev.triage.plugin.overview.domain.Route;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each webhook format posted to a real HTTP server on loopback (the JDK's HttpServer); the JSON bodies are checked field by field. */
class WebhookNotifierTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** One request the server received. */
    record Received(String path, String query, String contentType, JsonNode body) {
    }

    static HttpServer server;
    static String base;
    static final BlockingQueue<Received> RECEIVED = new LinkedBlockingQueue<>();
    static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    static volatile String answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            RECEIVED.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), JSON.readTree(body)));
            int status = FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void reset() {
        RECEIVED.clear();
        FAILURES_LEFT.set(0);
        answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    }

    static NotificationGroup group() {
        AlertRule busy = new AlertRule("busy", "threads_running", AlertRule.Op.GT, 10, Duration.ZERO, Severity.WARNING, null,
                "{target} runs {value} threads", Duration.ZERO, Map.of("team", "db"));
        Notification firing = Notification.of(new AlertTransition(busy, "db-1", AlertState.PENDING, AlertState.FIRING, NOW, 42)).orElseThrow();
        Notification resolved = Notification.of(new AlertTransition(busy, "db-2", AlertState.FIRING, AlertState.RESOLVED, NOW, 3))
                .orElseThrow();
        return new NotificationGroup("ops", "all", Map.of("alertname", "busy"), List.of(firing, resolved));
    }

    Received post(WebhookFormat format, String path, char[] secret) throws Exception {
        new WebhookNotifier(format, base + path, secret, CLOCK, Duration.ofSeconds(5)).send(group());
        Received r = RECEIVED.poll(10, TimeUnit.SECONDS);
        assertThat(r).as("the server got the post").isNotNull();
        assertThat(r.path()).isEqualTo(path);
        assertThat(r.contentType()).startsWith("application/json");
        return r;
    }

    static String hmac(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void genericWebhookIsAlertmanagersBody() throws Exception {
        JsonNode b = post(WebhookFormat.GENERIC, "/hook", null).body();
        assertThat(b.path("version").asText()).isEqualTo("4");
        assertThat(b.path("receiver").asText()).isEqualTo("ops");
        assertThat(b.path("status").asText()).isEqualTo("firing");
        assertThat(b.path("title").asText()).isEqualTo("[FIRING:1] busy (alertname=busy)");
        assertThat(b.path("groupLabels").path("alertname").asText()).isEqualTo("busy");
        assertThat(b.path("commonLabels").path("team").asText()).isEqualTo("db");
        assertThat(b.path("commonLabels").has("target")).as("targets differ").isFalse();
        JsonNode first = b.path("alerts").get(0);
        assertThat(first.path("status").asText()).isEqualTo("firing");
        assertThat(first.path("labels").path("target").asText()).isEqualTo("db-1");
        assertThat(first.path("labels").path("severity").asText()).isEqualTo("WARNING");
        assertThat(first.path("annotations").path("summary").asText()).isEqualTo("db-1 runs 42 threads");
        assertThat(first.path("startsAt").asText()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(first.path("value").asDouble()).isEqualTo(42);
        assertThat(b.path("alerts").get(1).path("status").asText()).isEqualTo("resolved");
        assertThat(b.path("alerts").get(1).path("endsAt").asText()).isEqualTo("2026-11-23T10:00:00Z");
    }

    @Test
    void slackGetsTextAndAMrkdwnSection() throws Exception {
        JsonNode b = post(WebhookFormat.SLACK, "/services/T000/B000/XXXX", null).body();
        assertThat(b.path("text").asText()).isEqualTo("[FIRING:1] busy (alertname=busy)");
        JsonNode section = b.path("blocks").get(0);
        assertThat(section.path("type").asText()).isEqualTo("section");
        assertThat(section.path("text").path("type").asText()).isEqualTo("mrkdwn");
        assertThat(section.path("text").path("text").asText()).startsWith("*[FIRING:1] busy (alertname=busy)*\n• FIRING WARNING db-1 runs 42")
                .contains("\n• RESOLVED WARNING db-2 runs 3 threads");
    }

    @Test
    void dingTalkGetsMarkdownAndASignedUrl() throws Exception {
        Received r = post(WebhookFormat.DINGTALK, "/robot/send", "SECdemo".toCharArray());
        assertThat(r.body().path("msgtype").asText()).isEqualTo("markdown");
        assertThat(r.body().path("markdown").path("title").asText()).isEqualTo("[FIRING:1] busy (alertname=busy)");
        assertThat(r.body().path("markdown").path("text").asText()).startsWith("### [FIRING:1] busy").contains("\n- FIRING WARNING db-1");
        long ms = NOW.toEpochMilli();
        assertThat(r.query()).startsWith("timestamp=" + ms + "&sign=");
        String sign = URLDecoder.decode(r.query().substring(r.query().indexOf("sign=") + 5), StandardCharsets.UTF_8);
        assertThat(sign).as("HmacSHA256(secret, timestamp\\nsecret) in base64").isEqualTo(hmac("SECdemo", ms + "\nSECdemo"));
    }

    @Test
    void feishuGetsTextWithTimestampAndSignInTheBody() throws Exception {
        answer = "{\"code\":0,\"msg\":\"success\"}";
        JsonNode b = post(WebhookFormat.FEISHU, "/open-apis/bot/v2/hook/abc", "fs-secret".toCharArray()).body();
        assertThat(b.path("msg_type").asText()).isEqualTo("text");
        assertThat(b.path("content").path("text").asText()).startsWith("[FIRING:1] busy (alertname=busy)\nFIRING WARNING db-1");
        String ts = Long.toString(NOW.getEpochSecond());
        assertThat(b.path("timestamp").asText()).isEqualTo(ts);
        assertThat(b.path("sign").asText()).as("HmacSHA256 keyed by timestamp\\nsecret over nothing").isEqualTo(hmac(ts + "\nfs-secret", ""));
    }

    @Test
    void weComGetsMarkdownContent() throws Exception {
        JsonNode b = post(WebhookFormat.WECOM, "/cgi-bin/webhook/send", null).body();
        assertThat(b.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(b.path("markdown").path("content").asText()).startsWith("**[FIRING:1] busy (alertname=busy)**\n> FIRING WARNING db-1");
    }

    @Test
    void aRobotThatRefusesWithAnErrcodeIsAFailureWithoutTheUrlInTheMessage() {
        answer = "{\"errcode\":310000,\"errmsg\":\"sign not match\"}";
        assertThatThrownBy(() -> new WebhookNotifier(WebhookFormat.DINGTALK, base + "/robot/send?access_token=TOKEN123", null, CLOCK,
                Duration.ofSeconds(5)).send(group())).isInstanceOf(IOException.class).hasMessageContaining("310000 sign not match")
                .hasMessageNotContaining("TOKEN123");
    }

    @Test
    void theDispatcherRetriesA503WithBackoffUntilTheServerTakesIt() throws Exception {
        FAILURES_LEFT.set(2);
        List<Duration> waits = new ArrayList<>();
        Notifier hook = new WebhookNotifier(WebhookFormat.GENERIC, base + "/retry", null, CLOCK, Duration.ofSeconds(5));
        NotificationDispatcher d = new NotificationDispatcher(List.of(new Route("all", List.of(), List.of("hook"), List.of(), null, null, 0,
                null, null, false)), Map.of("hook", hook), new RetryPolicy(4, Duration.ofMillis(100), 2, Duration.ofSeconds(1)), Silences.NONE,
                waits::add, x -> { });
        AlertRule down = new AlertRule("down", "up", AlertRule.Op.EQ, 0, Duration.ZERO, Severity.CRITICAL, null, null);
        d.accept(List.of(new AlertTransition(down, "db-1", AlertState.INACTIVE, AlertState.FIRING, NOW, 0)));
        List<NotificationDispatcher.Delivery> out = d.flush(NOW);
        assertThat(out).singleElement().satisfies(x -> {
            assertThat(x.delivered()).isTrue();
            assertThat(x.attempts()).isEqualTo(3);
        });
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(RECEIVED).hasSize(3).allSatisfy(r -> assertThat(r.body().path("alerts").get(0).path("labels").path("alertname").asText())
                .isEqualTo("down"));
    }
}
