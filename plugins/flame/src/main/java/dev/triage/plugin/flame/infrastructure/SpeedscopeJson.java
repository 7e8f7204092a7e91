package dev.triage.plugin.flame.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.plugin.flame.domain.FrameTable;
import dev.triage.plugin.flame.domain.Profile;
import dev.triage.plugin.flame.domain.ProfileFormat;
import dev.triage.plugin.flame.domain.StackTrie;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes speedscope's JSON file format (sampled and evented profiles; the first profile is read). */
public final class SpeedscopeJson {

    /** The schema URL speedscope files declare. */
    public static final String SCHEMA = "https://www.speedscope.app/file-format-schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpeedscopeJson() {
    }

    /**
     * Reads a speedscope file.
     *
     * @param in the unzipped JSON
     * @param source the file name for messages
     * @return the profile
     * @throws IOException when the JSON is invalid, naming line and column
     */
    public static Profile read(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ProfileParseException(source + (loc == null ? "" : " line " + loc.getLineNr() + " column " + loc.getColumnNr())
                    + ": not valid speedscope JSON (" + e.getOriginalMessage() + ")", e);
        } catch (java.io.CharConversionException e) {
            // bytes that look like UTF-16/32 to the parser's encoding detection but are not
            throw new ProfileParseException(source + ": not valid speedscope JSON (" + e.getMessage() + ")", e);
        }
        JsonNode sharedFrames = root.path("shared").path("frames");
        JsonNode profiles = root.path("profiles");
        if (!sharedFrames.isArray() || !profiles.isArray() || profiles.isEmpty()) {
            throw new ProfileParseException(source + ": a speedscope file needs shared.frames and at least one profile", null);
        }
        FrameTable frames = new FrameTable();
        int[] map = new int[sharedFrames.size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = frames.intern(sharedFrames.get(i).path("name").asText("?"));
        }
        StackTrie trie = new StackTrie(frames);
        JsonNode p = profiles.get(0);
        long skipped = 0;
        List<String> problems = new ArrayList<>();
        String unit = p.path("unit").asText("none");
        if ("evented".equals(p.path("type").asText())) {
            List<Integer> open = new ArrayList<>();
            double last = p.path("startValue").asDouble(0);
            int[] ids = new int[64];
            int index = 0;
            for (JsonNode ev : p.path("events")) {
                index++;
                double at = ev.path("at").asDouble();
                int frame = ev.path("frame").asInt(-1);
                if (frame < 0 || frame >= map.length) {
                    skipped++;
                    problems.add(source + ": event " + index + " names frame " + frame + " outside shared.frames");
                    continue;
                }
                if (!open.isEmpty() && at > last) {
                    if (ids.length < open.size()) {
                        ids = new int[open.size() * 2];
                    }
                    for (int i = 0; i < open.size(); i++) {
                        ids[i] = map[open.get(i)];
                    }
                    trie.add(ids, open.size(), Math.round(at - last));
                }
                last = at;
                if ("O".equals(ev.path("type").asText())) {
                    open.add(frame);
                } else if (!open.isEmpty()) {
                    open.remove(open.size() - 1);
                }
            }
        } else {
            JsonNode samples = p.path("samples");
            JsonNode weights = p.path("weights");
            for (int s = 0; s < samples.size(); s++) {
                JsonNode stack = samples.get(s);
                int[] ids = new int[stack.size()];
                boolean ok = true;
                for (int i = 0; i < ids.length; i++) {
                    int f = stack.get(i).asInt(-1);
                    if (f < 0 || f >= map.length) {
                        ok = false;
                        break;
                    }
                    ids[i] = map[f];
                }
                if (!ok) {
                    skipped++;
                    problems.add(source + ": sample " + (s + 1) + " names a frame outside shared.frames");
                    continue;
                }
                JsonNode weight = weights.get(s);
                // integral weights stay exact (a double keeps only 53 bits); fractional ones are rounded
                long w = weight == null ? 1 : weight.isIntegralNumber() && weight.canConvertToLong() ? weight.asLong()
                        : Math.round(weight.asDouble());
                trie.add(ids, ids.length, w);
            }
        }
        return new Profile(source, ProfileFormat.SPEEDSCOPE, "samples", unit, trie, skipped, problems, List.of("samples"));
    }

    /**
     * Writes a profile as a speedscope sampled profile: one sample per stack with a self count.
     *
     * @param profile the profile
     * @param out where to write
     * @throws IOException when writing fails
     */
    public static void write(Profile profile, OutputStream out) throws IOException {
        StackTrie trie = profile.trie();
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("exporter", "Triage");
        root.put("name", profile.source());
        ArrayNode frames = root.putObject("shared").putArray("frames");
        FrameTable table = trie.frames();
        for (int f = 1; f < table.size(); f++) {
            frames.addObject().put("name", table.name(f));
        }
        ObjectNode p = root.putArray("profiles").addObject();
        p.put("type", "sampled");
        p.put("name", profile.source() + " (" + profile.sampleType() + ")");
        p.put("unit", speedscopeUnit(profile.unit()));
        p.put("startValue", 0);
        p.put("endValue", trie.grandTotal());
        ArrayNode samples = p.putArray("samples");
        ArrayNode weights = p.putArray("weights");
        // from the root: samples without any frame (a pprof sample with no location) are an empty stack
        for (int n = StackTrie.ROOT; n < trie.size(); n++) {
            if (trie.self(n) == 0) {
                continue;
            }
            ArrayNode stack = JSON.createArrayNode();
            List<Integer> path = new ArrayList<>();
            for (int x = n; x > StackTrie.ROOT; x = trie.parent(x)) {
                path.add(0, trie.frame(x) - 1);
            }
            path.forEach(stack::add);
            samples.add(stack);
            weights.add(trie.self(n));
        }
        JSON.writeValue(out, root);
    }

    private static String speedscopeUnit(String unit) {
        return switch (unit == null ? "" : unit) {
            case "nanoseconds" -> "nanoseconds";
            case "microseconds" -> "microseconds";
            case "milliseconds" -> "milliseconds";
            case "seconds" -> "seconds";
            case "bytes" -> "bytes";
            default -> "none";
        };
    }
}
