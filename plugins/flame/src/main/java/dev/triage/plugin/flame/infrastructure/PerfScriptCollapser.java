package dev.triage.plugin.flame.infrastructure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collapses {@code perf script} text into folded stacks with the rules of FlameGraph's stackcollapse-perf.pl: process
 * name first (with pid and tid when asked), offsets stripped, {@code [unknown]} frames named after their module,
 * generic and Java name tidying, {@code _[k]} and {@code _[j]} annotations, only the first event type kept.
 */
public final class PerfScriptCollapser {

    /**
     * The options of stackcollapse-perf.pl.
     *
     * @param pid include the process id with the process name ({@code --pid})
     * @param tid include process and thread ids ({@code --tid})
     * @param kernel annotate kernel frames with {@code _[k]} ({@code --kernel})
     * @param jit annotate JIT frames with {@code _[j]} ({@code --jit})
     * @param addrs include addresses of unknown frames ({@code --addrs})
     */
    public record Options(boolean pid, boolean tid, boolean kernel, boolean jit, boolean addrs) {

        /** No option: process names only. */
        public static final Options DEFAULT = new Options(false, false, false, false, false);

        /**
         * Returns the options for one stackcollapse-perf.pl flag name.
         *
         * @param flag pid, tid, kernel, jit, all or addrs
         * @return the options
         */
        public static Options of(String flag) {
            return switch (flag) {
                case "pid" -> new Options(true, false, false, false, false);
                case "tid" -> new Options(false, true, false, false, false);
                case "kernel" -> new Options(false, false, true, false, false);
                case "jit" -> new Options(false, false, false, true, false);
                case "all" -> new Options(false, false, true, true, false);
                case "addrs" -> new Options(false, false, false, false, true);
                default -> throw new IllegalArgumentException("Unknown perf collapse option '" + flag
                        + "', expected pid, tid, kernel, jit, all or addrs");
            };
        }
    }

    private static final Pattern HEADER = Pattern.compile("^(\\S.+?)\\s+(\\d+)/*(\\d+)*\\s+");
    private static final Pattern TIME = Pattern.compile("\\s(\\d+)\\.(\\d{1,9}):");
    private static final Pattern EVENT = Pattern.compile(":\\s*(\\d+)*\\s+(\\S+):\\s*$");
    private static final Pattern FRAME = Pattern.compile("^\\s*(\\w+)\\s*(.+) \\((\\S*)\\)");
    private static final Pattern OFFSET = Pattern.compile("\\+0x[\\da-f]+$");
    private static final Pattern GO_METHOD = Pattern.compile("\\.\\(.*\\)\\.");
    private static final Pattern ARGS = Pattern.compile("\\((?!anonymous namespace\\)).*");
    private static final Pattern KERNEL_MOD = Pattern.compile("(^\\[|vmlinux$)");
    private static final Pattern JIT_MOD = Pattern.compile("/tmp/perf-\\d+\\.map");

    /** What a collapse produced. */
    public static final class Result {
        private final Map<String, Long> stacks = new TreeMap<>();
        private long skipped;
        private final List<String> problems = new ArrayList<>();
        private final List<String> sampleStacks = new ArrayList<>();
        private long[] sampleTimes = new long[64];
        private long[] sampleWeights = new long[64];

        private void sample(String stack, long timeNanos, long weight) {
            int n = sampleStacks.size();
            if (n == sampleTimes.length) {
                sampleTimes = java.util.Arrays.copyOf(sampleTimes, n * 2);
                sampleWeights = java.util.Arrays.copyOf(sampleWeights, n * 2);
            }
            sampleStacks.add(stack);
            sampleTimes[n] = timeNanos;
            sampleWeights[n] = weight;
        }

        /**
         * Returns every sample's folded stack in input order (kept only when collapsing for a viewer).
         *
         * @return the stacks
         */
        public List<String> sampleStacks() {
            return sampleStacks;
        }

        /**
         * Returns a sample's time stamp.
         *
         * @param i the sample index
         * @return nanoseconds since perf's clock start, or -1 when the header had none
         */
        public long sampleTime(int i) {
            return sampleTimes[i];
        }

        /**
         * Returns a sample's weight (its period, or 1).
         *
         * @param i the sample index
         * @return the weight
         */
        public long sampleWeight(int i) {
            return sampleWeights[i];
        }

        /**
         * Returns the folded stacks (Latin-1 text, byte per char) and their counts, sorted as Perl's {@code sort}.
         *
         * @return the stacks
         */
        public Map<String, Long> stacks() {
            return stacks;
        }

        /**
         * Returns the number of unrecognised lines.
         *
         * @return the count
         */
        public long skipped() {
            return skipped;
        }

        /**
         * Returns the first messages about unrecognised lines.
         *
         * @return the messages
         */
        public List<String> problems() {
            return problems;
        }

        /**
         * Returns the folded text, one {@code stack count} line each, as stackcollapse-perf.pl prints it.
         *
         * @return the lines
         */
        public List<String> lines() {
            List<String> out = new ArrayList<>(stacks.size());
            stacks.forEach((k, v) -> out.add(k + " " + v));
            return out;
        }
    }

