package dev.triage.plugin.flame.infrastructure;

import dev.triage.plugin.flame.domain.FrameTable;
import dev.triage.plugin.flame.domain.Profile;
import dev.triage.plugin.flame.domain.ProfileFormat;
import dev.triage.plugin.flame.domain.StackTrie;
import dev.triage.plugin.flame.domain.Timeline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads Java Flight Recorder recordings (the JDK's and async-profiler's) with {@code jdk.jfr.consumer}: CPU samples
 * ({@code jdk.ExecutionSample} not sleeping, weighted by the sampling interval), wall samples (all execution samples),
 * allocation samples (bytes) and lock events (monitor enter and park, weighted by their duration).
 */
public final class JfrParser {

    /** The sample types a recording offers. */
    public static final List<String> TYPES = List.of("cpu", "wall", "alloc", "lock");

    private static final long DEFAULT_INTERVAL = 10_000_000L;
    private static final Pattern LAMBDA = Pattern.compile("\\$\\$Lambda\\$\\d+[./](0x)?[0-9a-f]+");
    private static final Pattern HIDDEN = Pattern.compile("/(0x[0-9a-f]+)$");
    private static final Pattern GENERATED = Pattern.compile(
            "(GeneratedMethodAccessor|GeneratedConstructorAccessor|GeneratedSerializationConstructorAccessor)\\d+");

    private JfrParser() {
    }

    /**
     * Parses a recording, plain or gzip.
     *
     * @param file the recording
     * @param source the file name for messages
     * @param sampleType cpu (default), wall, alloc or lock
     * @return the profile
     * @throws IOException when the recording cannot be read, naming the file
     */
    public static Profile parse(Path file, String source, String sampleType) throws IOException {
        return parse(file, source, sampleType, false);
    }

