package dev.triage.plugin.slowlog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written fingerprint rules give what pt-query-digest's regular expressions give, on random statements. */
class FingerprintRulesTest {

    private static final String ALPHABET = "0123456789abcdefxb.+-'\" ?selct(),=*\\nwhr";

    @Test
    void spacesCaseAndBooleansMatchPtsRulesOnRandomText() {
        Pattern leading = Pattern.compile("\\A\\s+", Pattern.UNIX_LINES);
        Pattern trSpaces = Pattern.compile("[ \n\t\r\f]+");
        String alphabet = " \n\t\r\f\u000bTRUEFALSEtruefalsAZaz19?";
        Random random = new Random(9);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            assertThat(Fingerprint.stripLeadingSpace(s)).as("leading space of '%s'", s).isEqualTo(leading.matcher(s).replaceFirst(""));
            assertThat(Fingerprint.containsTrueOrFalse(s)).as("booleans in '%s'", s)
                    .isEqualTo(Fingerprint.containsIgnoreCase(s, "true") || Fingerprint.containsIgnoreCase(s, "false"));
            assertThat(Fingerprint.collapseSpacesAndLower(s)).as("spaces and case of '%s'", s)
                    .isEqualTo(trSpaces.matcher(s).replaceAll(" ").toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void numbersAndQuotesMatchPtsRegexesOnRandomText() {
        Pattern number = Pattern.compile("[0-9+-][0-9a-f.xb+-]*");
        Pattern leftover = Pattern.compile("[xb.+-]\\?");
        Pattern single = Pattern.compile("'.*?'", Pattern.DOTALL);
        Pattern dbl = Pattern.compile("\".*?\"", Pattern.DOTALL);
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(40);
            for (int k = 0; k < len; k++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String s = sb.toString();
            String regex = leftover.matcher(number.matcher(s).replaceAll("?")).replaceAll("?");
            assertThat(Fingerprint.numbersToMarks(s)).as("numbers in '%s'", s).isEqualTo(regex);
            assertThat(Fingerprint.quotedToMark(s, '\'')).as("single quotes in '%s'", s).isEqualTo(single.matcher(s).replaceAll("?"));
            assertThat(Fingerprint.quotedToMark(s, '"')).as("double quotes in '%s'", s).isEqualTo(dbl.matcher(s).replaceAll("?"));
        }
        assertThat(Fingerprint.containsIgnoreCase("SELECT * FROM t WHERE a = TRUE", "true")).isTrue();
        assertThat(Fingerprint.containsTrueOrFalse("SELECT * FROM t WHERE a = fAlSe")).isTrue();
        assertThat(Fingerprint.containsIgnoreCase("select tru", "true")).isFalse();
    }
}
