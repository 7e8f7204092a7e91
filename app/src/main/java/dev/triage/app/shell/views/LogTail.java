package dev.triage.app.shell.views;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the end of the log file and filters it by level; lines without a level (stack traces) follow their entry. */
public final class LogTail {

    /** The levels offered in the filter, lowest first. */
    public enum Level {
        /** Everything. */
        ALL,
        /** Debug and up. */
        DEBUG,
        /** Info and up. */
        INFO,
        /** Warnings and errors. */
        WARN,
        /** Errors only. */
        ERROR
    }

    private static final Pattern LEVEL = Pattern.compile("^\\S+ \\S+ (TRACE|DEBUG|INFO|WARN|ERROR)\\b");
    private static final int MAX_BYTES = 256 * 1024;

    private LogTail() {
    }

    /**
     * Reads the last lines of a file, at most the last 256 KiB.
     *
     * @param file the log file
     * @param maxLines how many lines to keep
     * @return the lines, oldest first; empty when the file is missing
     * @throws IOException when the file cannot be read
     */
    public static List<String> read(Path file, int maxLines) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long len = raf.length();
            long from = Math.max(0, len - MAX_BYTES);
            byte[] buf = new byte[(int) (len - from)];
            raf.seek(from);
            raf.readFully(buf);
            List<String> lines = new ArrayList<>(Arrays.asList(new String(buf, StandardCharsets.UTF_8).split("\r?\n")));
            if (from > 0 && !lines.isEmpty()) {
                lines.remove(0);
            }
            lines.removeIf(String::isEmpty);
            return lines.subList(Math.max(0, lines.size() - maxLines), lines.size());
        }
    }

    /**
     * Keeps the lines at or above a level.
     *
     * @param lines log lines, oldest first
     * @param min the lowest level kept
     * @return the kept lines
     */
    public static List<String> filter(List<String> lines, Level min) {
        if (min == Level.ALL) {
            return lines;
        }
        List<String> out = new ArrayList<>();
        boolean keep = false;
        for (String line : lines) {
            Matcher m = LEVEL.matcher(line);
            if (m.find()) {
                String lv = m.group(1).toUpperCase(Locale.ROOT);
                keep = !"TRACE".equals(lv) && Level.valueOf(lv).ordinal() >= min.ordinal();
            }
            if (keep) {
                out.add(line);
            }
        }
        return out;
    }
}
