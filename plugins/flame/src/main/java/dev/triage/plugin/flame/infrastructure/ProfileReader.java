package dev.triage.plugin.flame.infrastructure;

import dev.triage.plugin.flame.domain.FrameTable;
import dev.triage.plugin.flame.domain.Profile;
import dev.triage.plugin.flame.domain.ProfileFormat;
import dev.triage.plugin.flame.domain.StackTrie;
import dev.triage.plugin.flame.domain.Timeline;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/** Tells the profile format of a file from its first bytes (plain or gzip) and reads it with the right parser. */
public final class ProfileReader {

    private static final Pattern PERF_FRAME = Pattern.compile("(?m)^\\s*[0-9a-fA-F]{1,16}\\s+\\S.* \\(\\S*\\)\\s*$");
    private static final Pattern FOLDED_LINE = Pattern.compile("(?m)^[^\\n]*\\S[ \\t]+\\d+(\\.\\d*)?\\r?$");

    /**
     * How to read a profile.
     *
     * @param sampleType the sample type for pprof and JFR (null for the default)
     * @param perf the stackcollapse-perf.pl options for perf script text
     * @param threads whether JFR and pprof stacks are split by thread (a root frame per thread name or thread/goroutine label)
     */
    public record Options(String sampleType, PerfScriptCollapser.Options perf, boolean threads) {

        /** The defaults: default sample type, process names only, threads merged. */
        public static final Options DEFAULT = new Options(null, PerfScriptCollapser.Options.DEFAULT, false);

        /**
         * Options with threads merged.
         *
         * @param sampleType the sample type for pprof and JFR (null for the default)
         * @param perf the stackcollapse-perf.pl options for perf script text
         */
        public Options(String sampleType, PerfScriptCollapser.Options perf) {
            this(sampleType, perf, false);
        }
    }

    private ProfileReader() {
    }

