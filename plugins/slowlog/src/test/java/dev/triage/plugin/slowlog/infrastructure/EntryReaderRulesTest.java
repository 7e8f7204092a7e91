package dev.triage.plugin.slowlog.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The header rules read without regexes give what pt-query-digest's regexes give, on random and real header lines. */
class EntryReaderRulesTest {

    private static final String[] PIECES = {"# User@Host: ", "app", "[app]", "[", "]", " @ ", "@ ", " ", "  ", "\t", "localhost",
        "10.0.0.1", "Id:", " Id: ", "42", "x", "@", "Schema:", " ", "db", ": ", "Last_errno:"};

    @Test
    void userHostMatchesPtsRegexOnRandomLines() {
        Random random = new Random(7);
        int found = 0;
        for (int i = 0; i < 50_000; i++) {
            String line = random.nextBoolean() ? randomLine(random) : nearlyUserHost(random);
            Matcher m = EntryReader.USER_HOST.matcher(line);
            String[] regex = m.find() ? new String[] {m.group(1), m.group(2), m.group(3), m.group(4)} : null;
            found += regex == null ? 0 : 1;
            assertThat(EntryReader.userHostGroups(line)).as("User@Host of '%s'", line).isEqualTo(regex);
        }
        assertThat(found).as("random lines the regex matches").isGreaterThan(2_000);
        assertThat(EntryReader.userHostGroups("# User@Host: app[app] @  [192.168.1.20]  Id: 4390"))
                .containsExactly("app", "", "192.168.1.20", "4390");
        assertThat(EntryReader.userHostGroups("# User@Host: root[root] @ localhost []  Id:     5"))
                .containsExactly("root", "localhost", "", "5");
        assertThat(EntryReader.userHostGroups("# User@Host: [x] @ h [1.2.3.4]")).containsExactly("[x]", "h", "1.2.3.4", null);
    }

    @Test
    void emptySchemaMatchesPtsRegexOnRandomLines() {
        Pattern emptySchema = Pattern.compile("Schema:\\s+\\w+: ", Pattern.UNIX_LINES);
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            String line = randomLine(random);
            assertThat(EntryReader.emptySchema(line)).as("empty Schema in '%s'", line).isEqualTo(emptySchema.matcher(line).find());
        }
        assertThat(EntryReader.emptySchema("# Schema:   Last_errno: 0  Killed: 0")).isTrue();
        assertThat(EntryReader.emptySchema("# Schema: shop  Last_errno: 0  Killed: 0")).isFalse();
    }

    @Test
    void setMatchesPtsRegexOnRandomLines() {
        Pattern set = Pattern.compile("SET\\s+([^;]*)", Pattern.UNIX_LINES);
        String[] pieces = {"SET", " ", "\t", "timestamp", "=", "1", ";", ",", "x", "SET "};
        Random random = new Random(3);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "SET" : "");
            for (int k = random.nextInt(8); k > 0; k--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String line = sb.toString();
            Matcher m = set.matcher(line);
            assertThat(EntryReader.setAssignments(line)).as("SET of '%s'", line).isEqualTo(m.lookingAt() ? m.group(1) : null);
        }
    }

    /** Slots of a User@Host line, each usually right and sometimes bent the ways real and broken logs bend it. */
    private static final String[][] SLOTS = {{"# User@Host: ", "# User@Host: ", "x # User@Host: ", "# User@Host:"},
        {"app", "app", "", "[x]", "a@ b", "a["}, {"[app]", "[app]", "[", "", "]"}, {" @ ", " @ ", "@ ", " @", "@  ", " "},
        {"localhost", "", "", "h h", "\t"}, {" [", " [", "[", "  ["}, {"10.0.0.1", "", "]", "a]b", "[x"},
        {"]", "]", "", "] ]"}, {"  Id: 42", "  Id:    5", " Id:", "Id:\t7", "", "  Id: x", "]", "  Id: 3 ]"}};

    private static String nearlyUserHost(Random random) {
        StringBuilder sb = new StringBuilder();
        for (String[] slot : SLOTS) {
            sb.append(slot[random.nextInt(slot.length)]);
        }
        return sb.toString();
    }

    @Test
    void isoTimesWithZoneOrOffsetReadAsJavaTimeReadsThem() {
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextInt(2_000_000_000);
            int digits = random.nextInt(10);
            String fraction = digits == 0 ? "" : "." + String.format("%09d", random.nextInt(1_000_000_000)).substring(0, digits);
            int offsetMinutes = (random.nextInt(29) - 12) * 60 + (random.nextBoolean() ? 0 : 30);
            java.time.ZoneOffset zone = java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
            String local = java.time.LocalDateTime.ofEpochSecond(seconds, 0, zone).toString();
            local = local.length() == 16 ? local + ":00" : local;
            String text = local + fraction + (random.nextInt(3) == 0 ? "Z" : zone.getId());
            java.time.Instant expected = java.time.OffsetDateTime.parse(text).toInstant();
            assertThat(EntryReader.isoInstant(text)).as("time %s", text).isEqualTo(expected);
        }
        assertThat(EntryReader.isoInstant("2024-03-01 10:00:00")).isNull();
        assertThat(EntryReader.isoInstant("2024-03-01T10:00:00.Z")).isNull();
        assertThat(EntryReader.isoInstant("2024-13-01T10:00:00+08:00")).isNull();
    }

    private static String randomLine(Random random) {
        StringBuilder sb = new StringBuilder(random.nextBoolean() ? "# User@Host: " : "");
        int parts = random.nextInt(12);
        for (int k = 0; k < parts; k++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        String s = sb.toString();
        return random.nextInt(10) == 0 ? s.replace(' ', '\t') : s;
    }

    @Test
    void piecesCoverTheRegexesBranches() {
        assertThat(Arrays.asList(PIECES)).contains("[", "]", "@ ", "Id:", "Schema:", ": ");
    }
}
