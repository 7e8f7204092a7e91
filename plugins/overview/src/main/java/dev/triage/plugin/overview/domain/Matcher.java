package dev.triage.plugin.overview.domain;

import java.util.Map;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A label matcher as in Alertmanager: {@code name=value}, {@code name!=value}, {@code name=~regex}, {@code name!~regex}; a regex
 * must match the whole value (RE2 syntax, linear time), and a missing label is the empty string.
 *
 * @param label the label name
 * @param type the comparison
 * @param value the value or the regular expression
 */
public record Matcher(String label, Type type, String value) {

    /** Comparisons of a matcher. */
    public enum Type {
        /** Equal. */
        EQ("="),
        /** Not equal. */
        NE("!="),
        /** Matches the regex. */
        RE("=~"),
        /** Does not match the regex. */
        NRE("!~");

        private final String symbol;

        Type(String symbol) {
            this.symbol = symbol;
        }

        /**
         * The symbol.
         *
         * @return e.g. "=~"
         */
        public String symbol() {
            return symbol;
        }
    }

    /** Validates. */
    public Matcher {
        if (label == null || !label.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("Bad label name '" + label + "' in a matcher (letters, digits and _)");
        }
        if (type == Type.RE || type == Type.NRE) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("Bad regular expression in matcher " + label + type.symbol() + value + ": "
                        + e.getDescription());
            }
        }
    }

    /**
     * Parses {@code name=value}, {@code name!=value}, {@code name=~regex} or {@code name!~regex} (value optionally in quotes).
     *
     * @param text the text
     * @return the matcher
     */
    public static Matcher parse(String text) {
        String t = text.trim();
        int i = 0;
        while (i < t.length() && (Character.isLetterOrDigit(t.charAt(i)) || t.charAt(i) == '_')) {
            i++;
        }
        String label = t.substring(0, i);
        String rest = t.substring(i);
        for (Type type : new Type[] {Type.RE, Type.NRE, Type.NE, Type.EQ}) {
            if (rest.startsWith(type.symbol())) {
                String value = rest.substring(type.symbol().length()).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return new Matcher(label, type, value);
            }
        }
        throw new IllegalArgumentException("Bad matcher '" + text + "': expected label=value, label!=value, label=~regex or label!~regex");
    }

    /**
     * Whether the labels satisfy the matcher.
     *
     * @param labels the labels
     * @return true when they do
     */
    public boolean matches(Map<String, String> labels) {
        String v = labels.getOrDefault(label, "");
        return switch (type) {
            case EQ -> v.equals(value);
            case NE -> !v.equals(value);
            case RE -> Pattern.matches(value, v);
            case NRE -> !Pattern.matches(value, v);
        };
    }

    /**
     * Whether every matcher is satisfied (an empty list matches everything).
     *
     * @param matchers the matchers
     * @param labels the labels
     * @return true when all match
     */
    public static boolean all(java.util.List<Matcher> matchers, Map<String, String> labels) {
        return matchers.stream().allMatch(m -> m.matches(labels));
    }

    @Override
    public String toString() {
        return label + type.symbol() + value;
    }
}
