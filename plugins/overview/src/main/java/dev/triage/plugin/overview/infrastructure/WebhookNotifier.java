package dev.triage.plugin.overview.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.plugin.overview.application.NotificationGroup;
import dev.triage.plugin.overview.application.Notifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Posts a group as JSON to a webhook in one of the {@link WebhookFormat}s. The URL (which holds the token of Slack, DingTalk,
 * Feishu and WeCom robots) and the signing secret come from the SecretStore; neither is logged or put in an error message.
 * Any status but 2xx, or a robot's JSON answer with a non-zero {@code errcode}/{@code code}, is a failure, so it is retried.
 */
public final class WebhookNotifier implements Notifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookFormat format;
    private final String url;
    private final char[] secret;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * Creates the notifier.
     *
     * @param format the body format
     * @param url the webhook URL (a secret)
     * @param secret the signing secret or null
     * @param clock the clock of the signatures
     * @param timeout the connect and request timeout
     */
    public WebhookNotifier(WebhookFormat format, String url, char[] secret, Clock clock, Duration timeout) {
        this.format = format;
        this.url = url;
        this.secret = secret == null ? null : secret.clone();
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String kind() {
        return format.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void send(NotificationGroup group) throws IOException, InterruptedException {
        var now = clock.instant();
        HttpRequest request = HttpRequest.newBuilder(URI.create(format.url(url, secret, now))).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(format.body(group, secret, now), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String host = URI.create(url).getHost();
        if (response.statusCode() / 100 != 2) {
            throw new IOException(kind() + " webhook at " + host + " answered HTTP " + response.statusCode());
        }
        String body = response.body() == null ? "" : response.body().trim();
        if (body.startsWith("{")) {
            JsonNode answer = JSON.readTree(body);
            JsonNode code = answer.has("errcode") ? answer.get("errcode") : answer.get("code");
            if (code != null && code.asInt(0) != 0) {
                throw new IOException(kind() + " webhook at " + host + " refused the message: " + code.asText() + " "
                        + answer.path(answer.has("errmsg") ? "errmsg" : "msg").asText(""));
            }
        }
    }
}
