package dev.triage.plugin.redisdiag.domain;

import dev.triage.diag.domain.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code CLIENT LIST}.
 *
 * @param fields the {@code key=value} fields, such as {@code addr}, {@code name}, {@code idle}, {@code cmd}
 */
public record ClientInfo(Map<String, String> fields) {

    /** Copies the fields. */
    public ClientInfo {
        fields = Map.copyOf(fields);
    }

    /**
     * Returns the host part of the client address.
     *
     * @return such as {@code 10.0.0.7}
     */
    public String host() {
        String addr = fields.getOrDefault("addr", "");
        int colon = addr.lastIndexOf(':');
        return colon > 0 ? addr.substring(0, colon) : addr;
    }

    /**
     * Returns how long the client has been idle.
     *
     * @return seconds, or NaN when not listed
     */
    public double idleSeconds() {
        return Numbers.parse(fields.get("idle"));
    }

    /**
     * Parses CLIENT LIST output.
     *
     * @param text the output
     * @return the clients
     */
    public static List<ClientInfo> parse(String text) {
        List<ClientInfo> out = new ArrayList<>();
        for (String line : RedisReply.lines(text)) {
            if (!line.startsWith("id=")) {
                continue;
            }
            Map<String, String> f = new LinkedHashMap<>();
            for (String p : line.strip().split(" ")) {
                int eq = p.indexOf('=');
                if (eq > 0) {
                    f.put(p.substring(0, eq), p.substring(eq + 1));
                }
            }
            out.add(new ClientInfo(f));
        }
        return out;
    }
}
