package dev.triage.plugin.ddl.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a column definition's text ({@code VARCHAR(50) CHARACTER SET latin1 NOT NULL}) into a {@link ColumnDef}. */
public final class ColumnDefParser {

    /** What a type name means: canonical name, family, default length (bits, characters or bytes; -1 none). */
    private record TypeInfo(String canonical, TypeFamily family, long defaultLength) {
    }

    private static final long TEXT_MAX = 65_535L;
    private static final long MEDIUM_MAX = 16_777_215L;
    private static final long LONG_MAX = 4_294_967_295L;

    /** Every type name MySQL and MariaDB accept, with its synonyms. */
    private static final Map<String, TypeInfo> TYPES = Map.ofEntries(
            Map.entry("TINYINT", new TypeInfo("TINYINT", TypeFamily.INTEGER, 8)),
            Map.entry("INT1", new TypeInfo("TINYINT", TypeFamily.INTEGER, 8)),
            Map.entry("BOOL", new TypeInfo("TINYINT", TypeFamily.INTEGER, 8)),
            Map.entry("BOOLEAN", new TypeInfo("TINYINT", TypeFamily.INTEGER, 8)),
            Map.entry("SMALLINT", new TypeInfo("SMALLINT", TypeFamily.INTEGER, 16)),
            Map.entry("INT2", new TypeInfo("SMALLINT", TypeFamily.INTEGER, 16)),
            Map.entry("MEDIUMINT", new TypeInfo("MEDIUMINT", TypeFamily.INTEGER, 24)),
            Map.entry("MIDDLEINT", new TypeInfo("MEDIUMINT", TypeFamily.INTEGER, 24)),
            Map.entry("INT3", new TypeInfo("MEDIUMINT", TypeFamily.INTEGER, 24)),
            Map.entry("INT", new TypeInfo("INT", TypeFamily.INTEGER, 32)),
            Map.entry("INTEGER", new TypeInfo("INT", TypeFamily.INTEGER, 32)),
            Map.entry("INT4", new TypeInfo("INT", TypeFamily.INTEGER, 32)),
            Map.entry("BIGINT", new TypeInfo("BIGINT", TypeFamily.INTEGER, 64)),
            Map.entry("INT8", new TypeInfo("BIGINT", TypeFamily.INTEGER, 64)),
            Map.entry("SERIAL", new TypeInfo("BIGINT", TypeFamily.INTEGER, 64)),
            Map.entry("DECIMAL", new TypeInfo("DECIMAL", TypeFamily.DECIMAL, 10)),
            Map.entry("DEC", new TypeInfo("DECIMAL", TypeFamily.DECIMAL, 10)),
            Map.entry("NUMERIC", new TypeInfo("DECIMAL", TypeFamily.DECIMAL, 10)),
            Map.entry("FIXED", new TypeInfo("DECIMAL", TypeFamily.DECIMAL, 10)),
            Map.entry("FLOAT", new TypeInfo("FLOAT", TypeFamily.FLOAT, -1)),
            Map.entry("FLOAT4", new TypeInfo("FLOAT", TypeFamily.FLOAT, -1)),
            Map.entry("DOUBLE", new TypeInfo("DOUBLE", TypeFamily.FLOAT, -1)),
            Map.entry("FLOAT8", new TypeInfo("DOUBLE", TypeFamily.FLOAT, -1)),
            Map.entry("REAL", new TypeInfo("DOUBLE", TypeFamily.FLOAT, -1)),
            Map.entry("CHAR", new TypeInfo("CHAR", TypeFamily.STRING, 1)),
            Map.entry("CHARACTER", new TypeInfo("CHAR", TypeFamily.STRING, 1)),
            Map.entry("NCHAR", new TypeInfo("CHAR", TypeFamily.STRING, 1)),
            Map.entry("VARCHAR", new TypeInfo("VARCHAR", TypeFamily.STRING, 1)),
            Map.entry("NVARCHAR", new TypeInfo("VARCHAR", TypeFamily.STRING, 1)),
            Map.entry("VARCHAR2", new TypeInfo("VARCHAR", TypeFamily.STRING, 1)),
            Map.entry("TINYTEXT", new TypeInfo("TINYTEXT", TypeFamily.STRING, 255)),
            Map.entry("TEXT", new TypeInfo("TEXT", TypeFamily.STRING, TEXT_MAX)),
            Map.entry("MEDIUMTEXT", new TypeInfo("MEDIUMTEXT", TypeFamily.STRING, MEDIUM_MAX)),
            Map.entry("LONG", new TypeInfo("MEDIUMTEXT", TypeFamily.STRING, MEDIUM_MAX)),
            Map.entry("LONGTEXT", new TypeInfo("LONGTEXT", TypeFamily.STRING, LONG_MAX)),
            Map.entry("BINARY", new TypeInfo("BINARY", TypeFamily.BINARY, 1)),
            Map.entry("VARBINARY", new TypeInfo("VARBINARY", TypeFamily.BINARY, 1)),
            Map.entry("TINYBLOB", new TypeInfo("TINYBLOB", TypeFamily.BINARY, 255)),
            Map.entry("BLOB", new TypeInfo("BLOB", TypeFamily.BINARY, TEXT_MAX)),
            Map.entry("MEDIUMBLOB", new TypeInfo("MEDIUMBLOB", TypeFamily.BINARY, MEDIUM_MAX)),
            Map.entry("LONGBLOB", new TypeInfo("LONGBLOB", TypeFamily.BINARY, LONG_MAX)),
            Map.entry("ENUM", new TypeInfo("ENUM", TypeFamily.ENUM, -1)),
            Map.entry("SET", new TypeInfo("SET", TypeFamily.SET, -1)),
            Map.entry("DATE", new TypeInfo("DATE", TypeFamily.DATE, -1)),
            Map.entry("DATETIME", new TypeInfo("DATETIME", TypeFamily.DATETIME, -1)),
            Map.entry("TIMESTAMP", new TypeInfo("TIMESTAMP", TypeFamily.TIMESTAMP, -1)),
            Map.entry("TIME", new TypeInfo("TIME", TypeFamily.TIME, -1)),
            Map.entry("YEAR", new TypeInfo("YEAR", TypeFamily.YEAR, -1)),
            Map.entry("JSON", new TypeInfo("JSON", TypeFamily.JSON, -1)),
            Map.entry("BIT", new TypeInfo("BIT", TypeFamily.OTHER, 1)));