    /**
     * Parses a recording, plain or gzip, optionally with one root frame per thread.
     *
     * @param file the recording
     * @param source the file name for messages
     * @param sampleType cpu (default), wall, alloc or lock
     * @param threads whether to split stacks by thread
     * @return the profile
     * @throws IOException when the recording cannot be read, naming the file
     */
    public static Profile parse(Path file, String source, String sampleType, boolean threads) throws IOException {
        String type = sampleType == null || sampleType.isBlank() ? "cpu" : sampleType.toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new ProfileParseException(source + ": no sample type '" + sampleType + "' in a JFR recording, expected "
                    + TYPES, null);
        }
        Path plain = file;
        Path temp = null;
        try {
            byte[] magic;
            try {
                magic = Inputs.head(file, 4);
            } catch (IOException e) {
                throw new ProfileParseException(source + " byte 0: cannot be read, a truncated or corrupt gzip stream? ("
                        + e.getMessage() + ")", e);
            }
            if (Files.size(file) >= 2 && isGzip(file)) {
                temp = Files.createTempFile("triage-flame-", ".jfr");
                try (InputStream in = Inputs.open(file)) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new ProfileParseException(source + ": the gzip stream is truncated or corrupt (" + e.getMessage()
                            + ")", e);
                }
                plain = temp;
            }
            if (magic.length < 4 || magic[0] != 'F' || magic[1] != 'L' || magic[2] != 'R' || magic[3] != 0) {
                throw new ProfileParseException(source + " byte 0: not a JFR recording (no FLR magic)", null);
            }
            return read(plain, source, type, threads);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static Profile read(Path file, String source, String type, boolean threads) throws IOException {
        List<RecordedEvent> events = new ArrayList<>();
        long interval = 0;
        long wallInterval = 0;
        long skipped = 0;
        List<String> problems = new ArrayList<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e;
                try {
                    e = recording.readEvent();
                } catch (IOException broken) {
                    skipped++;
                    problems.add(source + ": recording cut short after " + events.size() + " events (" + broken.getMessage() + ")");
                    break;
                }
                String name = e.getEventType().getName();
                if (name.equals("jdk.ActiveSetting")) {
                    String setting = e.getString("name");
                    String value = e.getString("value");
                    if ("interval".equals(setting)) {
                        interval = Math.max(interval, number(value));
                    } else if ("wall".equals(setting)) {
                        wallInterval = Math.max(wallInterval, number(value));
                    }
                } else if (wanted(type, name) && e.getStackTrace() != null) {
                    events.add(e);
                }
            }
        } catch (IOException e) {
            throw new ProfileParseException(source + ": not a readable JFR recording (" + e.getMessage() + ")", e);
        }
        long cpuWeight = interval > 0 ? interval : DEFAULT_INTERVAL;
        long wallWeight = wallInterval > 0 ? wallInterval : cpuWeight;
        FrameTable frames = new FrameTable();
        StackTrie trie = new StackTrie(frames);
        Timeline timeline = new Timeline();
        int[] ids = new int[256];
        for (RecordedEvent e : events) {
            long weight = weight(type, e, cpuWeight, wallWeight);
            if (weight <= 0) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            List<RecordedFrame> fs = st.getFrames();
            int n = fs.size();
            int offset = threads ? 1 : 0;
            if (ids.length < n + offset) {
                ids = new int[(n + offset) * 2];
            }
            if (threads) {
                ids[0] = frames.intern("thread " + threadName(e));
            }
            for (int i = 0; i < n; i++) {
                ids[offset + i] = frames.intern(frameName(fs.get(n - 1 - i)));
            }
            int leaf = trie.add(ids, n + offset, weight);
            java.time.Instant at = e.getStartTime();
            timeline.add(at.getEpochSecond() * 1_000_000_000L + at.getNano(), leaf, weight);
        }
        String unit = switch (type) {
            case "alloc" -> "bytes";
            default -> "nanoseconds";
        };
        return new Profile(source, ProfileFormat.JFR, type, unit, trie, skipped, problems, TYPES,
                timeline.size() == 0 ? null : timeline);
    }

    private static boolean wanted(String type, String event) {
        return switch (type) {
            case "cpu", "wall" -> event.equals("jdk.ExecutionSample");
            case "alloc" -> event.equals("jdk.ObjectAllocationInNewTLAB") || event.equals("jdk.ObjectAllocationOutsideTLAB")
                    || event.equals("jdk.ObjectAllocationSample");
            default -> event.equals("jdk.JavaMonitorEnter") || event.equals("jdk.ThreadPark")
                    || event.equals("jdk.JavaMonitorWait");
        };
    }

    private static long weight(String type, RecordedEvent e, long cpuWeight, long wallWeight) {
        switch (type) {
            case "cpu":
                return "STATE_SLEEPING".equals(state(e)) ? 0 : cpuWeight;
            case "wall":
                return wallWeight;
            case "alloc":
                for (String field : new String[] {"weight", "tlabSize", "allocationSize"}) {
                    if (e.hasField(field)) {
                        return e.getLong(field);
                    }
                }
                return 0;
            default:
                Duration d = e.getDuration();
                return d == null ? 0 : d.toNanos();
        }
    }

    private static String threadName(RecordedEvent e) {
        for (String field : new String[] {"sampledThread", "eventThread"}) {
            if (e.hasField(field)) {
                jdk.jfr.consumer.RecordedThread t = e.getThread(field);
                if (t != null) {
                    String name = t.getJavaName() != null ? t.getJavaName() : t.getOSName();
                    return name == null ? "#" + t.getOSThreadId() : name;
                }
            }
        }
        return "?";
    }

    private static String state(RecordedEvent e) {
        if (!e.hasField("state")) {
            return null;
        }
        Object v = e.getValue("state");
        if (v instanceof jdk.jfr.consumer.RecordedObject o && o.hasField("name")) {
            return o.getString("name");
        }
        return v == null ? null : v.toString();
    }

    /** The name jfr-parser gives a frame: class (slashes) dot method colon line. */
    static String frameName(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        String className = "";
        String methodName = "";
        if (method != null) {
            methodName = method.getName();
            RecordedClass type = method.getType();
            if (type != null && type.getName() != null) {
                className = type.getName();
                if (javaClass(frame.getType(), className)) {
                    // hidden classes keep the dot before their address suffix, as in the JVM's own name
                    className = HIDDEN.matcher(className.replace('.', '/')).replaceFirst(".$1");
                }
            }
        }
        // generated classes get a new number per JVM: jfr-parser names them all alike
        className = GENERATED.matcher(LAMBDA.matcher(className).replaceAll("\\$\\$Lambda_")).replaceAll("$1_");
        return className + "." + methodName + ":" + Math.max(0, frame.getLineNumber());
    }

    /** Java frames name classes with slashes; native library frames (libjvm.so, kernel, C++) keep their name. */
    private static boolean javaClass(String frameType, String className) {
        if (frameType == null) {
            return true;
        }
        return switch (frameType) {
            case "C++", "Kernel" -> false;
            default -> !className.contains(".so") && !className.contains(".dll") && !className.contains(".dylib")
                    && !className.contains(" ");
        };
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
