package dev.triage.plugin.redisdiag.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns redis-cli output into the plain lines of its raw form: the {@code --no-raw} (TTY) form's numbering
 * ({@code 1) 2)}), {@code (integer)} markers and quotes are removed, so both forms parse the same way.
 */
public final class RedisReply {

    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:\\d+\\)\\s+)+");
    private static final Pattern INTEGER = Pattern.compile("^\\(integer\\) (-?\\d+)$");

    private RedisReply() {
    }

    /**
     * Tells whether the output is in redis-cli's TTY form.
     *
     * @param text the output
     * @return true when its first non-blank line starts with a numbering such as {@code 1)}
     */
    public static boolean isNoRaw(String text) {
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                return NUMBERING.matcher(line).find();
            }
        }
        return false;
    }

    /**
     * Returns the output's lines in raw form, CR removed.
     *
     * @param text the output of redis-cli in either form
     * @return the lines
     */
    public static List<String> lines(String text) {
        boolean noRaw = isNoRaw(text);
        List<String> out = new ArrayList<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (noRaw) {
                Matcher m = NUMBERING.matcher(line);
                line = m.find() ? line.substring(m.end()) : line.strip();
                Matcher i = INTEGER.matcher(line);
                if (i.matches()) {
                    line = i.group(1);
                } else if (line.length() >= 2 && line.startsWith("\"") && line.endsWith("\"")) {
                    line = line.substring(1, line.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
                }
            }
            out.add(line);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
