package dev.triage.plugin.metrics.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the Prometheus text exposition format (what {@code curl host:port/metrics} saves), one line at a time:
 * {@code # TYPE} and {@code # HELP} lines, samples with escaped label values ({@code \\}, {@code \"}, {@code \n}),
 * UTF-8 label values and quoted UTF-8 metric names, {@code NaN}, {@code +Inf} and {@code -Inf}, optional millisecond
 * timestamps, OpenMetrics exemplars (ignored) and {@code # EOF}. Histogram and summary samples ({@code _bucket},
 * {@code _sum}, {@code _count}, {@code _created}) take their family's type. Not thread-safe: one parser per file.
 */
public final class ExpositionParser {

    private static final String[] FAMILY_SUFFIXES = {"_bucket", "_sum", "_count", "_created", "_total", "_gcount", "_gsum"};

    private final long defaultTimeMillis;
    private final Map<String, MetricType> types = new HashMap<>();
    private final Map<String, String> help = new LinkedHashMap<>();

    /**
     * Creates a parser.
     *
     * @param defaultTimeMillis the time given to samples without a timestamp (when the file was taken)
     */
    public ExpositionParser(long defaultTimeMillis) {
        this.defaultTimeMillis = defaultTimeMillis;
    }

    /**
     * Returns the help texts read so far, by metric family.
     *
     * @return the help texts
     */
    public Map<String, String> help() {
        return java.util.Collections.unmodifiableMap(help);
    }

    /**
     * Returns the type declared for a family, or UNTYPED.
     *
     * @param family the family name
     * @return the type
     */
    public MetricType typeOf(String family) {
        return types.getOrDefault(family, MetricType.UNTYPED);
    }

    /**
     * Reads one line.
     *
     * @param line the line without its line break
     * @param lineNumber its 1-based number, for the problem's message
     * @return the sample on the line, empty for blank, comment, HELP and TYPE lines
     * @throws IllegalArgumentException naming the line when it is not valid exposition text
     */
    public Optional<Sample> line(String line, long lineNumber) {
        String s = line.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.charAt(0) == '#') {
            comment(s);
            return Optional.empty();
        }
        try {
            return Optional.of(sample(s));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage() + ": "
                    + (s.length() > 120 ? s.substring(0, 120) + "…" : s), e);
        }
    }

    private void comment(String s) {
        String[] parts = s.substring(1).strip().split("\\s+", 3);
        if (parts.length >= 3 && parts[0].equals("TYPE")) {
            types.put(unquote(parts[1]), MetricType.parse(parts[2]));
        } else if (parts.length >= 2 && parts[0].equals("HELP")) {
            help.put(unquote(parts[1]), parts.length == 3 ? unescape(parts[2], false) : "");
        }
    }

    private static String unquote(String name) {
        return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"") ? unescape(name.substring(1, name.length() - 1), true) : name;
    }

    private Sample sample(String s) {
        int i = 0;
        String name = null;
        if (s.charAt(0) != '{') {
            while (i < s.length() && s.charAt(i) != '{' && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            name = s.substring(0, i);
            if (!validName(name)) {
                throw new IllegalArgumentException("invalid metric name '" + name + "'");
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < s.length() && s.charAt(i) == '{') {
            i++;
            while (true) {
                i = skipSpaces(s, i);
                if (s.charAt(i) == '}') {
                    i++;
                    break;
                }
                String labelName;
                if (s.charAt(i) == '"') {
                    int[] end = new int[1];
                    labelName = quoted(s, i, end);
                    i = skipSpaces(s, end[0]);
                    if (s.charAt(i) != '=') {
                        if (name != null) {
                            throw new IllegalArgumentException("second metric name in braces");
                        }
                        name = labelName; // {"my.metric", a="b"}: a quoted UTF-8 metric name
                        i = afterComma(s, i);
                        continue;
                    }
                } else {
                    int start = i;
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                        i++;
                    }
                    labelName = s.substring(start, i);
                    if (labelName.isEmpty()) {
                        throw new IllegalArgumentException("label name expected at column " + (start + 1));
                    }
                    i = skipSpaces(s, i);
                }
                if (s.charAt(i) != '=') {
                    throw new IllegalArgumentException("'=' expected after label " + labelName);
                }
                i = skipSpaces(s, i + 1);
                if (s.charAt(i) != '"') {
                    throw new IllegalArgumentException("quoted value expected for label " + labelName);
                }
                int[] end = new int[1];
                String value = quoted(s, i, end);
                if (labels.put(labelName, value) != null) {
                    throw new IllegalArgumentException("label " + labelName + " given twice");
                }
                i = afterComma(s, end[0]);
            }
        }
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("no metric name");
        }
        String rest = s.substring(i).strip();
        int exemplar = rest.indexOf(" # ");
        if (exemplar >= 0) {
            rest = rest.substring(0, exemplar).strip();
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("no value");
        }
        String[] fields = rest.split("\\s+");
        if (fields.length > 2) {
            throw new IllegalArgumentException("unexpected text after the timestamp");
        }
        double value = value(fields[0]);
        long time = defaultTimeMillis;
        if (fields.length == 2) {
            try {
                time = fields[1].contains(".") ? Math.round(Double.parseDouble(fields[1]) * 1000) : Long.parseLong(fields[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid timestamp '" + fields[1] + "'");
            }
        }
        return new Sample(SeriesKey.of(name, labels), familyType(name), time, value);
    }

    private MetricType familyType(String name) {
        MetricType t = types.get(name);
        if (t != null) {
            return t;
        }
        for (String suffix : FAMILY_SUFFIXES) {
            if (name.endsWith(suffix)) {
                MetricType f = types.get(name.substring(0, name.length() - suffix.length()));
                if (f != null) {
                    return f;
                }
            }
        }
        return MetricType.UNTYPED;
    }

    /**
     * Parses a sample value as Prometheus does: decimal or hex floats, {@code NaN}, {@code +Inf}, {@code -Inf},
     * {@code Inf} in any case.
     *
     * @param text the value text
     * @return the value
     * @throws IllegalArgumentException when it is no number
     */
    public static double value(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case "nan":
                return Double.NaN;
            case "+inf", "inf", "+infinity", "infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    if (t.endsWith("d") || t.endsWith("f")) {
                        throw new NumberFormatException();
                    }
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("invalid value '" + text + "'");
                }
        }
    }

    private static boolean validName(String name) {
        return SeriesKey.legacyName(name);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i >= s.length()) {
            throw new IllegalArgumentException("unterminated label set");
        }
        return i;
    }

    private static int afterComma(String s, int i) {
        i = skipSpaces(s, i);
        if (s.charAt(i) == ',') {
            return i + 1;
        }
        if (s.charAt(i) != '}') {
            throw new IllegalArgumentException("',' or '}' expected at column " + (i + 1));
        }
        return i;
    }

    private static String quoted(String s, int open, int[] end) {
        StringBuilder b = new StringBuilder();
        int i = open + 1;
        while (true) {
            if (i >= s.length()) {
                throw new IllegalArgumentException("unterminated quoted value");
            }
            char c = s.charAt(i);
            if (c == '"') {
                end[0] = i + 1;
                return b.toString();
            }
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
            i++;
        }
    }

    private static String unescape(String v, boolean quotes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                b.append(n == 'n' ? "\n" : n == '\\' ? "\\" : n == '"' && quotes ? "\"" : "\\" + n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
