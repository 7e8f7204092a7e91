package dev.triage.plugin.overview.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.plugin.overview.application.NotificationGroup;
import dev.triage.plugin.overview.domain.Notification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The JSON bodies of the webhook kinds Triage speaks, and the request signing of those that sign. */
public enum WebhookFormat {
    /** Alertmanager's webhook body (version 4): status, receiver, group and common labels, alerts with labels and annotations. */
    GENERIC,
    /** Slack incoming webhook: text plus one mrkdwn section. */
    SLACK,
    /** DingTalk custom robot: markdown message; with a secret, the URL gets {@code timestamp} and {@code sign}. */
    DINGTALK,
    /** Feishu (Lark) custom bot: text message; with a secret, the body gets {@code timestamp} and {@code sign}. */
    FEISHU,
    /** WeCom (WeChat Work) group robot: markdown message. */
    WECOM;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses a kind.
     *
     * @param text "webhook", "slack", "dingtalk", "feishu" or "wecom"
     * @return the format
     */
    public static WebhookFormat parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "webhook", "generic" -> GENERIC;
            case "slack" -> SLACK;
            case "dingtalk" -> DINGTALK;
            case "feishu", "lark" -> FEISHU;
            case "wecom", "wechat-work", "wxwork" -> WECOM;
            default -> throw new IllegalArgumentException("Unknown webhook kind '" + text + "', expected webhook, slack, dingtalk, feishu or wecom");
        };
    }

    /**
     * The request body of a group.
     *
     * @param group the group
     * @param secret the signing secret (DingTalk, Feishu) or null
     * @param now the signing time
     * @return the JSON body
     */
    public String body(NotificationGroup group, char[] secret, Instant now) {
        ObjectNode root = JSON.createObjectNode();
        switch (this) {
            case GENERIC -> generic(group, root);
            case SLACK -> {
                root.put("text", group.title());
                ArrayNode blocks = root.putArray("blocks");
                ObjectNode section = blocks.addObject().put("type", "section");
                section.putObject("text").put("type", "mrkdwn").put("text", "*" + group.title() + "*\n"
                        + String.join("\n", group.lines().stream().map(l -> "• " + l).toList()));
            }
            case DINGTALK -> {
                root.put("msgtype", "markdown");
                root.putObject("markdown").put("title", group.title()).put("text", "### " + group.title() + "\n\n"
                        + String.join("\n", group.lines().stream().map(l -> "- " + l).toList()));
            }
            case FEISHU -> {
                if (secret != null) {
                    long seconds = now.getEpochSecond();
                    root.put("timestamp", Long.toString(seconds));
                    root.put("sign", hmac(seconds + "\n" + new String(secret), ""));
                }
                root.put("msg_type", "text");
                root.putObject("content").put("text", group.text());
            }
            case WECOM -> {
                root.put("msgtype", "markdown");
                root.putObject("markdown").put("content", "**" + group.title() + "**\n"
                        + String.join("\n", group.lines().stream().map(l -> "> " + l).toList()));
            }
            default -> throw new IllegalStateException(name());
        }
        return root.toString();
    }

    private static void generic(NotificationGroup group, ObjectNode root) {
        root.put("version", "4");
        root.put("receiver", group.receiver());
        root.put("status", group.status().name().toLowerCase(Locale.ROOT));
        root.put("title", group.title());
        ObjectNode groupLabels = root.putObject("groupLabels");
        group.groupLabels().forEach(groupLabels::put);
        ObjectNode common = root.putObject("commonLabels");
        if (!group.alerts().isEmpty()) {
            for (Map.Entry<String, String> e : group.alerts().get(0).labels().entrySet()) {
                if (group.alerts().stream().allMatch(a -> e.getValue().equals(a.labels().get(e.getKey())))) {
                    common.put(e.getKey(), e.getValue());
                }
            }
        }
        ArrayNode alerts = root.putArray("alerts");
        for (Notification a : group.alerts()) {
            ObjectNode n = alerts.addObject();
            n.put("status", a.status().name().toLowerCase(Locale.ROOT));
            ObjectNode labels = n.putObject("labels");
            a.labels().forEach(labels::put);
            n.putObject("annotations").put("summary", a.summary());
            n.put(a.status() == Notification.Status.FIRING ? "startsAt" : "endsAt", a.at().toString());
            n.put("value", a.value());
            n.put("fingerprint", a.fingerprint());
        }
    }

    /**
     * The URL to post to: DingTalk signs in the query string, the others post to the URL as it is.
     *
     * @param url the webhook URL
     * @param secret the signing secret or null
     * @param now the signing time
     * @return the URL
     */
    public String url(String url, char[] secret, Instant now) {
        if (this != DINGTALK || secret == null) {
            return url;
        }
        long ms = now.toEpochMilli();
        String sign = java.net.URLEncoder.encode(hmacWithKey(new String(secret), ms + "\n" + new String(secret)), StandardCharsets.UTF_8);
        return url + (url.contains("?") ? "&" : "?") + "timestamp=" + ms + "&sign=" + sign;
    }

    /** Base64 of HmacSHA256 with {@code key} over {@code data}. */
    static String hmac(String key, String data) {
        return hmacWithKey(key, data);
    }

    private static String hmacWithKey(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
