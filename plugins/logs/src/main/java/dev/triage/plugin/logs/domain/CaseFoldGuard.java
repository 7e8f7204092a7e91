package dev.triage.plugin.logs.domain;

import java.util.regex.Pattern;

/**
 * Refuses the case-insensitive regexes that RE2J 1.8 never finishes compiling: any pattern that names or spans the
 * characters U+1C80 to U+1C88 (Cyrillic Extended-C, whose case folds loop), found by fuzzing the search.
 */
public final class CaseFoldGuard {

    private static final int FIRST = 0x1C80;
    private static final int LAST = 0x1C88;
    private static final Pattern INLINE_I = Pattern.compile("\\(\\?[a-zA-Z]*i");

    private CaseFoldGuard() {
    }

    /**
     * Throws when a regex would hang RE2J's compiler.
     *
     * @param regex the pattern
     * @param ignoreCase whether it is compiled case-insensitively
     * @throws IllegalArgumentException naming the characters and what to do instead
     */
    public static void check(String regex, boolean ignoreCase) {
        if (regex != null && (ignoreCase || INLINE_I.matcher(regex).find()) && touchesLoop(regex)) {
            throw new IllegalArgumentException("Bad regex: ignoring case is not possible for a pattern that contains or spans"
                    + " the characters U+1C80 to U+1C88 (" + regex + "): narrow the character range or search with case");
        }
    }

    /** Tells whether a pattern holds one of the characters, or a class range across them. */
    static boolean touchesLoop(String regex) {
        boolean inClass = false;
        int previous = -1;
        boolean range = false;
        for (int i = 0; i < regex.length(); ) {
            int c = regex.codePointAt(i);
            i += Character.charCount(c);
            int cp;
            if (c == '\\' && i < regex.length()) {
                char e = regex.charAt(i++);
                if (e == 'x' && i < regex.length() && regex.charAt(i) == '{') {
                    int end = regex.indexOf('}', i);
                    cp = end < 0 ? -1 : hex(regex.substring(i + 1, end));
                    i = end < 0 ? regex.length() : end + 1;
                } else if (e == 'x') {
                    cp = i + 2 <= regex.length() ? hex(regex.substring(i, i + 2)) : -1;
                    i = Math.min(regex.length(), i + 2);
                } else if (e == 'p' || e == 'P') {
                    if (i < regex.length() && regex.charAt(i) == '{') {
                        int end = regex.indexOf('}', i);
                        i = end < 0 ? regex.length() : end + 1;
                    } else {
                        i++;
                    }
                    cp = -1;
                } else {
                    cp = Character.isLetterOrDigit(e) ? -1 : e;
                }
            } else if (!inClass && c == '[') {
                inClass = true;
                previous = -1;
                range = false;
                if (i < regex.length() && regex.charAt(i) == '^') {
                    i++;
                }
                continue;
            } else if (inClass && c == ']' && previous >= 0) {
                inClass = false;
                continue;
            } else if (inClass && c == '-' && previous >= 0 && !range) {
                range = true;
                continue;
            } else {
                cp = c;
            }
            if (cp >= FIRST && cp <= LAST || range && cp >= FIRST && previous <= LAST) {
                return true;
            }
            previous = inClass ? cp : -1;
            range = false;
        }
        return false;
    }

    private static int hex(String s) {
        try {
            return Integer.parseInt(s, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
