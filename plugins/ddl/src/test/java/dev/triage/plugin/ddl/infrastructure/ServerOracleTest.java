package dev.triage.plugin.ddl.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.plugin.ddl.api.DdlCheckRequest;
import dev.triage.plugin.ddl.api.DdlDialect;
import dev.triage.plugin.ddl.api.DdlStatementCheck;
import dev.triage.plugin.ddl.application.LossyDdlChecker;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server oracle: for every (from, to) pair of a type matrix, a real MariaDB creates a table, stores boundary values
 * (min/max, long and multibyte text, trailing spaces, fractional times, NULL), runs the ALTER in non-strict mode and
 * the values are compared before and after. The checker must call the change LOSSY (or worse) exactly when the server
 * changed a value or refused the ALTER. Deliberate disagreements are listed in {@link #DELIBERATE} and docs/ddl-checker.md.
 */
class ServerOracleTest {

    private static final String LONG_TEXT = "x".repeat(300);
    private static final String FORTY = "abcdefghij".repeat(4);

    /** Each type with the values that exercise its edges, as SQL literals. */
    private static final Map<String, List<String>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("TINYINT", List.of("-128", "127", "0", "1", "NULL"));
        TYPES.put("TINYINT UNSIGNED", List.of("0", "255", "1", "NULL"));
        TYPES.put("SMALLINT", List.of("-32768", "32767", "0", "NULL"));
        TYPES.put("INT", List.of("-2147483648", "2147483647", "0", "16777217", "NULL"));
        TYPES.put("INT UNSIGNED", List.of("0", "4294967295", "16777217", "NULL"));
        TYPES.put("BIGINT", List.of("-9223372036854775808", "9223372036854775807", "9007199254740993", "0", "NULL"));
        TYPES.put("DECIMAL(5,2)", List.of("-999.99", "999.99", "0.01", "1.5", "NULL"));
        TYPES.put("DECIMAL(12,4)", List.of("-99999999.9999", "99999999.9999", "0.0001", "NULL"));
        TYPES.put("FLOAT", List.of("-3.40282e38", "3.40282e38", "3.14", "1.5", "NULL"));
        TYPES.put("DOUBLE", List.of("-1.7976931348623157e308", "1.7976931348623157e308", "3.141592653589793", "0.1", "NULL"));
        TYPES.put("CHAR(10)", List.of("'abcdefghij'", "'ü中文😀x'", "''", "'12'", "NULL"));
        TYPES.put("VARCHAR(5)", List.of("'abcde'", "'é😀'", "'a  '", "''", "'42'", "NULL"));
        TYPES.put("VARCHAR(40)", List.of("'" + FORTY + "'", "'" + "é".repeat(40) + "'", "'ü中文😀 multibyte'", "'tail  '", "'2019-01-02'", "'123'", "NULL"));
        TYPES.put("VARCHAR(40) CHARACTER SET latin1", List.of("'" + FORTY + "'", "'café'", "'x  '", "NULL"));
        TYPES.put("TEXT", List.of("'" + LONG_TEXT + "'", "'ü中文😀'", "'sp  '", "NULL"));
        TYPES.put("VARBINARY(40)", List.of("X'00FF10'", "'abc'", "X'" + "C3A9".repeat(20) + "'", "NULL"));
        TYPES.put("DATE", List.of("'1000-01-01'", "'9999-12-31'", "'2019-01-02'", "'1970-01-01'", "NULL"));
        TYPES.put("DATETIME", List.of("'1000-01-01 00:00:00'", "'9999-12-31 23:59:59'", "'2019-01-02 10:11:12'", "NULL"));
        TYPES.put("DATETIME(6)", List.of("'1000-01-01 00:00:00.000001'", "'9999-12-31 23:59:59.999999'",
                "'2019-01-02 10:11:12.123456'", "NULL"));
        TYPES.put("TIMESTAMP(3)", List.of("'1970-01-01 00:00:01.000'", "'2038-01-19 03:14:07.999'", "'2019-01-02 10:11:12.345'",
                "NULL"));
        TYPES.put("TIME(2)", List.of("'-838:59:59.00'", "'838:59:59.00'", "'10:11:12.34'", "'00:00:00'", "NULL"));
        TYPES.put("YEAR", List.of("1901", "2155", "2019", "NULL"));
        TYPES.put("ENUM('a','b','c')", List.of("'a'", "'b'", "'c'", "NULL"));
        TYPES.put("ENUM('a','b')", List.of("'a'", "'b'", "NULL"));
        TYPES.put("SET('a','b','c')", List.of("'a,b,c'", "'b'", "''", "NULL"));
    }

    /** Targets only: attributes (NOT NULL over stored NULLs) and types the sources do not cover. */
    private static final List<String> MORE_TARGETS = List.of("INT NOT NULL", "VARCHAR(40) NOT NULL", "DATETIME(6) NOT NULL",
            "MEDIUMINT", "TINYTEXT", "BINARY(8)", "CHAR(40) CHARACTER SET utf8mb3", "DECIMAL(20,0)", "SMALLINT UNSIGNED");

    /** Pairs where the checker deliberately disagrees with what MariaDB did to these values (see docs/ddl-checker.md). */
    private static final Set<String> DELIBERATE = Set.of();

    private static MariaDbServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MariaDbServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private record Pair(int id, String from, String to) {
        String table() {
            return "p" + id;
        }

        String key() {
            return from + " -> " + to;
        }
    }

    @Test
    void checkerAgreesWithTheServerOnEveryTypePair() throws Exception {
        List<Pair> pairs = new ArrayList<>();
        List<String> targets = new ArrayList<>(TYPES.keySet());
        targets.addAll(MORE_TARGETS);
        for (String from : TYPES.keySet()) {
            for (String to : targets) {
                if (!from.equals(to)) {
                    pairs.add(new Pair(pairs.size(), from, to));
                }
            }
        }
        assertThat(pairs.size()).isGreaterThanOrEqualTo(200);
        LossyDdlChecker checker = new LossyDdlChecker();
        List<String> disagreements = new ArrayList<>();
        int lossy = 0;
        try (Connection c = server.connect("oracle"); Statement st = c.createStatement()) {
            st.execute("SET SESSION sql_mode = '', time_zone = '+00:00'");
            StringBuilder setup = new StringBuilder();
            for (Pair p : pairs) {
                setup.append("CREATE TABLE ").append(p.table()).append(" (id INT PRIMARY KEY, c ").append(p.from())
                        .append(") ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;");
                List<String> values = TYPES.get(p.from());
                setup.append("INSERT INTO ").append(p.table()).append(" VALUES ");
                for (int i = 0; i < values.size(); i++) {
                    setup.append(i == 0 ? "" : ",").append('(').append(i).append(',').append(values.get(i)).append(')');
                }
                setup.append(';');
                if (setup.length() > 200_000) {
                    st.execute(setup.toString());
                    setup.setLength(0);
                }
            }
            st.execute(setup.toString());
            Map<Integer, List<Row>> before = snapshot(st, pairs);
            Map<Integer, String> refused = new java.util.HashMap<>();
            for (Pair p : pairs) {
                try {
                    st.execute("ALTER TABLE " + p.table() + " MODIFY c " + p.to());
                } catch (SQLException e) {
                    refused.put(p.id(), e.getMessage());
                }
            }
            Map<Integer, List<Row>> after = snapshot(st, pairs.stream().filter(p -> !refused.containsKey(p.id())).toList());
            for (Pair p : pairs) {
                boolean changed;
                String what;
                if (refused.containsKey(p.id())) {
                    changed = true;
                    what = "server refused: " + refused.get(p.id());
                } else {
                    boolean toBinary = binary(p.to());
                    List<String> was = before.get(p.id()).stream().map(r -> toBinary ? r.hexAsBinary() : r.value(p.from())).toList();
                    List<String> now = after.get(p.id()).stream().map(r -> toBinary ? r.hexRaw() : r.value(p.to())).toList();
                    changed = !same(was, now);
                    what = changed ? was + " became " + now : "kept " + was;
                }
                DdlStatementCheck check = checker.check(new DdlCheckRequest(
                        "ALTER TABLE " + p.table() + " MODIFY c " + p.to() + ";",
                        "CREATE TABLE " + p.table() + " (id INT PRIMARY KEY, c " + p.from() + ") DEFAULT CHARSET=utf8mb4;",
                        DdlDialect.MYSQL)).statements().get(0);
                boolean checkerLossy = check.verdict().losesData();
                lossy += checkerLossy ? 1 : 0;
                if (checkerLossy != changed && !DELIBERATE.contains(p.key())) {
                    disagreements.add(p.key() + ": checker " + check.verdict() + " " + check.reasons().stream()
                            .map(r -> r.message()).toList() + ", server " + what);
                }
            }
        }
        assertThat(disagreements).as(String.join("\n", disagreements)).isEmpty();
        assertThat(lossy).isBetween(pairs.size() / 4, pairs.size() - 20);
    }

    private static boolean binary(String type) {
        return type.contains("BINARY") || type.contains("BLOB");
    }

    /**
     * One stored value: as text, its raw bytes in hex (meaningful for binary columns), and its bytes as stored or
     * printed (text in its charset, numbers and dates as their text) for changes into a binary column.
     */
    private record Row(String text, String hexRaw, String hexAsBinary) {
        String value(String type) {
            return binary(type) ? bytes(hexRaw == null ? null : HexFormat.of().parseHex(hexRaw)) : text;
        }
    }

    /** Reads every pair's table in a few UNION ALL round trips instead of one query per table. */
    private static Map<Integer, List<Row>> snapshot(Statement st, List<Pair> pairs) throws SQLException {
        Map<Integer, List<Row>> out = new java.util.HashMap<>();
        for (int from = 0; from < pairs.size(); from += 100) {
            StringBuilder q = new StringBuilder();
            for (Pair p : pairs.subList(from, Math.min(pairs.size(), from + 100))) {
                q.append(q.length() == 0 ? "" : " UNION ALL ").append("SELECT ").append(p.id())
                        .append(" AS pair, id, CAST(c AS CHAR CHARACTER SET utf8mb4) AS t, HEX(c) AS h, HEX(CAST(c AS BINARY)) AS b FROM ")
                        .append(p.table());
            }
            try (ResultSet rs = st.executeQuery(q + " ORDER BY pair, id")) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new Row(rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return out;
    }

    private static String bytes(byte[] b) {
        if (b == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return "0x" + HexFormat.of().formatHex(b);
        }
    }

    private static boolean same(List<String> before, List<String> after) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            if (!sameValue(before.get(i), after.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(String a, String b) {
        if (a == null || b == null) {
            return Objects.equals(a, b);
        }
        if (a.equals(b)) {
            return true;
        }
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y) == 0;
        }
        return temporal(a).equals(temporal(b));
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Drops zero fractions and a midnight time, so DATE '2019-01-02' equals DATETIME(6) '2019-01-02 00:00:00.000000'. */
    private static String temporal(String s) {
        String t = s.replaceFirst("(\\.\\d*?)0+$", "$1").replaceFirst("\\.$", "");
        return t.matches("\\d{4}-\\d{2}-\\d{2} 00:00:00") ? t.substring(0, 10) : t;
    }
}
