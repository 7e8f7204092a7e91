package dev.triage.plugin.report.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is written into a report: known secret values (saved connections' passwords),
 * values the user marked as sensitive (known only by their salted hash), and the usual shapes of secrets
 * ({@code password=...}, {@code IDENTIFIED BY '...'}, bearer tokens, passwords in URLs, Redis {@code AUTH}, SASL JAAS).
 */
public final class SecretRedactor {

    /** What a removed secret is replaced by. */
    public static final String MASK = "******";

    private static final List<Pattern> SHAPES = List.of(
            // key=value and key: value, quoted or not (the JAAS password="..." too)
            Pattern.compile("(?i)(\\b(?:password|passwd|pwd|pass|secret|token|api[_-]?key|access[_-]?key|secret[_-]?key"
                    + "|requirepass|masterauth|sasl[._]password|ssl\\.key\\.password|ssl\\.keystore\\.password"
                    + "|ssl\\.truststore\\.password|client[_-]?secret|auth[_-]?token)\\b\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&]+)"),
            Pattern.compile("(?i)(\\bidentified\\s+(?:with\\s+\\S+\\s+)?by\\s+(?:password\\s+)?)('[^']*'|\"[^\"]*\")"),
            Pattern.compile("(?i)(\\bbearer\\s+)([A-Za-z0-9._~+/=-]{8,})"),
            Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+:)([^@\\s/]+)(?=@)"),
            Pattern.compile("(?i)(\\bAUTH\\s+(?:\\S+\\s+)?)(\\S+)"),
            Pattern.compile("(?i)(\\b(?:requirepass|masterauth)\\s+)(\\S+)"),
            Pattern.compile("(\\bmysql(?:admin|dump)?\\b[^\\n]*?\\s-p)([^\\s-]\\S*)"));

    private final List<String> knownValues;
    private final List<SensitiveValue> sensitive;
    private final TreeSet<Integer> sensitiveLengths = new TreeSet<>();

    /**
     * Creates a redactor.
     *
     * @param knownValues secret values known in plain text (connection passwords); blank ones are ignored
     * @param sensitive values the user marked as sensitive, by hash
     */
    public SecretRedactor(Collection<String> knownValues, Collection<SensitiveValue> sensitive) {
        List<String> values = new ArrayList<>();
        for (String v : knownValues) {
            if (v != null && !v.isBlank()) {
                values.add(v);
            }
        }
        values.sort(Comparator.comparingInt(String::length).reversed());
        this.knownValues = List.copyOf(values);
        this.sensitive = List.copyOf(sensitive);
        this.sensitive.forEach(s -> sensitiveLengths.add(s.length()));
    }

    /**
     * Makes a redactor that only removes the usual shapes of secrets.
     *
     * @return the redactor
     */
    public static SecretRedactor shapesOnly() {
        return new SecretRedactor(List.of(), List.of());
    }

    /**
     * Removes every secret this redactor knows from a text.
     *
     * @param text the text
     * @return the text with secrets replaced by {@link #MASK}
     */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String v : knownValues) {
            out = out.replace(v, MASK);
        }
        out = redactSensitive(out);
        for (Pattern p : SHAPES) {
            Matcher m = p.matcher(out);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + MASK));
            }
            m.appendTail(b);
            out = b.toString();
        }
        return out;
    }

    private String redactSensitive(String text) {
        if (sensitive.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        outer:
        while (i < text.length()) {
            for (int len : sensitiveLengths.descendingSet()) {
                if (i + len <= text.length()) {
                    String candidate = text.substring(i, i + len);
                    for (SensitiveValue s : sensitive) {
                        if (s.length() == len && s.matches(candidate)) {
                            out.append(MASK);
                            i += len;
                            continue outer;
                        }
                    }
                }
            }
            out.append(text.charAt(i++));
        }
        return out.toString();
    }

    /**
     * A value the user marked as sensitive, kept only as a salted SHA-256 hash and its length so that the case
     * never holds it in plain text.
     *
     * @param salt the salt, hex
     * @param length the value's length in chars
     * @param hash the SHA-256 of salt and value, hex
     */
    public record SensitiveValue(String salt, int length, String hash) {

        /**
         * Hashes a value with a salt.
         *
         * @param salt the salt
         * @param value the sensitive value
         * @return the hashed value
         */
        public static SensitiveValue of(String salt, String value) {
            return new SensitiveValue(salt, value.length(), digest(salt, value));
        }

        /**
         * Tells whether a text is this value.
         *
         * @param candidate a text of {@link #length()} chars
         * @return true when it hashes to this value
         */
        public boolean matches(String candidate) {
            return candidate.length() == length && MessageDigest.isEqual(
                    digest(salt, candidate).getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
        }

        private static String digest(String salt, String value) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                md.update(salt.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(md.digest(value.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
            }
        }
    }
}
