package dev.triage.core.plugin;

/**
 * A range of versions in Maven notation ({@code [1.0,2.0)}, {@code [1.2,)}), a bare minimum ({@code 1.2}) or any ({@code *}).
 *
 * @param min the lowest version, or null for no bound
 * @param minInclusive whether the lowest version itself is in the range
 * @param max the highest version, or null for no bound
 * @param maxInclusive whether the highest version itself is in the range
 */
public record VersionRange(Version min, boolean minInclusive, Version max, boolean maxInclusive) {

    /** The range that holds every version. */
    public static final VersionRange ANY = new VersionRange(null, false, null, false);

    /**
     * Parses a range; a bare version means "this version or newer".
     *
     * @param text the range text
     * @return the range
     * @throws IllegalArgumentException when the text is not a range
     */
    public static VersionRange parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.equals("*")) {
            return ANY;
        }
        char first = t.charAt(0);
        if (first != '[' && first != '(') {
            return new VersionRange(Version.parse(t), true, null, false);
        }
        char last = t.charAt(t.length() - 1);
        int comma = t.indexOf(',');
        if ((last != ']' && last != ')') || comma < 0) {
            if (first == '[' && last == ']' && comma < 0) {
                Version exact = Version.parse(t.substring(1, t.length() - 1));
                return new VersionRange(exact, true, exact, true);
            }
            throw new IllegalArgumentException("Not a version range: '" + text + "' (expected e.g. [1.0,2.0) or 1.0)");
        }
        String lo = t.substring(1, comma).trim();
        String hi = t.substring(comma + 1, t.length() - 1).trim();
        return new VersionRange(lo.isEmpty() ? null : Version.parse(lo), first == '[',
                hi.isEmpty() ? null : Version.parse(hi), last == ']');
    }

    /**
     * Tells whether a version lies in this range; pre-release qualifiers are ignored, so 1.0.0-SNAPSHOT counts as 1.0.0.
     *
     * @param version the version to test
     * @return true when it satisfies both bounds
     */
    public boolean contains(Version version) {
        Version v = version.release();
        if (min != null) {
            int c = v.compareTo(min);
            if (c < 0 || (c == 0 && !minInclusive)) {
                return false;
            }
        }
        if (max != null) {
            int c = v.compareTo(max);
            return c < 0 || (c == 0 && maxInclusive);
        }
        return true;
    }

    /** Returns the range in the notation {@link #parse} reads. */
    @Override
    public String toString() {
        if (min == null && max == null) {
            return "*";
        }
        if (max == null && minInclusive) {
            return min.toString();
        }
        return (minInclusive ? "[" : "(") + (min == null ? "" : min) + "," + (max == null ? "" : max) + (maxInclusive ? "]" : ")");
    }
}
