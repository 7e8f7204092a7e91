package dev.triage.plugin.overview.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.plugin.overview.application.AlertInbox;
import dev.triage.plugin.overview.application.CollectorSettings;
import dev.triage.plugin.overview.application.Notifier;
import dev.triage.plugin.overview.application.RetryPolicy;
import dev.triage.plugin.overview.domain.Matcher;
import dev.triage.plugin.overview.domain.Route;
import dev.triage.plugin.overview.domain.TimeWindow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where alert notifications go (docs/alert-notifications.md): {@code alert-notify.json} in the case folder, else in the settings
 * folder, else every alert to the window and the desktop. Webhook URLs, signing secrets and SMTP passwords are never in the file:
 * it names keys of the SecretStore, and a plain {@code url} or {@code password} field is refused.
 */
public final class AlertNotifyFile {

    /** The file name looked up in the case and the settings folder. */
    public static final String FILE = "alert-notify.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a secret by key. */
    public interface Secrets {
        /**
         * Reads a secret.
         *
         * @param key the key
         * @return the secret, or empty
         * @throws Exception when the store is locked or unreadable
         */
        Optional<char[]> get(String key) throws Exception;
    }

    /**
     * The routes, receivers and retry policy of a file.
     *
     * @param routes the routes in order
     * @param receivers the notifiers by name
     * @param retry the retry policy
     * @param source the file it came from ("defaults" when none)
     */
    public record Config(List<Route> routes, Map<String, Notifier> receivers, RetryPolicy retry, String source) {
    }

    private AlertNotifyFile() {
    }

    /**
     * The configuration in effect.
     *
     * @param caseFolder the open case's folder, or null
     * @param configFolder the settings folder, or null
     * @param secrets the secret store
     * @param inbox the in-app notifier
     * @param clock the clock for signatures
     * @return the configuration
     * @throws IOException when the file cannot be read, is invalid, or names a missing secret
     */
    public static Config load(Path caseFolder, Path configFolder, Secrets secrets, AlertInbox inbox, Clock clock) throws IOException {
        for (Path folder : new Path[] {caseFolder, configFolder}) {
            if (folder != null && Files.isRegularFile(folder.resolve(FILE))) {
                return parse(Files.readString(folder.resolve(FILE), StandardCharsets.UTF_8), folder.resolve(FILE).toString(), secrets,
                        inbox, clock);
            }
        }
        Map<String, Notifier> receivers = new LinkedHashMap<>();
        receivers.put("window", inbox);
        receivers.put("desktop", new DesktopNotifier());
        return new Config(List.of(new Route("default", List.of(), List.of("window", "desktop"), List.of("alertname", "target"),
                Duration.ZERO, Duration.ofHours(4), 0, null, null, false)), receivers, RetryPolicy.DEFAULT, "defaults");
    }

