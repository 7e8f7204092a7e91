package dev.triage.core.plugin;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (major.minor.patch with an optional qualifier) that orders plugins and checks their requirements.
 *
 * @param major the major number
 * @param minor the minor number
 * @param patch the patch number
 * @param qualifier the text after a dash (such as SNAPSHOT), or empty
 */
public record Version(int major, int minor, int patch, String qualifier) implements Comparable<Version> {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?");

    /**
     * Checks the parts are non-negative and the qualifier is not null.
     *
     * @param major the major
     * @param minor the minor
     * @param patch the patch
     * @param qualifier the qualifier
     */
    public Version {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("Version numbers must not be negative: " + major + "." + minor + "." + patch);
        }
        Objects.requireNonNull(qualifier, "qualifier");
    }

    /**
     * Parses text such as {@code 1.2}, {@code 1.2.3} or {@code 1.2.3-SNAPSHOT}.
     *
     * @param text the version text
     * @return the version
     * @throws IllegalArgumentException when the text is not a version
     */
    public static Version parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a version: '" + text + "' (expected major.minor.patch, e.g. 1.2.0)");
        }
        return new Version(Integer.parseInt(m.group(1)), num(m.group(2)), num(m.group(3)),
                m.group(4) == null ? "" : m.group(4));
    }

    private static int num(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }

    /**
     * Returns the same numbers without the qualifier.
     *
     * @return the release version
     */
    public Version release() {
        return qualifier.isEmpty() ? this : new Version(major, minor, patch, "");
    }

    /** Compares by numbers, a release ranking above any qualified version of the same numbers. */
    @Override
    public int compareTo(Version o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, o.patch);
        }
        if (c == 0 && !qualifier.equals(o.qualifier)) {
            if (qualifier.isEmpty()) {
                return 1;
            }
            return o.qualifier.isEmpty() ? -1 : qualifier.compareTo(o.qualifier);
        }
        return c;
    }

    /** Returns the version as text, such as {@code 1.2.3-SNAPSHOT}. */
    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (qualifier.isEmpty() ? "" : "-" + qualifier);
    }
}
