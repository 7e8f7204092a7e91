package dev.triage.plugin.metrics.infrastructure;

import dev.triage.plugin.metrics.domain.ExpositionParser;
import dev.triage.plugin.metrics.domain.SeriesBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/** Recognises and reads the metric files Triage imports: text expositions, query_range JSON and Grafana dashboards. */
public final class MetricsFiles {

    /** What a file holds. */
    public enum Kind {
        /** Prometheus text exposition format. */
        EXPOSITION,
        /** The JSON of {@code /api/v1/query_range} or {@code /api/v1/query}. */
        QUERY_RESULT,
        /** A Grafana dashboard's JSON. */
        GRAFANA
    }

    private static final Pattern SAMPLE_LINE = Pattern.compile("^[A-Za-z_:][A-Za-z0-9_:]*(\\{[^\\n]*\\})?[ \\t]+[-+0-9.eEInfNa]+([ \\t]+-?\\d+)?[ \\t]*$",
            Pattern.MULTILINE);
    private static final Pattern ISO_IN_NAME = Pattern.compile("(\\d{8}T\\d{6})Z?");
    private static final Pattern EPOCH_IN_NAME = Pattern.compile("(?<!\\d)(1\\d{9})(?!\\d)");

    private MetricsFiles() {
    }

    /**
     * Tells what a file holds from its first bytes.
     *
     * @param head the first bytes (gzip already undone by the caller when possible)
     * @return the kind, empty when it is no metric file
     */
    public static Optional<Kind> sniff(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        String start = text.stripLeading();
        if (start.startsWith("{")) {
            if (text.contains("\"resultType\"") || text.contains("\"status\"") && text.contains("\"data\"") && text.contains("\"result\"")) {
                return Optional.of(Kind.QUERY_RESULT);
            }
            return GrafanaDashboard.looksLikeDashboard(text) ? Optional.of(Kind.GRAFANA) : Optional.empty();
        }
        if (text.contains("# TYPE ") || text.contains("# HELP ")) {
            return Optional.of(Kind.EXPOSITION);
        }
        Matcher m = SAMPLE_LINE.matcher(text);
        int lines = 0;
        while (m.find()) {
            lines++;
        }
        return lines >= 3 ? Optional.of(Kind.EXPOSITION) : Optional.empty();
    }

    /**
     * Opens a file, undoing gzip.
     *
     * @param file the file
     * @return its bytes
     * @throws IOException when it cannot be read
     */
    public static InputStream open(Path file) throws IOException {
        InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b ? new GZIPInputStream(in, 65536) : in;
    }

    /**
     * Reads the first bytes of a file (after gzip).
     *
     * @param file the file
     * @param n how many
     * @return the bytes
     * @throws IOException when it cannot be read
     */
    public static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = open(file)) {
            return in.readNBytes(n);
        }
    }

    /**
     * Returns when an exposition was taken: a time in its name ({@code 20240301T100000Z} or 10-digit epoch seconds),
     * else the file's modification time.
     *
     * @param file the file
     * @return the time
     * @throws IOException when the file cannot be read
     */
    public static Instant takenAt(Path file) throws IOException {
        String name = file.getFileName().toString();
        Matcher iso = ISO_IN_NAME.matcher(name);
        if (iso.find()) {
            return LocalDateTime.parse(iso.group(1), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")).toInstant(ZoneOffset.UTC);
        }
        Matcher epoch = EPOCH_IN_NAME.matcher(name);
        if (epoch.find()) {
            return Instant.ofEpochSecond(Long.parseLong(epoch.group(1)));
        }
        return Files.getLastModifiedTime(file).toInstant();
    }

    /**
     * Reads an exposition into a series builder.
     *
     * @param file the file
     * @param into where the samples go
     * @param skipped called with "file line N: why" for each line that is not valid
     * @return the number of samples read
     * @throws IOException when the file cannot be read
     */
    public static long readExposition(Path file, SeriesBuilder into, Consumer<String> skipped) throws IOException {
        ExpositionParser parser = new ExpositionParser(takenAt(file).toEpochMilli());
        long n = 0;
        long lineNo = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8), 65536)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                try {
                    var s = parser.line(line, lineNo);
                    if (s.isPresent()) {
                        into.add(s.get());
                        n++;
                    }
                } catch (IllegalArgumentException e) {
                    skipped.accept(file.getFileName() + " " + e.getMessage() + "; line skipped");
                }
            }
        }
        return n;
    }
}
