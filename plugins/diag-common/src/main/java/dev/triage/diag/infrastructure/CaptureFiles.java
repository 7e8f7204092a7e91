package dev.triage.diag.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Saves captures as JSON files in a case's {@code captures/} folder and reads them back. */
public final class CaptureFiles {

    /** The marker field that tells a saved capture from a plain dump. */
    public static final String FORMAT = "triage-capture";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CaptureFiles() {
    }

    /**
     * Writes a capture into a case folder.
     *
     * @param caseFolder the case's folder
     * @param capture the capture
     * @return the file written, {@code captures/<plugin>/<time>-<target>.json}
     * @throws IOException when it cannot be written
     */
    public static Path save(Path caseFolder, Capture capture) throws IOException {
        Path dir = caseFolder.resolve("captures").resolve(capture.pluginId());
        Files.createDirectories(dir);
        String safe = capture.target().replaceAll("[^A-Za-z0-9._-]+", "_");
        Path file = dir.resolve(STAMP.format(capture.time()) + "-" + (safe.isEmpty() ? "target" : safe) + ".json");
        Path tmp = Files.createTempFile(dir, ".capture", ".tmp");
        Files.writeString(tmp, toJson(capture));
        return Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Turns a capture into its JSON text.
     *
     * @param capture the capture
     * @return the JSON
     * @throws IOException never in practice
     */
    public static String toJson(Capture capture) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("pluginId", capture.pluginId());
        root.put("target", capture.target());
        root.put("time", capture.time().toString());
        ArrayNode items = root.putArray("items");
        for (CaptureItem i : capture.items()) {
            items.addObject().put("kind", i.kind()).put("command", i.command()).put("output", i.output());
        }
        return JSON.writeValueAsString(root);
    }

    /**
     * Tells whether a text is a saved capture.
     *
     * @param text the start of a file
     * @return true when it carries the capture marker
     */
    public static boolean isCapture(String text) {
        String head = text.length() > 200 ? text.substring(0, 200) : text;
        return head.stripLeading().startsWith("{") && head.contains("\"" + FORMAT + "\"");
    }

    /**
     * Reads a capture from its JSON text.
     *
     * @param text the JSON
     * @param source the file name, for messages
     * @return the capture
     * @throws IOException when it is not a valid capture (the message names the source)
     */
    public static Capture fromJson(String text, String source) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new IOException(source + " is not a valid capture: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IOException(source + " is not a Triage capture (no \"format\": \"" + FORMAT + "\")");
        }
        List<CaptureItem> items = new ArrayList<>();
        for (JsonNode i : root.path("items")) {
            items.add(new CaptureItem(i.path("kind").asText(), i.path("command").asText(), i.path("output").asText()));
        }
        try {
            return new Capture(root.path("pluginId").asText(), root.path("target").asText(), Instant.parse(root.path("time").asText()), items);
        } catch (RuntimeException e) {
            throw new IOException(source + " has a bad capture header: " + e.getMessage(), e);
        }
    }

    /**
     * Lists the captures saved in a case, oldest first.
     *
     * @param caseFolder the case's folder
     * @return the capture files
     * @throws IOException when the folder cannot be listed
     */
    public static List<Path> list(Path caseFolder) throws IOException {
        Path dir = caseFolder.resolve("captures");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir, 2)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
