package dev.triage.plugin.metrics.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A PromQL instant-vector selector, {@code metric{a="x",b!="y",c=~"re.*",d!~"re"}}, matched against the series stored in
 * a case (the offline subset of PromQL that {@code metrics chart} understands).
 *
 * @param metric the metric name, empty to match any
 * @param matchers the label matchers
 */
public record Selector(String metric, List<Matcher> matchers) {

    /**
     * One label matcher.
     *
     * @param label the label name
     * @param op one of {@code =}, {@code !=}, {@code =~}, {@code !~}
     * @param value the value or regular expression (fully anchored, as in PromQL)
     */
    public record Matcher(String label, String op, String value) {

        /**
         * Tells whether a series' label value matches.
         *
         * @param actual the value, empty when the series lacks the label
         * @return true when it matches
         */
        public boolean matches(String actual) {
            String v = actual == null ? "" : actual;
            return switch (op) {
                case "=" -> v.equals(value);
                case "!=" -> !v.equals(value);
                case "=~" -> Pattern.compile(value).matcher(v).matches();
                case "!~" -> !Pattern.compile(value).matcher(v).matches();
                default -> throw new IllegalStateException(op);
            };
        }
    }

    /** Copies the matchers. */
    public Selector {
        metric = metric == null ? "" : metric;
        matchers = List.copyOf(matchers);
    }

    /**
     * Tells whether a stored series is selected.
     *
     * @param key the series
     * @return true when the name and every matcher match
     */
    public boolean matches(SeriesKey key) {
        if (!metric.isEmpty() && !metric.equals(key.metric())) {
            return false;
        }
        for (Matcher m : matchers) {
            String actual = m.label().equals("__name__") ? key.metric() : key.labels().get(m.label());
            if (!m.matches(actual)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses a selector.
     *
     * @param text the selector, e.g. {@code node_load1{instance="a:9100"}}
     * @return the selector
     * @throws IllegalArgumentException when the text is not a plain selector
     */
    public static Selector parse(String text) {
        String s = text.strip();
        int brace = s.indexOf('{');
        String metric = brace < 0 ? s : s.substring(0, brace).strip();
        if (!metric.isEmpty() && !metric.matches("[A-Za-z_:][A-Za-z0-9_:]*")) {
            throw new IllegalArgumentException("'" + text + "' is not a metric selector such as name{label=\"value\"}");
        }
        List<Matcher> matchers = new ArrayList<>();
        if (brace >= 0) {
            if (!s.endsWith("}")) {
                throw new IllegalArgumentException("'" + text + "': missing '}'");
            }
            String body = s.substring(brace + 1, s.length() - 1);
            var m = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|$)").matcher(body);
            int at = 0;
            while (at < body.length() && m.find(at) && m.start() == at) {
                matchers.add(new Matcher(m.group(1), m.group(2), m.group(3).replace("\\\"", "\"").replace("\\\\", "\\")));
                at = m.end();
            }
            if (at < body.strip().length() && !body.substring(at).isBlank()) {
                throw new IllegalArgumentException("'" + text + "': cannot read the label matchers from column " + (brace + 2 + at));
            }
        }
        if (metric.isEmpty() && matchers.isEmpty()) {
            throw new IllegalArgumentException("An empty selector matches nothing; give a metric name");
        }
        return new Selector(metric, matchers);
    }
}