    private PerfScriptCollapser() {
    }

    /**
     * Collapses {@code perf script} text read byte per char.
     *
     * @param in the text (not gzip: use {@link Inputs#unzip})
     * @param options the stackcollapse-perf.pl options
     * @param source the file name for messages
     * @return the folded stacks and the count of unrecognised lines
     * @throws IOException when the input cannot be read
     */
    public static Result collapse(InputStream in, Options options, String source) throws IOException {
        return collapse(in, options, source, false);
    }

    /**
     * Collapses {@code perf script} text, optionally keeping a last sample that no blank line ends (stackcollapse-perf.pl
     * drops it; a viewer should not).
     *
     * @param in the text (not gzip: use {@link Inputs#unzip})
     * @param options the stackcollapse-perf.pl options
     * @param source the file name for messages
     * @param keepLast whether to keep an unterminated last sample
     * @return the folded stacks and the count of unrecognised lines
     * @throws IOException when the input cannot be read
     */
    public static Result collapse(InputStream in, Options options, String source, boolean keepLast) throws IOException {
        Result result = new Result();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
        Deque<String> stack = new ArrayDeque<>();
        String pname = null;
        long period = 1;
        String eventFilter = "";
        long time = -1;
        long lineNo = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                if (pname == null) {
                    continue;
                }
                stack.addFirst(pname);
                String key = String.join(";", stack);
                result.stacks.merge(key, period, Long::sum);
                if (keepLast) {
                    result.sample(key, time, period);
                }
                stack.clear();
                pname = null;
                continue;
            }
            Matcher h = HEADER.matcher(line);
            if (h.find()) {
                String comm = h.group(1);
                String pid = h.group(2);
                String tid = h.group(3);
                if (tid == null || tid.isEmpty() || "0".equals(tid)) {
                    tid = pid;
                    pid = "?";
                }
                long p = 0;
                Matcher e = EVENT.matcher(line);
                if (e.find()) {
                    String event = e.group(2);
                    if (e.group(1) != null) {
                        p = Long.parseLong(e.group(1));
                    }
                    if (eventFilter.isEmpty()) {
                        eventFilter = event;
                    } else if (!event.equals(eventFilter)) {
                        continue;
                    }
                }
                period = p == 0 ? 1 : p;
                Matcher tm = TIME.matcher(line);
                time = -1;
                if (tm.find()) {
                    String frac = (tm.group(2) + "000000000").substring(0, 9);
                    time = Long.parseLong(tm.group(1)) * 1_000_000_000L + Long.parseLong(frac);
                }
                String name;
                if (options.tid()) {
                    name = comm + "-" + pid + "/" + tid;
                } else if (options.pid()) {
                    name = comm + "-" + pid;
                } else {
                    name = comm;
                }
                pname = name.replace(' ', '_');
                continue;
            }
            Matcher f = FRAME.matcher(line);
            if (f.find()) {
                if (pname == null) {
                    continue;
                }
                String pc = f.group(1);
                String rawfunc = OFFSET.matcher(f.group(2)).replaceFirst("");
                String mod = f.group(3);
                if (rawfunc.startsWith("(")) {
                    continue;
                }
                List<String> inline = new ArrayList<>();
                for (String part : rawfunc.split("->", -1)) {
                    inline.add(tidy(part, pc, mod, pname, options, !inline.isEmpty()));
                }
                for (int i = inline.size() - 1; i >= 0; i--) {
                    stack.addFirst(inline.get(i));
                }
                continue;
            }
            result.skipped++;
            if (result.problems.size() < 100) {
                result.problems.add(source + " line " + lineNo + ": not a perf script sample header or frame: " + line);
            }
        }
        // stackcollapse-perf.pl drops a last sample that no blank line ends; a file cut short keeps it here
        if (keepLast && pname != null) {
            stack.addFirst(pname);
            String key = String.join(";", stack);
            result.stacks.merge(key, period, Long::sum);
            result.sample(key, time, period);
        }
        return result;
    }

    private static String tidy(String part, String pc, String mod, String pname, Options options, boolean inlined) {
        String func = part;
        if (func.equals("[unknown]")) {
            if (!mod.equals("[unknown]")) {
                func = mod.replaceAll(".*/", "");
            } else {
                func = "unknown";
            }
            func = options.addrs() ? "[" + func + " <" + pc + ">]" : "[" + func + "]";
        }
        func = func.replace(';', ':');
        if (!GO_METHOD.matcher(func).find()) {
            func = ARGS.matcher(func).replaceFirst("");
        }
        func = func.replace("\"", "").replace("'", "");
        if (pname.equals("java") && func.contains("/") && func.startsWith("L")) {
            func = func.substring(1);
        }
        if (inlined) {
            if (!func.contains("_[i]")) {
                func += "_[i]";
            }
        } else if (options.kernel() && KERNEL_MOD.matcher(mod).find() && !mod.contains("unknown")) {
            func += "_[k]";
        } else if (options.jit() && JIT_MOD.matcher(mod).find()) {
            if (!func.contains("_[j]")) {
                func += "_[j]";
            }
        }
        return func;
    }
}