    /**
     * Parses a configuration.
     *
     * @param text the JSON text
     * @param source the file name for messages
     * @param secrets the secret store
     * @param inbox the in-app notifier
     * @param clock the clock for signatures
     * @return the configuration
     * @throws IOException when the text is invalid or names a missing secret
     */
    public static Config parse(String text, String source, Secrets secrets, AlertInbox inbox, Clock clock) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IOException(source + " is not valid JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        }
        Map<String, Notifier> receivers = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode n : root.path("receivers")) {
            i++;
            String name = n.path("name").asText("");
            try {
                if (name.isBlank()) {
                    throw new IllegalArgumentException("a receiver needs a name");
                }
                if (receivers.put(name, receiver(n, name, secrets, inbox, clock)) != null) {
                    throw new IllegalArgumentException("the name is used twice");
                }
            } catch (IOException | RuntimeException e) {
                throw new IOException(source + ": receiver " + i + " (" + name + "): " + e.getMessage(), e);
            }
        }
        List<Route> routes = new ArrayList<>();
        i = 0;
        for (JsonNode n : root.path("routes")) {
            i++;
            String name = n.path("name").asText("route-" + i);
            try {
                routes.add(route(n, name));
            } catch (RuntimeException e) {
                throw new IOException(source + ": route " + i + " (" + name + "): " + e.getMessage(), e);
            }
        }
        JsonNode r = root.path("retry");
        RetryPolicy retry;
        try {
            retry = new RetryPolicy(r.path("attempts").asInt(RetryPolicy.DEFAULT.attempts()),
                    duration(r, "backoff", RetryPolicy.DEFAULT.initial()), r.path("multiplier").asDouble(RetryPolicy.DEFAULT.multiplier()),
                    duration(r, "max_backoff", RetryPolicy.DEFAULT.max()));
        } catch (RuntimeException e) {
            throw new IOException(source + ": retry: " + e.getMessage(), e);
        }
        for (Route route : routes) {
            for (String name : route.receivers()) {
                if (!receivers.containsKey(name)) {
                    throw new IOException(source + ": route " + route.name() + " sends to '" + name + "', which is not a receiver");
                }
            }
        }
        return new Config(routes, receivers, retry, source);
    }

    private static Notifier receiver(JsonNode n, String name, Secrets secrets, AlertInbox inbox, Clock clock) throws IOException {
        if (n.has("url") || n.has("password") || n.has("token")) {
            throw new IllegalArgumentException("secrets do not go in this file: store the value under a key of the secret store"
                    + " (triage alerts secret KEY) and name the key with url_secret / password_secret");
        }
        String type = n.path("type").asText("").toLowerCase(Locale.ROOT);
        Duration timeout = duration(n, "timeout", Duration.ofSeconds(10));
        switch (type) {
            case "inapp", "window" -> {
                return inbox;
            }
            case "desktop" -> {
                return new DesktopNotifier();
            }
            case "email", "smtp" -> {
                List<String> to = new ArrayList<>();
                n.path("to").forEach(t -> to.add(t.asText()));
                String user = n.path("user").asText(null);
                char[] password = user == null ? null : secret(secrets, n.path("password_secret").asText("alerts/" + name + "/password"));
                return new EmailNotifier(new EmailNotifier.Smtp(n.path("host").asText(null), n.path("port").asInt(25),
                        n.path("starttls").asBoolean(false), user, n.path("from").asText(null), to, timeout), password);
            }
            default -> {
                WebhookFormat format = WebhookFormat.parse(type.isEmpty() ? "webhook" : type);
                String url = new String(secret(secrets, n.path("url_secret").asText("alerts/" + name + "/url")));
                char[] sign = n.has("sign_secret") ? secret(secrets, n.path("sign_secret").asText()) : null;
                return new WebhookNotifier(format, url, sign, clock, timeout);
            }
        }
    }

    private static char[] secret(Secrets secrets, String key) throws IOException {
        try {
            return secrets.get(key).orElseThrow(() -> new IOException("the secret store has no '" + key
                    + "' (store it with: triage alerts secret " + key + ")"));
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot read '" + key + "' from the secret store: " + e.getMessage(), e);
        }
    }

    private static Route route(JsonNode n, String name) {
        List<Matcher> matchers = new ArrayList<>();
        n.path("match").forEach(m -> matchers.add(Matcher.parse(m.asText())));
        List<String> receivers = new ArrayList<>();
        n.path("receivers").forEach(m -> receivers.add(m.asText()));
        List<String> groupBy = new ArrayList<>();
        n.path("group_by").forEach(m -> groupBy.add(m.asText()));
        int limit = 0;
        Duration period = null;
        if (n.hasNonNull("rate_limit")) {
            String[] parts = n.get("rate_limit").asText().split("/");
            if (parts.length != 2) {
                throw new IllegalArgumentException("rate_limit is N/period, e.g. 10/1h");
            }
            limit = Integer.parseInt(parts[0].trim());
            period = CollectorSettings.parseDuration(parts[1]);
        }
        TimeWindow window = n.hasNonNull("active_time")
                ? TimeWindow.parse(n.get("active_time").asText(), n.path("days").asText(null), n.path("time_zone").asText(null)) : null;
        return new Route(name, matchers, receivers, groupBy, duration(n, "group_wait", Duration.ZERO),
                duration(n, "repeat_interval", Duration.ofHours(4)), limit, period, window, n.path("continue").asBoolean(false));
    }

    private static Duration duration(JsonNode n, String field, Duration otherwise) {
        return n.hasNonNull(field) ? CollectorSettings.parseDuration(n.get(field).asText()) : otherwise;
    }
}
