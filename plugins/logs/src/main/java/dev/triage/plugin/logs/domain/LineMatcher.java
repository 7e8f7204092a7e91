package dev.triage.plugin.logs.domain;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ahocorasick.trie.Trie;

/**
 * Tells whether a line matches a query: every {@code must} term, at least one {@code any} term (when given), no
 * {@code none} term (all literal, found in one Aho-Corasick pass), and the RE2 regex (linear time) when given. A line
 * is first tested for its longest must term (or one of its any terms) with a plain substring search, which rules out
 * most lines before the automaton runs. Not thread-safe: one matcher per search.
 */
public final class LineMatcher {

    private final Trie trie;
    private final Map<String, int[]> roles = new HashMap<>();
    private final int mustCount;
    private final boolean anyGiven;
    private final boolean ignoreCase;
    private final Pattern regex;
    private final List<String> literals = new ArrayList<>();
    /** A line must contain this one (the longest must term) before the automaton runs; null when no such term. */
    private final String required;
    /** Or at least one of these (the any terms, when there is no must term); null when none. */
    private final List<String> oneOf;
    private final long[] mustSeen;
    /**
     * The must terms but the required one, when must terms are the only literal terms and case matters: plain substring
     * tests then replace the automaton.
     */
    private final List<String> mustOnly;
    private boolean anySeen;
    private boolean noneSeen;

    /**
     * Builds a matcher.
     *
     * @param must terms that must all occur
     * @param any terms of which one must occur (ignored when empty)
     * @param none terms that must not occur
     * @param regex an RE2 regex, or null
     * @param ignoreCase whether case is ignored (terms and regex)
     * @throws IllegalArgumentException when the regex does not compile or nothing is asked for
     */
    public LineMatcher(List<String> must, List<String> any, List<String> none, String regex, boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
        List<String> m = clean(must);
        List<String> a = clean(any);
        List<String> n = clean(none);
        if (m.isEmpty() && a.isEmpty() && n.isEmpty() && (regex == null || regex.isEmpty())) {
            throw new IllegalArgumentException("Give at least one of --must, --any, --none or --regex");
        }
        // roles[key] = {mustIndex or -1, isAny, isNone}
        for (int i = 0; i < m.size(); i++) {
            role(m.get(i))[0] = i;
        }
        for (String s : a) {
            role(s)[1] = 1;
        }
        for (String s : n) {
            role(s)[2] = 1;
        }
        this.mustCount = m.size();
        this.anyGiven = !a.isEmpty();
        if (roles.isEmpty()) {
            this.trie = null;
        } else {
            Trie.TrieBuilder b = Trie.builder();
            if (ignoreCase) {
                b.ignoreCase();
            }
            this.trie = b.addKeywords(roles.keySet()).build();
        }
        CaseFoldGuard.check(regex, ignoreCase);
        try {
            this.regex = regex == null || regex.isEmpty() ? null : Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Bad regex: " + e.getMessage(), e);
        }
        literals.addAll(m);
        literals.addAll(a);
        this.required = m.stream().max(java.util.Comparator.comparingInt(String::length)).orElse(null);
        this.oneOf = m.isEmpty() && !a.isEmpty() ? List.copyOf(a) : null;
        this.mustSeen = new long[(mustCount >> 6) + 1];
        List<String> others = new ArrayList<>(m);
        others.remove(required);
        this.mustOnly = !ignoreCase && a.isEmpty() && n.isEmpty() ? List.copyOf(others) : null;
    }

    /**
     * Returns the bytes every matching line contains, for a scan that skips lines before decoding them: the longest of
     * the longest must term and the regex's literal prefix, when case matters and it is plain ASCII (so it has the same
     * bytes in UTF-8, GBK and Latin-1).
     *
     * @return the bytes, or null when there is no such term
     */
    public byte[] requiredAscii() {
        if (ignoreCase) {
            return null;
        }
        String best = null;
        for (String t : new String[] {required, regex == null ? null : literalPrefix(regex.pattern())}) {
            if (t != null && !t.isEmpty() && t.chars().allMatch(c -> c < 0x80) && (best == null || t.length() > best.length())) {
                best = t;
            }
        }
        return best == null ? null : best.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * Returns the literal text every match of a regex starts with ({@code served in 24} for {@code served in 24[0-9] ms}),
     * or "" when there is none or the regex has an alternation (a byte prefilter for the regex).
     *
     * @param regex an RE2 pattern
     * @return the literal prefix
     */
    public static String literalPrefix(String regex) {
        if (regex.indexOf('|') >= 0) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            char lit;
            int next = i + 1;
            if (c == '\\') {
                if (next >= regex.length() || Character.isLetterOrDigit(regex.charAt(next))) {
                    break;
                }
                lit = regex.charAt(next);
                next++;
            } else if (".[]()*+?{}^$".indexOf(c) >= 0) {
                break;
            } else {
                lit = c;
            }
            char q = next < regex.length() ? regex.charAt(next) : 0;
            if (q == '*' || q == '?' || q == '{') {
                break;
            }
            out.append(lit);
            if (q == '+') {
                break;
            }
            i = next - 1;
        }
        return out.toString();
    }

