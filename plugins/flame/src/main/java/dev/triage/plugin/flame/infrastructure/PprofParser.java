package dev.triage.plugin.flame.infrastructure;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.triage.plugin.flame.domain.FrameTable;
import dev.triage.plugin.flame.domain.Profile;
import dev.triage.plugin.flame.domain.ProfileFormat;
import dev.triage.plugin.flame.domain.StackTrie;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Go's pprof protobuf profile ({@code profile.proto}: samples, locations with inlined lines, functions, string
 * table) with protobuf's {@link CodedInputStream}, merging every sample's stack for one chosen sample type.
 */
public final class PprofParser {

    private PprofParser() {
    }

    private record Loc(long address, long[] functionIds) {
    }

    /** A sample: its stack, its values, and its labels as (key, string value, number value) string-table triples. */
    private record Sample(long[] locationIds, long[] values, long[] labels) {
    }

    /** Label keys that name a thread or goroutine, in the order they are preferred when splitting by thread. */
    static final List<String> THREAD_LABELS = List.of("thread", "thread_name", "thread name", "threadname", "thread_id",
            "thread id", "tid", "goroutine", "goroutine_id");

    /**
     * Parses an unzipped pprof message.
     *
     * @param data the protobuf bytes
     * @param source the file name for messages
     * @param sampleType the sample type to use (such as {@code cpu} or {@code alloc_space}), or null for the
     *     profile's default (its {@code default_sample_type}, else the last)
     * @return the profile
     * @throws ProfileParseException when the bytes are not a pprof profile, naming the byte offset
     */
    public static Profile parse(byte[] data, String source, String sampleType) throws ProfileParseException {
        return parse(data, source, sampleType, false);
    }

