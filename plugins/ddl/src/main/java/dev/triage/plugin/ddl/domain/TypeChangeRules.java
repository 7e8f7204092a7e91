package dev.triage.plugin.ddl.domain;

import dev.triage.plugin.ddl.api.DdlVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The rules for changing a column's type, as a table: for each (from, to) pair of families or groups, the rule that
 * decides whether values survive. Pairs not in the table change the kind of value and are lossy, with the reason from
 * {@link #FAMILY_CHANGE}.
 */
public final class TypeChangeRules {

    /** A rule deciding what a type change does to the values. */
    private interface Rule extends BiFunction<SqlType, SqlType, List<Change>> {
    }

    /** Rules by "FROM>TO" where each side is a family or a group; the most specific key wins. */
    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("NUMBER>NUMBER", TypeChangeRules::numberToNumber),
            Map.entry("YEAR>NUMBER", TypeChangeRules::numberToNumber),
            Map.entry("NUMBER>TEXT", TypeChangeRules::printedAsText),
            Map.entry("TEMPORAL>TEXT", TypeChangeRules::printedAsText),
            Map.entry("LIST>TEXT", TypeChangeRules::printedAsText),
            Map.entry("JSON>TEXT", (f, t) -> textToText(new SqlType("LONGTEXT", TypeFamily.STRING, 4_294_967_295L, -1, false,
                    "utf8mb4", List.of()), t, true)),
            Map.entry("TEXT>TEXT", (f, t) -> textToText(f, t, f.family() == TypeFamily.STRING && !f.fixed())),
            Map.entry("TEMPORAL>TEMPORAL", TypeChangeRules::temporal),
            Map.entry("LIST>LIST", TypeChangeRules::lists),
            Map.entry("JSON>JSON", (f, t) -> List.of()),
            Map.entry("OTHER>OTHER", TypeChangeRules::sameOther));

    /** Why a change of value kind (group to group) is lossy. */
    static final Map<String, String> FAMILY_CHANGE = Map.ofEntries(
            Map.entry("TEXT>NUMBER", "text that is not a number becomes 0 and digits beyond the type are cut"),
            Map.entry("TEXT>TEMPORAL", "text that is not a valid date or time becomes a zero value"),
            Map.entry("TEXT>LIST", "text that is not one of the members becomes ''"),
            Map.entry("TEXT>OTHER", "text that does not fit the new type is refused or lost"),
            Map.entry("NUMBER>TEMPORAL", "numbers that are not valid dates or times become zero values"),
            Map.entry("NUMBER>LIST", "numbers become members by position or ''"),
            Map.entry("NUMBER>OTHER", "numbers do not convert to this type"),
            Map.entry("TEMPORAL>NUMBER", "dates and times become numbers such as 20190102 (values and comparisons change)"),
            Map.entry("TEMPORAL>LIST", "dates and times are not members: values become ''"),
            Map.entry("TEMPORAL>OTHER", "dates and times do not convert to this type"),
            Map.entry("LIST>NUMBER", "members are text, not numbers: values become 0"),
            Map.entry("LIST>TEMPORAL", "members are not dates: values become zero"),
            Map.entry("LIST>OTHER", "members do not convert to this type"),
            Map.entry("OTHER>NUMBER", "values change representation"),
            Map.entry("OTHER>TEXT", "values change representation"),
            Map.entry("OTHER>TEMPORAL", "values do not convert to dates"),
            Map.entry("OTHER>LIST", "values do not convert to members"),
            Map.entry("OTHER>OTHER", "values do not convert between these types"));

    /** Temporal pairs that keep every value, with the note shown for the table copy. */
    private static final Map<String, String> TEMPORAL_KEEPS = Map.of(
            "DATE>DATETIME", "dates get the time 00:00:00",
            "TIMESTAMP>DATETIME", "values are frozen in the session time zone and no longer follow time_zone");

    /** Temporal pairs that lose values, with the reason. */
    private static final Map<String, String> TEMPORAL_LOSES = Map.ofEntries(
            Map.entry("DATE>TIMESTAMP", "dates outside 1970-01-01..2038-01-19 become 0000-00-00"),
            Map.entry("DATETIME>TIMESTAMP", "values outside 1970-01-01..2038-01-19 UTC become 0000-00-00 00:00:00, and the "
                    + "others are converted through the session time zone"),
            Map.entry("DATETIME>DATE", "the time of day is dropped"),
            Map.entry("TIMESTAMP>DATE", "the time of day is dropped"),
            Map.entry("DATE>TIME", "the date is dropped (values become 00:00:00)"),
            Map.entry("DATETIME>TIME", "the date is dropped"),
            Map.entry("TIMESTAMP>TIME", "the date is dropped"),
            Map.entry("TIME>DATE", "durations are not dates: values become today's date or zero"),
            Map.entry("TIME>DATETIME", "durations become timestamps of the current date; values beyond 24 h shift days"),
            Map.entry("TIME>TIMESTAMP", "durations become timestamps of the current date; values beyond 24 h shift days"),
            Map.entry("DATE>YEAR", "only the year is kept"),
            Map.entry("DATETIME>YEAR", "only the year is kept"),
            Map.entry("TIMESTAMP>YEAR", "only the year is kept"),
            Map.entry("TIME>YEAR", "durations do not convert to years (error 1264 in strict mode)"),
            Map.entry("YEAR>DATE", "a year is not a date (error 1292 in strict mode, zero date otherwise)"),
            Map.entry("YEAR>DATETIME", "a year is not a date (error 1292 in strict mode, zero date otherwise)"),
            Map.entry("YEAR>TIMESTAMP", "a year is not a date (error 1292 in strict mode, zero date otherwise)"),
            Map.entry("YEAR>TIME", "a year is not a time of day"));

    private TypeChangeRules() {
    }

    /**
     * Tells what changing a column from one type to another does to its values.
     *
     * @param from the current type
     * @param to the new type
     * @return the changes found (lossy ones first), empty when the type stays the same
     */
    public static List<Change> assess(SqlType from, SqlType to) {
        if (from.equals(to)) {
            return List.of();
        }
        String f = from.family().name();
        String t = to.family().name();
        String fg = from.family().group().name();
        String tg = to.family().group().name();
        for (String key : List.of(f + ">" + t, f + ">" + tg, fg + ">" + t, fg + ">" + tg)) {
            Rule rule = RULES.get(key);
            if (rule != null) {
                List<Change> changes = rule.apply(from, to);
                if (from.family() != to.family() || !from.name().equals(to.name()) && from.family() != TypeFamily.STRING) {
                    changes = changes.stream().map(c -> c.verdict() == DdlVerdict.SAFE ? Change.rewrite(c.message()) : c).toList();
                }
                return sorted(changes);
            }
        }
        String reason = FAMILY_CHANGE.getOrDefault(fg + ">" + tg, "values do not convert between these types");
        return List.of(Change.lossy(label(from, to) + reason));
    }

    private static List<Change> sorted(List<Change> changes) {
        List<Change> out = new ArrayList<>(changes);
        out.sort((a, b) -> b.verdict().compareTo(a.verdict()));
        return out;
    }

    private static String label(SqlType from, SqlType to) {
        boolean charsets = !java.util.Objects.equals(from.charset(), to.charset()) && from.hasCharset() && to.hasCharset();
        return from.display(charsets) + " to " + to.display(charsets) + ": ";
    }

    private static List<Change> numberToNumber(SqlType from, SqlType to) {
        NumberDomain f = NumberDomain.of(from);
        NumberDomain t = NumberDomain.of(to);
        String label = label(from, to);
        List<Change> out = new ArrayList<>();
        if (from.family() == TypeFamily.FLOAT && to.family() == TypeFamily.FLOAT && !from.name().equals(to.name())) {
            out.add(Change.lossy(label + (from.name().equals("FLOAT")
                    ? "single-precision values show their binary error (3.14 becomes 3.140000104904175)"
                    : "only about 7 significant digits and the range ±3.4E38 are kept")));
        }
        boolean below = t.min().compareTo(f.min()) > 0;
        boolean above = t.max().compareTo(f.max()) < 0;
        if (below && above && t.min().signum() < 0) {
            out.add(Change.lossy(label + "values outside " + plain(t.min()) + ".." + plain(t.max()) + " are clipped"));
        } else {
            if (below) {
                out.add(Change.lossy(label + (t.min().signum() == 0 && f.min().signum() < 0 ? "negative values become 0"
                        : "values below " + plain(t.min()) + " are clipped")));
            }
            if (above) {
                out.add(Change.lossy(label + "values above " + plain(t.max()) + " are clipped"));
            }
        }
        if (t.exact() && !f.exact()) {
            out.add(Change.lossy(label + "approximate values are rounded to " + t.scale() + " decimals"));
        } else if (t.exact() && t.scale() < f.scale()) {
            out.add(Change.lossy(label + "digits beyond " + t.scale() + " decimals are rounded"));
        } else if (!t.exact() && f.exact() && (f.digits() > t.digits() || (t.scale() >= 0 && f.scale() > t.scale()))) {
            out.add(Change.lossy(label + to.name() + " keeps only about " + t.digits() + " significant digits exactly"));
        } else if (!t.exact() && !f.exact() && t.scale() >= 0 && (f.scale() < 0 || f.scale() > t.scale())) {
            out.add(Change.lossy(label + "values are rounded to " + t.scale() + " decimals"));
        }
        if (out.isEmpty()) {
            out.add(from.name().equals(to.name()) && from.unsigned() == to.unsigned() && from.family() == TypeFamily.INTEGER
                    ? Change.safe(label + "display width only") : Change.rewrite(label + "the table is copied, values are kept"));
        }
        return out;
    }

    private static String plain(java.math.BigDecimal d) {
        return d.abs().compareTo(java.math.BigDecimal.TEN.pow(20)) > 0 ? d.round(new java.math.MathContext(8)).toString()
                : d.toPlainString();
    }

    /** Numbers, dates and members written into a text column: a virtual VARCHAR of the longest printed value. */
    private static List<Change> printedAsText(SqlType from, SqlType to) {
        long width;
        String charset = "ascii";
        switch (from.family().group()) {
            case NUMBER -> width = NumberDomain.of(from).width();
            case LIST -> {
                charset = membersCharset(from);
                width = from.family() == TypeFamily.ENUM
                        ? from.members().stream().mapToLong(String::length).max().orElse(0)
                        : from.members().stream().mapToLong(String::length).sum() + Math.max(0, from.members().size() - 1);
            }
            default -> width = switch (from.family()) {
                case DATE -> 10;
                case YEAR -> 4;
                case TIME -> 10 + (from.scale() > 0 ? from.scale() + 1 : 0);
                default -> 19 + (from.scale() > 0 ? from.scale() + 1 : 0);
            };
        }
        SqlType asText = new SqlType("VARCHAR", TypeFamily.STRING, width, -1, false, charset, List.of());
        List<Change> changes = textToText(asText, to, false);
        String label = label(from, to);
        return changes.stream().map(c -> new Change(c.verdict(), label + c.message().substring(c.message().indexOf(": ") + 2)))
                .toList();
    }

    private static List<Change> textToText(SqlType from, SqlType to, boolean trailingSpaces) {
        String label = label(from, to);
        boolean fromBinary = from.family() == TypeFamily.BINARY;
        boolean toBinary = to.family() == TypeFamily.BINARY;
        String csFrom = fromBinary ? "binary" : from.charset();
        String csTo = toBinary ? "binary" : to.charset();
        long srcChars = from.length();
        long srcBytes = fromBinary || !isCharLimited(from) ? from.length() : from.length() * Charsets.maxBytes(csFrom);
        List<Change> out = new ArrayList<>();
        if (fromBinary && !toBinary && !"binary".equals(csTo)) {
            out.add(Change.lossy(label + "bytes that are not valid " + (csTo == null ? "text" : csTo) + " become '?'"));
        } else if (!fromBinary && !toBinary && !Charsets.holds(csFrom, csTo)) {
            out.add(Change.lossy(label + "characters that " + csTo + " cannot store become '?'"));
        }
        if (isCharLimited(to) && srcChars > to.length()) {
            out.add(Change.lossy(label + "values longer than " + to.length() + " characters are cut"));
        } else if (!isCharLimited(to)) {
            boolean sameEncoding = toBinary || fromBinary || csFrom == null || csTo == null || csFrom.equals(csTo);
            long bytes = sameEncoding ? srcBytes : srcChars * Charsets.maxBytes(csTo);
            if (bytes > to.length()) {
                out.add(Change.lossy(label + "values longer than " + to.length() + " bytes are cut"));
            }
        }
        if (to.name().equals("BINARY") && !(from.name().equals("BINARY") && from.length() == to.length())) {
            out.add(Change.lossy(label + "values are padded with 0x00 bytes to " + to.length() + " bytes"));
        }
        if (to.name().equals("CHAR") && trailingSpaces) {
            out.add(Change.lossy(label + "trailing spaces are removed (CHAR strips them)"));
        }
        if (out.isEmpty()) {
            boolean sameCharset = csFrom == null || csTo == null || csFrom.equals(csTo);
            if (from.name().equals(to.name()) && sameCharset && (!from.name().equals("VARCHAR") && !from.name().equals("VARBINARY")
                    || lengthBytes(from, csFrom) == lengthBytes(to, csTo)) && !from.fixed()) {
                out.add(Change.safe(label + "longer values allowed, in place"));
            } else {
                out.add(Change.rewrite(label + "the table is copied, values are kept"));
            }
        }
        return out;
    }

    private static boolean isCharLimited(SqlType t) {
        return t.family() == TypeFamily.STRING && (t.name().equals("CHAR") || t.name().equals("VARCHAR"));
    }

    private static int lengthBytes(SqlType t, String charset) {
        return t.length() * Charsets.maxBytes(charset) > 255 ? 2 : 1;
    }

    private static List<Change> temporal(SqlType from, SqlType to) {
        String label = label(from, to);
        String key = from.family() + ">" + to.family();
        List<Change> out = new ArrayList<>();
        String loses = TEMPORAL_LOSES.get(key);
        if (loses != null) {
            out.add(Change.lossy(label + loses));
        }
        if (from.scale() > 0 && to.scale() >= 0 && to.scale() < from.scale() && to.family() != TypeFamily.DATE) {
            out.add(Change.lossy(label + "fractional seconds beyond " + to.scale() + " digits are rounded"));
        }
        if (out.isEmpty()) {
            String keeps = TEMPORAL_KEEPS.get(key);
            out.add(keeps != null ? Change.rewrite(label + keeps) : Change.rewrite(label + "the table is copied, values are kept"));
        }
        return out;
    }

    private static List<Change> lists(SqlType from, SqlType to) {
        String label = label(from, to);
        List<String> fromMembers = lower(from.members());
        List<String> toMembers = lower(to.members());
        List<Change> out = new ArrayList<>();
        List<String> removed = from.members().stream().filter(m -> !toMembers.contains(m.toLowerCase(Locale.ROOT))).toList();
        if (from.family() == TypeFamily.SET && to.family() == TypeFamily.ENUM) {
            out.add(Change.lossy(label + "values with several members become ''"));
        } else if (!removed.isEmpty()) {
            out.add(Change.lossy(label + "values " + removed.stream().map(m -> "'" + m + "'").collect(Collectors.joining(", "))
                    + " are no longer members and become ''"));
        } else if (from.family() == to.family() && !toMembers.subList(0, fromMembers.size()).equals(fromMembers)) {
            out.add(Change.lossy(label + "members are reordered: the stored index of each value (col+0) and ORDER BY change"));
        }
        if (!Charsets.holds(membersCharset(from), to.charset())) {
            out.add(Change.lossy(label + "characters that " + to.charset() + " cannot store become '?'"));
        }
        if (out.isEmpty()) {
            out.add(from.family() == to.family() && java.util.Objects.equals(from.charset(), to.charset())
                    ? Change.safe(label + "members appended at the end, in place") : Change.rewrite(label + "the table is copied"));
        }
        return out;
    }

    private static List<Change> sameOther(SqlType from, SqlType to) {
        if (from.name().equals("BIT") && to.name().equals("BIT")) {
            return List.of(to.length() < from.length() ? Change.lossy(label(from, to) + "high bits beyond " + to.length() + " are cut")
                    : Change.rewrite(label(from, to) + "the table is copied, values are kept"));
        }
        return List.of(Change.lossy(label(from, to) + FAMILY_CHANGE.get("OTHER>OTHER")));
    }

    /** ENUM and SET members are known: when all are ASCII, any charset holds them. */
    private static String membersCharset(SqlType list) {
        boolean ascii = list.members().stream().allMatch(m -> m.chars().allMatch(ch -> ch < 128));
        return ascii ? "ascii" : list.charset();
    }

    private static List<String> lower(List<String> members) {
        return members.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    }
}