    private ColumnDefParser() {
    }

    /**
     * Parses a column's type and attributes.
     *
     * @param name the column name
     * @param definition the type and attributes as written after the name
     * @param tableCharset the table's default charset (normalised), or null when unknown
     * @return the column
     * @throws IllegalArgumentException when the type is empty
     */
    public static ColumnDef parse(String name, String definition, String tableCharset) {
        List<String> t = tokens(definition);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("column " + name + " has no type");
        }
        int i = 0;
        String word = t.get(i++).toUpperCase(Locale.ROOT);
        if (word.equals("NATIONAL") && i < t.size()) {
            word = t.get(i++).toUpperCase(Locale.ROOT);
        }
        if (i < t.size()) {
            String next = t.get(i).toUpperCase(Locale.ROOT);
            if ((word.equals("DOUBLE") && next.equals("PRECISION")) || (word.equals("CHARACTER") && next.equals("VARYING"))
                    || (word.equals("CHAR") && next.equals("VARYING")) || (word.equals("LONG") && next.equals("VARCHAR"))) {
                i++;
                word = next.equals("VARYING") ? "VARCHAR" : word;
            }
        }
        TypeInfo info = TYPES.getOrDefault(word, new TypeInfo(word, TypeFamily.OTHER, -1));
        List<String> args = new ArrayList<>();
        if (i < t.size() && t.get(i).equals("(")) {
            i++;
            while (i < t.size() && !t.get(i).equals(")")) {
                if (!t.get(i).equals(",")) {
                    args.add(t.get(i));
                }
                i++;
            }
            i++;
        }
        boolean unsigned = word.equals("SERIAL");
        boolean nullable = !word.equals("SERIAL");
        boolean autoIncrement = word.equals("SERIAL");
        String charset = null;
        String collation = null;
        boolean binaryCollation = false;
        for (; i < t.size(); i++) {
            String a = t.get(i).toUpperCase(Locale.ROOT);
            switch (a) {
                case "UNSIGNED", "ZEROFILL" -> unsigned = true;
                case "AUTO_INCREMENT" -> autoIncrement = true;
                case "NOT" -> {
                    if (i + 1 < t.size() && t.get(i + 1).equalsIgnoreCase("NULL")) {
                        nullable = false;
                        i++;
                    }
                }
                case "PRIMARY" -> nullable = false;
                case "DEFAULT", "COMMENT", "ON" -> i += a.equals("ON") ? 2 : 1;
                case "CHARSET", "CHARACTER", "COLLATE" -> {
                    int j = i + 1;
                    if (a.equals("CHARACTER") && j < t.size() && t.get(j).equalsIgnoreCase("SET")) {
                        j++;
                    }
                    if (j < t.size() && t.get(j).equals("=")) {
                        j++;
                    }
                    if (j < t.size()) {
                        if (a.equals("COLLATE")) {
                            collation = t.get(j);
                        } else {
                            charset = t.get(j);
                        }
                    }
                    i = j;
                }
                case "BINARY" -> binaryCollation = true;
                case "ASCII" -> charset = "latin1";
                case "UNICODE" -> charset = "ucs2";
                case "BYTE" -> charset = "binary";
                default -> {
                }
            }
        }
        String cs = Charsets.normalize(charset != null ? charset : collation);
        if (cs == null && info.family().group() != TypeFamily.Group.NUMBER && hasCharset(info.family())) {
            cs = tableCharset;
        }
        if (binaryCollation && cs == null) {
            cs = tableCharset;
        }
        return new ColumnDef(unquote(name), type(info, args, unsigned, cs), nullable, autoIncrement);
    }

    private static boolean hasCharset(TypeFamily f) {
        return f == TypeFamily.STRING || f == TypeFamily.ENUM || f == TypeFamily.SET;
    }

    private static SqlType type(TypeInfo info, List<String> args, boolean unsigned, String charset) {
        long length = info.defaultLength();
        int scale = -1;
        List<String> members = List.of();
        switch (info.family()) {
            case DECIMAL -> {
                length = args.isEmpty() ? 10 : number(args.get(0));
                scale = args.size() > 1 ? (int) number(args.get(1)) : 0;
            }
            case FLOAT -> {
                if (args.size() == 1 && info.canonical().equals("FLOAT") && number(args.get(0)) > 24) {
                    return new SqlType("DOUBLE", TypeFamily.FLOAT, -1, -1, unsigned, null, members);
                }
                if (args.size() == 2) {
                    length = number(args.get(0));
                    scale = (int) number(args.get(1));
                }
            }
            case DATETIME, TIMESTAMP, TIME -> scale = args.isEmpty() ? 0 : (int) number(args.get(0));
            case ENUM, SET -> members = args.stream().map(ColumnDefParser::unquote).toList();
            case STRING, BINARY -> {
                if (!args.isEmpty()) {
                    long n = number(args.get(0));
                    length = switch (info.canonical()) {
                        case "TEXT", "BLOB" -> textSize(n * (info.family() == TypeFamily.STRING ? Charsets.maxBytes(charset) : 1));
                        default -> n;
                    };
                    if (info.canonical().equals("TEXT") || info.canonical().equals("BLOB")) {
                        String canonical = info.canonical().equals("TEXT") ? textName(length, "TEXT") : textName(length, "BLOB");
                        return new SqlType(canonical, info.family(), length, -1, false,
                                info.family() == TypeFamily.STRING ? charset : null, members);
                    }
                }
            }
            case OTHER -> length = args.isEmpty() ? info.defaultLength() : number(args.get(0));
            default -> {
            }
        }
        boolean numeric = info.family().group() == TypeFamily.Group.NUMBER;
        return new SqlType(info.canonical(), info.family(), length, scale, numeric && unsigned,
                hasCharset(info.family()) ? charset : null, members);
    }

    /**
     * Returns a text type converted to another charset the way CONVERT TO CHARACTER SET does it: TEXT types grow to the
     * next size that holds as many characters.
     *
     * @param type the current type
     * @param charset the new charset
     * @return the new type
     */
    public static SqlType converted(SqlType type, String charset) {
        boolean text = type.family() == TypeFamily.STRING && !type.name().equals("CHAR") && !type.name().equals("VARCHAR");
        if (!text || type.charset() == null || charset == null || Charsets.maxBytes(charset) <= Charsets.maxBytes(type.charset())) {
            return type.withCharset(charset);
        }
        long bytes = textSize(type.length() / Charsets.maxBytes(type.charset()) * Charsets.maxBytes(charset));
        return new SqlType(textName(bytes, "TEXT"), TypeFamily.STRING, bytes, -1, false, charset, List.of());
    }

    private static long textSize(long bytes) {
        if (bytes <= 255) {
            return 255;
        }
        if (bytes <= TEXT_MAX) {
            return TEXT_MAX;
        }
        return bytes <= MEDIUM_MAX ? MEDIUM_MAX : LONG_MAX;
    }

    private static String textName(long bytes, String base) {
        if (bytes == 255) {
            return "TINY" + base;
        }
        if (bytes == TEXT_MAX) {
            return base;
        }
        return (bytes == MEDIUM_MAX ? "MEDIUM" : "LONG") + base;
    }

    private static long number(String s) {
        try {
            return new BigInteger(s.trim()).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Removes backticks, double or single quotes around an identifier or string, undoing doubled quotes.
     *
     * @param s the text
     * @return the bare text
     */
    public static String unquote(String s) {
        String x = s.trim();
        if (x.length() >= 2) {
            char q = x.charAt(0);
            if ((q == '`' || q == '"' || q == '\'') && x.charAt(x.length() - 1) == q) {
                return x.substring(1, x.length() - 1).replace(String.valueOf(q) + q, String.valueOf(q))
                        .replace("\\'", "'");
            }
        }
        return x;
    }

    /** Splits a definition into words, numbers, quoted strings and single punctuation characters. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < n) {
                    char d = s.charAt(j);
                    if (d == '\\' && c != '`') {
                        j += 2;
                        continue;
                    }
                    if (d == c) {
                        if (j + 1 < n && s.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                out.add(s.substring(i, Math.min(j + 1, n)));
                i = j + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '+' || c == '@') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || "_.$-+@".indexOf(s.charAt(j)) >= 0)) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }
}