    /**
     * Parses an unzipped pprof message, optionally split by thread: samples with a thread or goroutine label
     * ({@link #THREAD_LABELS}) get a root frame naming it ({@code thread worker-1}), the others stay as they are.
     *
     * @param data the protobuf bytes
     * @param source the file name for messages
     * @param sampleType the sample type to use, or null for the profile's default
     * @param threads whether to split stacks by their thread label
     * @return the profile
     * @throws ProfileParseException when the bytes are not a pprof profile, naming the byte offset
     */
    public static Profile parse(byte[] data, String source, String sampleType, boolean threads) throws ProfileParseException {
        List<long[]> types = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        Map<Long, Loc> locations = new HashMap<>();
        Map<Long, Long> functionNames = new HashMap<>();
        List<String> strings = new ArrayList<>();
        long defaultType = 0;
        CodedInputStream in = CodedInputStream.newInstance(data);
        try {
            while (!in.isAtEnd()) {
                int tag = in.readTag();
                switch (WireFormat.getTagFieldNumber(tag)) {
                    case 1 -> types.add(valueType(in));
                    case 2 -> samples.add(sample(in));
                    case 4 -> {
                        Map.Entry<Long, Loc> e = location(in);
                        locations.put(e.getKey(), e.getValue());
                    }
                    case 5 -> {
                        long[] f = function(in);
                        functionNames.put(f[0], f[1]);
                    }
                    case 6 -> strings.add(in.readStringRequireUtf8());
                    case 14 -> defaultType = in.readInt64();
                    default -> in.skipField(tag);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ProfileParseException(source + " byte " + in.getTotalBytesRead()
                    + ": not a valid pprof protobuf profile (" + e.getMessage() + ")", e);
        }
        if (types.isEmpty()) {
            throw new ProfileParseException(source + ": a pprof profile without sample types (byte 0)", null);
        }
        List<String> typeNames = new ArrayList<>();
        for (long[] t : types) {
            typeNames.add(str(strings, t[0]));
        }
        int index = types.size() - 1;
        if (sampleType != null && !sampleType.isBlank()) {
            index = typeNames.indexOf(sampleType);
            if (index < 0) {
                try {
                    index = Integer.parseInt(sampleType);
                } catch (NumberFormatException e) {
                    index = -1;
                }
                if (index < 0 || index >= types.size()) {
                    throw new ProfileParseException(source + ": no sample type '" + sampleType + "', the profile has "
                            + typeNames, null);
                }
            }
        } else if (defaultType != 0) {
            int d = typeNames.indexOf(str(strings, defaultType));
            if (d >= 0) {
                index = d;
            }
        }
        FrameTable frames = new FrameTable();
        StackTrie trie = new StackTrie(frames);
        int[] ids = new int[256];
        long skipped = 0;
        List<String> problems = new ArrayList<>();
        Map<Long, int[]> locFrames = new HashMap<>();
        for (Sample s : samples) {
            if (index >= s.values.length) {
                skipped++;
                continue;
            }
            long value = s.values[index];
            if (value == 0) {
                continue;
            }
            int n = 0;
            boolean broken = false;
            String thread = threads ? threadOf(s, strings) : null;
            if (thread != null) {
                ids[n++] = frames.intern(thread);
            }
            for (int i = s.locationIds.length - 1; i >= 0; i--) {
                long locId = s.locationIds[i];
                int[] fs = locFrames.get(locId);
                if (fs == null) {
                    Loc loc = locations.get(locId);
                    if (loc == null) {
                        broken = true;
                        break;
                    }
                    fs = frameIds(loc, functionNames, strings, frames);
                    locFrames.put(locId, fs);
                }
                for (int f : fs) {
                    if (n == ids.length) {
                        ids = java.util.Arrays.copyOf(ids, n * 2);
                    }
                    ids[n++] = f;
                }
            }
            if (broken) {
                skipped++;
                if (problems.size() < 100) {
                    problems.add(source + ": a sample names a location id that the profile does not define");
                }
                continue;
            }
            trie.add(ids, n, value);
        }
        return new Profile(source, ProfileFormat.PPROF, typeNames.get(index), str(strings, types.get(index)[1]), trie,
                skipped, problems, typeNames);
    }

    /** Root-most first: a location's lines are leaf-most first, so they are reversed. */
    private static int[] frameIds(Loc loc, Map<Long, Long> functionNames, List<String> strings, FrameTable frames) {
        if (loc.functionIds.length == 0) {
            return new int[] {frames.intern(String.format("0x%x", loc.address))};
        }
        int[] out = new int[loc.functionIds.length];
        for (int i = 0; i < out.length; i++) {
            Long nameIndex = functionNames.get(loc.functionIds[loc.functionIds.length - 1 - i]);
            String name = nameIndex == null ? "" : str(strings, nameIndex);
            // go tool pprof shows a function without a name as <unknown>
            out[i] = frames.intern(name.isEmpty() ? "<unknown>" : name);
        }
        return out;
    }

    private static String str(List<String> strings, long index) {
        return index >= 0 && index < strings.size() ? strings.get((int) index) : "";
    }

    /** Reads a ValueType: type and unit, both string-table indexes (fields 1 and 2). */
    private static long[] valueType(CodedInputStream in) throws IOException {
        return firstTwoNumbers(in);
    }

    /** Reads a message's varint fields 1 and 2 and skips the rest. */
    private static long[] firstTwoNumbers(CodedInputStream in) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        long[] t = new long[2];
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 1 || field == 2) {
                t[field - 1] = in.readInt64();
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(limit);
        return t;
    }

    private static Sample sample(CodedInputStream in) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        LongList locs = new LongList();
        LongList values = new LongList();
        LongList labels = new LongList();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 3 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                label(in, labels);
            } else if (field == 1 || field == 2) {
                LongList target = field == 1 ? locs : values;
                if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    int packed = in.pushLimit(in.readRawVarint32());
                    while (!in.isAtEnd()) {
                        target.add(in.readRawVarint64());
                    }
                    in.popLimit(packed);
                } else {
                    target.add(in.readRawVarint64());
                }
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(limit);
        return new Sample(locs.toArray(), values.toArray(), labels.toArray());
    }

    /** Reads a Label (key 1, str 2, num 3, all varints) as a triple; a missing str is -1. */
    private static void label(CodedInputStream in, LongList out) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        long key = 0;
        long str = -1;
        long num = 0;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> key = in.readInt64();
                case 2 -> str = in.readInt64();
                case 3 -> num = in.readInt64();
                default -> in.skipField(tag);
            }
        }
        in.popLimit(limit);
        out.add(key);
        out.add(str);
        out.add(num);
    }

    /** Returns the root frame naming a sample's thread, from its most preferred thread label, or null. */
    private static String threadOf(Sample s, List<String> strings) {
        String best = null;
        int rank = Integer.MAX_VALUE;
        for (int i = 0; i + 2 < s.labels.length; i += 3) {
            String key = str(strings, s.labels[i]);
            int r = THREAD_LABELS.indexOf(key.toLowerCase(java.util.Locale.ROOT));
            if (r >= 0 && r < rank) {
                rank = r;
                String value = s.labels[i + 1] > 0 ? str(strings, s.labels[i + 1]) : Long.toString(s.labels[i + 2]);
                best = (key.startsWith("goroutine") ? "goroutine " : "thread ") + value;
            }
        }
        return best;
    }

    private static Map.Entry<Long, Loc> location(CodedInputStream in) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        long id = 0;
        long address = 0;
        LongList functions = new LongList();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> id = in.readUInt64();
                case 3 -> address = in.readUInt64();
                case 4 -> {
                    int line = in.pushLimit(in.readRawVarint32());
                    long fn = 0;
                    while (!in.isAtEnd()) {
                        int t = in.readTag();
                        if (WireFormat.getTagFieldNumber(t) == 1) {
                            fn = in.readUInt64();
                        } else {
                            in.skipField(t);
                        }
                    }
                    in.popLimit(line);
                    functions.add(fn);
                }
                default -> in.skipField(tag);
            }
        }
        in.popLimit(limit);
        return Map.entry(id, new Loc(address, functions.toArray()));
    }

    /** Reads a Function's id and name index (fields 1 and 2). */
    private static long[] function(CodedInputStream in) throws IOException {
        return firstTwoNumbers(in);
    }

    /** A growable list of longs. */
    private static final class LongList {
        private long[] a = new long[8];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
