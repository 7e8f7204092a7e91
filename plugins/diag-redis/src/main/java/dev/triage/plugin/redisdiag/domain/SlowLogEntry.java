package dev.triage.plugin.redisdiag.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of {@code SLOWLOG GET}.
 *
 * @param id the entry id
 * @param unixTime when it ran, in seconds since the epoch
 * @param micros how long it took, in microseconds
 * @param args the command and its arguments
 * @param client the client address, empty when the server is too old to say
 * @param clientName the client name, often empty
 */
public record SlowLogEntry(long id, long unixTime, long micros, List<String> args, String client, String clientName) {

    private static final Pattern INT = Pattern.compile("-?\\d+");
    private static final Pattern ADDRESS = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[0-9A-Za-z.\\-]+):\\d+|/.*\\.sock|\\?:0");

    /** Copies the arguments. */
    public SlowLogEntry {
        args = List.copyOf(args);
    }

    /**
     * Returns the command name in upper case.
     *
     * @return such as {@code KEYS}
     */
    public String command() {
        return args.isEmpty() ? "" : args.get(0).toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Parses redis-cli output of SLOWLOG GET, raw or {@code --no-raw}.
     *
     * @param text the output
     * @return the entries in output order (newest first as Redis lists them)
     */
    public static List<SlowLogEntry> parse(String text) {
        List<String> lines = RedisReply.lines(text);
        List<SlowLogEntry> out = new ArrayList<>();
        int i = 0;
        while (i + 3 < lines.size()) {
            if (!isInt(lines.get(i)) || !isInt(lines.get(i + 1)) || !isInt(lines.get(i + 2))) {
                i++;
                continue;
            }
            long id = Long.parseLong(lines.get(i));
            long time = Long.parseLong(lines.get(i + 1));
            long micros = Long.parseLong(lines.get(i + 2));
            int j = i + 3;
            List<String> args = new ArrayList<>();
            while (j < lines.size() && !isClient(lines, j)) {
                args.add(lines.get(j));
                j++;
            }
            if (j >= lines.size()) {
                break;
            }
            String client = lines.get(j);
            String name = j + 1 < lines.size() ? lines.get(j + 1) : "";
            if (!args.isEmpty()) {
                out.add(new SlowLogEntry(id, time, micros, args, client, name));
            }
            i = j + 2;
        }
        return out;
    }

    /**
     * Writes entries in redis-cli's raw form, as a live capture stores them, so they parse back the same.
     *
     * @param entries the entries
     * @return the text
     */
    public static String format(List<SlowLogEntry> entries) {
        StringBuilder b = new StringBuilder();
        for (SlowLogEntry e : entries) {
            b.append(e.id()).append('\n').append(e.unixTime()).append('\n').append(e.micros()).append('\n');
            e.args().forEach(a -> b.append(a.replace('\n', ' ')).append('\n'));
            b.append(e.client().isEmpty() ? "?:0" : e.client()).append('\n').append(e.clientName().replace('\n', ' ')).append('\n');
        }
        return b.toString();
    }

    /**
     * Tells whether line {@code j} is the client address of an entry: it looks like an address and is followed by the client
     * name and then the next entry (or the end), so an argument such as {@code field:12} is not taken for the client.
     */
    private static boolean isClient(List<String> lines, int j) {
        if (!ADDRESS.matcher(lines.get(j)).matches()) {
            return false;
        }
        int next = j + 2;
        if (next >= lines.size()) {
            // the last entry: an empty client name was trimmed with the trailing blank lines when the last line is an address too
            return j + 1 >= lines.size() || !ADDRESS.matcher(lines.get(j + 1)).matches();
        }
        return next + 2 < lines.size() && isInt(lines.get(next)) && isInt(lines.get(next + 1))
                && isInt(lines.get(next + 2));
    }

    private static boolean isInt(String s) {
        return INT.matcher(s).matches() && s.length() < 19;
    }
}