    /**
     * Tells the format of a profile from its first bytes.
     *
     * @param rawHead the first bytes of the file, gzip or not
     * @return the format, or empty when it is not a profile Triage reads
     */
    public static Optional<ProfileFormat> detect(byte[] rawHead) {
        byte[] head = Inputs.unzipHead(rawHead);
        if (head.length >= 4 && head[0] == 'F' && head[1] == 'L' && head[2] == 'R' && head[3] == 0) {
            return Optional.of(ProfileFormat.JFR);
        }
        if (binary(head) && looksLikeProfileProto(head)) {
            return Optional.of(ProfileFormat.PPROF);
        }
        String text = text(head);
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") && trimmed.contains("speedscope")) {
            return Optional.of(ProfileFormat.SPEEDSCOPE);
        }
        if (binary(head) && !utf16(head)) {
            return Optional.empty();
        }
        if (PERF_FRAME.matcher(text).find()) {
            return Optional.of(ProfileFormat.PERF_SCRIPT);
        }
        if (folded(text)) {
            return Optional.of(ProfileFormat.FOLDED);
        }
        return Optional.empty();
    }

    /**
     * Tells whether a head is one of the pre-protobuf pprof formats: the text heap/growth/contention profiles, the Java
     * text profiles, or the legacy binary CPU profile (machine words 0, 3, any, period, 0 at the start).
     */
    static boolean legacyPprof(byte[] head) {
        String t = text(head).stripLeading();
        if (t.startsWith("heap profile:") || t.startsWith("heap_v2/") || t.startsWith("--- contention") || t.startsWith("--- heapz")
                || t.startsWith("--- symbol") || t.startsWith("--- heap") || t.startsWith("--- profile")) {
            return true;
        }
        if (head.length >= 20) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(head).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            if (b.getInt(0) == 0 && b.getInt(4) == 3 && b.getInt(16) == 0) {
                return true;
            }
            b.order(java.nio.ByteOrder.BIG_ENDIAN);
            if (b.getInt(0) == 0 && b.getInt(4) == 3 && b.getInt(16) == 0) {
                return true;
            }
        }
        return head.length >= 40 && java.nio.ByteBuffer.wrap(head).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(0) == 0
                && java.nio.ByteBuffer.wrap(head).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(8) == 3
                && java.nio.ByteBuffer.wrap(head).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(32) == 0;
    }

    /**
     * Tells whether most whole lines of a head are {@code frame;frame count}: a log line that happens to end in a number
     * ("as process 31881") must not make a server log a profile.
     */
    static boolean folded(String head) {
        String[] lines = head.split("\n", -1);
        int whole = lines.length > 1 ? lines.length - 1 : lines.length;
        int seen = 0;
        int matched = 0;
        boolean stacks = false;
        for (int i = 0; i < whole && seen < 200; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            seen++;
            if (FOLDED_LINE.matcher(line).matches()) {
                matched++;
                stacks |= line.indexOf(';') > 0;
            }
        }
        // most lines are stacks with a count; without any ';' (single-frame stacks) every line must be one
        return matched > 0 && (stacks ? matched * 2 >= seen : matched == seen);
    }

    /** Walks the top-level protobuf fields of the head: every one must be a field of profile.proto with its wire type. */
    static boolean looksLikeProfileProto(byte[] head) {
        int pos = 0;
        int fields = 0;
        while (pos < head.length) {
            long[] tag = varint(head, pos);
            if (tag == null) {
                break;
            }
            pos = (int) tag[1];
            int field = (int) (tag[0] >>> 3);
            int wire = (int) (tag[0] & 7);
            boolean delimited = field >= 1 && field <= 6 || field == 11 || field == 13;
            boolean number = field >= 7 && field <= 10 || field == 12 || field == 14;
            if (delimited && wire == 2) {
                long[] len = varint(head, pos);
                if (len == null) {
                    break;
                }
                pos = (int) Math.min(head.length, len[1] + len[0]);
            } else if (number && wire == 0) {
                long[] v = varint(head, pos);
                if (v == null) {
                    break;
                }
                pos = (int) v[1];
            } else {
                return false;
            }
            fields++;
        }
        return fields >= 2;
    }

    private static long[] varint(byte[] b, int pos) {
        long v = 0;
        for (int shift = 0; shift < 64 && pos < b.length; shift += 7) {
            int c = b[pos++] & 0xff;
            v |= (long) (c & 0x7f) << shift;
            if (c < 0x80) {
                return new long[] {v, pos};
            }
        }
        return null;
    }

    private static boolean utf16(byte[] head) {
        return head.length >= 2 && ((head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe
                || (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff);
    }

    private static String text(byte[] head) {
        if (utf16(head)) {
            return new String(head, 2, head.length - 2 - (head.length % 2),
                    (head[0] & 0xff) == 0xff ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        }
        return new String(head, StandardCharsets.ISO_8859_1);
    }

    private static boolean binary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            int c = b & 0xff;
            if (c < 0x09 || c > 0x0d && c < 0x20 && c != 0x1b) {
                control++;
            }
        }
        return control > 0;
    }

    /**
     * Reads a profile file, detecting its format.
     *
     * @param file the file
     * @param options sample type and perf options
     * @return the profile
     * @throws IOException when the file is not a profile or is broken, with a message naming file and line or offset
     */
    public static Profile read(Path file, Options options) throws IOException {
        String source = file.getFileName().toString();
        byte[] head;
        try {
            head = readHead(file);
        } catch (IOException e) {
            throw new ProfileParseException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        ProfileFormat format = detect(head).orElseThrow(() -> new ProfileParseException(source
                + " line 1: not a profile Triage reads (folded stacks, perf script, pprof, JFR or speedscope JSON)"
                + (legacyPprof(Inputs.unzipHead(head)) ? "; it is a legacy pprof profile: convert it with"
                        + " 'go tool pprof -proto " + source + " > " + source + ".pb.gz' and open that" : ""), null));
        try {
            return switch (format) {
                case JFR -> JfrParser.parse(file, source, options.sampleType(), options.threads());
                case PPROF -> {
                    byte[] data;
                    try (InputStream in = Inputs.open(file)) {
                        data = readAll(in, source);
                    }
                    yield PprofParser.parse(data, source, options.sampleType(), options.threads());
                }
                case SPEEDSCOPE -> {
                    try (InputStream in = Inputs.open(file)) {
                        yield SpeedscopeJson.read(in, source);
                    }
                }
                case PERF_SCRIPT -> {
                    try (InputStream in = Inputs.open(file)) {
                        yield fromPerf(PerfScriptCollapser.collapse(in, perf(options), source, true), source);
                    }
                }
                case FOLDED -> {
                    try (InputStream in = Inputs.open(file)) {
                        yield FoldedParser.parse(in, source);
                    }
                }
            };
        } catch (EOFException | ZipException e) {
            throw new ProfileParseException(source + ": the gzip stream is truncated or corrupt (" + e.getMessage() + ")", e);
        }
    }

    private static PerfScriptCollapser.Options perf(Options options) {
        return options.perf() == null ? PerfScriptCollapser.Options.DEFAULT : options.perf();
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(65536);
        }
    }

    private static byte[] readAll(InputStream in, String source) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        try {
            for (int n; (n = in.read(buf)) > 0;) {
                out.write(buf, 0, n);
                total += n;
            }
        } catch (EOFException | ZipException e) {
            throw new ProfileParseException(source + " byte " + total + " (unzipped): the gzip stream is truncated or corrupt ("
                    + e.getMessage() + ")", e);
        }
        return out.toByteArray();
    }

    /**
     * Builds a profile from collapsed perf stacks (Latin-1 text decoded to UTF-8 names).
     *
     * @param result the collapse result
     * @param source the file name
     * @return the profile
     */
    public static Profile fromPerf(PerfScriptCollapser.Result result, String source) {
        FrameTable frames = new FrameTable();
        StackTrie trie = new StackTrie(frames);
        java.util.HashMap<String, Integer> leaves = new java.util.HashMap<>();
        for (Map.Entry<String, Long> e : result.stacks().entrySet()) {
            String stack = new String(e.getKey().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            String[] parts = stack.split(";", -1);
            int[] ids = new int[parts.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = frames.intern(parts[i]);
            }
            leaves.put(e.getKey(), trie.add(ids, ids.length, e.getValue()));
        }
        Timeline timeline = null;
        List<String> samples = result.sampleStacks();
        if (!samples.isEmpty() && result.sampleTime(0) >= 0) {
            timeline = new Timeline();
            for (int i = 0; i < samples.size(); i++) {
                if (result.sampleTime(i) >= 0) {
                    timeline.add(result.sampleTime(i), leaves.get(samples.get(i)), result.sampleWeight(i));
                }
            }
        }
        return new Profile(source, ProfileFormat.PERF_SCRIPT, "samples", "count", trie, result.skipped(), result.problems(),
                List.of("samples"), timeline);
    }
}
