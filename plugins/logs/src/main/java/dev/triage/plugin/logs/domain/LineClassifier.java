package dev.triage.plugin.logs.domain;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, line by line, whether a line starts a new entry (it begins with a time stamp of one of the file's detected
 * shapes) and reads its time and level; lines that do not start an entry continue the one before (stack traces,
 * wrapped messages). Year-less stamps take the year given, and move to the next year when the month wraps December to January.
 */
public final class LineClassifier {

    /** How many lines of a file's head the detection looks at. */
    public static final int SAMPLE_LINES = 400;

    private final List<StampParser.Kind> kinds;
    private final ZoneId zone;
    private final StampParser.Parsed parsed = new StampParser.Parsed();
    private int year;
    private int lastMonth;
    private long micros;
    private LogLevel level;

    /**
     * Creates a classifier.
     *
     * @param kinds the stamp shapes of the file, most frequent first; empty for a file without time
     * @param zone the zone of stamps without one
     * @param year the year of stamps without one
     */
    public LineClassifier(List<StampParser.Kind> kinds, ZoneId zone, int year) {
        this.kinds = List.copyOf(kinds);
        this.zone = zone;
        this.year = year;
    }

    /**
     * Finds the stamp shapes used by a file from lines of its head: every shape that starts at least one line (epoch
     * stamps only when they start most lines, as plain numbers are common), most frequent first.
     *
     * @param sample the first lines of the file
     * @return the shapes, empty when no line starts with a stamp
     */
    public static List<StampParser.Kind> detect(List<String> sample) {
        Map<StampParser.Kind, Integer> counts = new EnumMap<>(StampParser.Kind.class);
        StampParser.Parsed p = new StampParser.Parsed();
        int nonBlank = 0;
        for (String line : sample) {
            if (line.isBlank()) {
                continue;
            }
            nonBlank++;
            StampParser.Kind k = StampParser.parseAny(line, p);
            if (k != null) {
                counts.merge(k, 1, Integer::sum);
            }
        }
        Integer epoch = counts.get(StampParser.Kind.EPOCH);
        if (epoch != null && epoch * 2 < nonBlank) {
            counts.remove(StampParser.Kind.EPOCH);
        }
        List<StampParser.Kind> out = new ArrayList<>(counts.keySet());
        out.sort((a, b) -> counts.get(b) - counts.get(a));
        return out;
    }

    /**
     * Returns the shapes this classifier tries.
     *
     * @return the shapes, most frequent first
     */
    public List<StampParser.Kind> kinds() {
        return kinds;
    }

    /**
     * Looks at one line; when it starts an entry, {@link #micros()} and {@link #level()} describe it.
     *
     * @param line the line
     * @return true when the line starts an entry
     */
    public boolean startsEntry(CharSequence line) {
        return classify(line, true);
    }

    /**
     * Like {@link #startsEntry(CharSequence)} but reads only the time, not the level (for scans that need speed).
     *
     * @param line the line
     * @return true when the line starts an entry
     */
    public boolean startsEntryTimeOnly(CharSequence line) {
        return classify(line, false);
    }

    private boolean classify(CharSequence line, boolean withLevel) {
        for (int i = 0; i < kinds.size(); i++) {
            if (StampParser.parse(line, kinds.get(i), parsed)) {
                if (parsed.year == 0 && parsed.kind != StampParser.Kind.EPOCH) {
                    if (lastMonth == 12 && parsed.month == 1) {
                        year++;
                    }
                    lastMonth = parsed.month;
                }
                micros = StampParser.epochMicros(parsed, zone, year);
                level = !withLevel ? null : parsed.markLevel != null ? parsed.markLevel : findLevel(line, parsed.end);
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the time of the last line that started an entry.
     *
     * @return microseconds since 1970
     */
    public long micros() {
        return micros;
    }

    /**
     * Returns the level of the last line that started an entry.
     *
     * @return the level, UNKNOWN when none was found
     */
    public LogLevel level() {
        return level;
    }

    /**
     * Finds the level word among the first few tokens after the stamp: a bracketed word in any case ({@code [Warning]},
     * {@code [WARN ]}, {@code [error]}) or a bare upper-case word ({@code ERROR}).
     *
     * @param line the line
     * @param from where the stamp ends
     * @return the level, UNKNOWN when none was found
     */
    public static LogLevel findLevel(CharSequence line, int from) {
        int i = from;
        int n = line.length();
        int limit = Math.min(n, from + 120);
        for (int token = 0; token < 6 && i < limit; token++) {
            while (i < limit && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i >= limit) {
                break;
            }
            boolean bracket = line.charAt(i) == '[';
            int start = bracket ? i + 1 : i;
            int j = start;
            if (bracket) {
                while (j < n && line.charAt(j) != ']' && j - start < 40) {
                    j++;
                }
            } else {
                while (j < n && line.charAt(j) != ' ' && line.charAt(j) != '\t' && line.charAt(j) != '[') {
                    j++;
                }
            }
            int end = j;
            while (end > start && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == ':')) {
                end--;
            }
            if (end - start >= 3 && end - start <= 11) {
                String word = line.subSequence(start, end).toString();
                if (bracket || word.equals(word.toUpperCase(java.util.Locale.ROOT))) {
                    LogLevel l = LogLevel.parse(word);
                    if (l != null) {
                        return l;
                    }
                }
            }
            i = bracket && j < n ? j + 1 : j;
        }
        return LogLevel.UNKNOWN;
    }
}