    /**
     * Tells whether bytes contain a needle.
     *
     * @param hay the bytes
     * @param len how many bytes of hay to look at
     * @param needle what to find
     * @return true when found
     */
    public static boolean containsBytes(byte[] hay, int len, byte[] needle) {
        int n = needle.length;
        if (n == 0) {
            return true;
        }
        byte first = needle[0];
        int last = len - n;
        outer:
        for (int i = 0; i <= last; i++) {
            if (hay[i] != first) {
                continue;
            }
            for (int k = 1; k < n; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether text contains term, ignoring case when asked (without allocating). */
    private boolean contains(String text, String term) {
        if (!ignoreCase) {
            return text.contains(term);
        }
        int n = term.length();
        int last = text.length() - n;
        char f = term.charAt(0);
        char fl = Character.toLowerCase(f);
        char fu = Character.toUpperCase(f);
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == fl || c == fu || c == f) && text.regionMatches(true, i, term, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** A cheap test a matching line always passes: its longest must term, or one of its any terms, occurs. */
    private boolean mayMatch(String line) {
        if (required != null) {
            return contains(line, required);
        }
        if (oneOf != null) {
            for (String t : oneOf) {
                if (contains(line, t)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private int[] role(String term) {
        String key = ignoreCase ? term.toLowerCase(Locale.ROOT) : term;
        if (!literals.contains(key)) {
            literals.add(key);
        }
        return roles.computeIfAbsent(key, k -> new int[] {-1, 0, 0});
    }

    private static List<String> clean(List<String> terms) {
        List<String> out = new ArrayList<>();
        if (terms != null) {
            for (String t : terms) {
                if (t != null && !t.isEmpty() && !out.contains(t)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /**
     * Tests a line.
     *
     * @param line the line
     * @return true when it matches
     */
    public boolean matches(String line) {
        if (!mayMatch(line)) {
            return false;
        }
        if (mustOnly != null) {
            for (String t : mustOnly) {
                if (!line.contains(t)) {
                    return false;
                }
            }
        } else if (trie != null) {
            java.util.Arrays.fill(mustSeen, 0L);
            anySeen = false;
            noneSeen = false;
            trie.parseText(line, this::seen);
            if (noneSeen || anyGiven && !anySeen) {
                return false;
            }
            int seen = 0;
            for (long w : mustSeen) {
                seen += Long.bitCount(w);
            }
            if (seen != mustCount) {
                return false;
            }
        }
        return regex == null || regex.matcher(line).find();
    }

    private boolean seen(org.ahocorasick.trie.Emit emit) {
        int[] r = roles.get(emit.getKeyword());
        if (r != null) {
            if (r[0] >= 0) {
                mustSeen[r[0] >> 6] |= 1L << (r[0] & 63);
            }
            anySeen |= r[1] == 1;
            noneSeen |= r[2] == 1;
        }
        return true;
    }

    /**
     * Returns the spans of a line to highlight: every literal must/any term and every regex match.
     *
     * @param line the line
     * @return start/end pairs, in order of appearance
     */
    public List<int[]> highlights(String line) {
        List<int[]> out = new ArrayList<>();
        if (trie != null) {
            for (var e : trie.parseText(line)) {
                int[] r = roles.get(e.getKeyword());
                if (r != null && r[2] == 0) {
                    out.add(new int[] {e.getStart(), e.getEnd() + 1});
                }
            }
        }
        if (regex != null) {
            Matcher m = regex.matcher(line);
            while (m.find() && out.size() < 1000) {
                if (m.end() == m.start()) {
                    break;
                }
                out.add(new int[] {m.start(), m.end()});
            }
        }
        out.sort((x, y) -> Integer.compare(x[0], y[0]));
        return out;
    }
}
