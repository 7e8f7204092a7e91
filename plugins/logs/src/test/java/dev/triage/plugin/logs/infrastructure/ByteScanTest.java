package dev.triage.plugin.logs.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.kernel.Kernel;
import dev.triage.plugin.logs.Fixtures;
import dev.triage.plugin.logs.application.Hit;
import dev.triage.plugin.logs.domain.LineMatcher;
import dev.triage.testkit.TestKernels;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte-level paths (chunked keyword scan, two-thread indexer) give what the line-by-line reader gives, on inputs
 * with the awkward cases: CRLF, empty lines, a last line without newline, lines over 1 MiB (cut) and over a chunk,
 * gzip, GBK, stack traces.
 */
class ByteScanTest {

    @TempDir
    Path home;

    @Test
    void swarHelpersAgreeWithPlainLoops() {
        Random rnd = new Random(7);
        byte[] needle = "ab\nc".getBytes(StandardCharsets.US_ASCII);
        for (int round = 0; round < 300; round++) {
            byte[] b = new byte[rnd.nextInt(70)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) "abc\n\u00ff".charAt(rnd.nextInt(5));
            }
            int from = b.length == 0 ? 0 : rnd.nextInt(b.length);
            int to = from + rnd.nextInt(b.length - from + 1);
            int first = -1;
            int count = 0;
            int found = -1;
            for (int i = from; i < to; i++) {
                if (b[i] == '\n') {
                    count++;
                    first = first < 0 ? i : first;
                }
                if (found < 0 && i + needle.length <= to && java.util.Arrays.equals(b, i, i + needle.length, needle, 0, needle.length)) {
                    found = i;
                }
            }
            assertThat(Bytes.indexOf(b, from, to, (byte) '\n')).isEqualTo(first);
            assertThat(Bytes.count(b, from, to, (byte) '\n')).isEqualTo(count);
            assertThat(Bytes.indexOf(b, from, to, needle, Bytes.rarest(needle))).isEqualTo(found);
            assertThat(Bytes.ascii(b, from, to)).isEqualTo(new String(b, from, to - from, StandardCharsets.ISO_8859_1).chars().allMatch(c -> c < 0x80));
        }
    }

    @Test
    void regexLiteralPrefixIsWhatEveryMatchStartsWith() {
        assertThat(LineMatcher.literalPrefix("served in 24[0-9] ms")).isEqualTo("served in 24");
        assertThat(LineMatcher.literalPrefix("OrderService\\.java:\\d+")).isEqualTo("OrderService.java:");
        assertThat(LineMatcher.literalPrefix("abc*d")).isEqualTo("ab");
        assertThat(LineMatcher.literalPrefix("ab+c")).isEqualTo("ab");
        assertThat(LineMatcher.literalPrefix("x{2}y")).isEmpty();
        assertThat(LineMatcher.literalPrefix("(?i)served")).isEmpty();
        assertThat(LineMatcher.literalPrefix("served|failed")).isEmpty();
        assertThat(new String(new LineMatcher(List.of("served"), null, null, "served in 24[0-9] ms", false).requiredAscii(),
                StandardCharsets.US_ASCII)).isEqualTo("served in 24");
        assertThat(new LineMatcher(List.of("served"), null, null, "served in", true).requiredAscii()).isNull();
    }

    private static String awkward() {
        StringBuilder s = new StringBuilder();
        s.append("2026-03-01 10:00:00.000 INFO  [a] first served 服务启动\r\n");
        s.append("\r\n");
        s.append("2026-03-01 10:00:01.000 ERROR [b] failed, served anyway\n");
        s.append("java.lang.IllegalStateException: served twice\n\tat x.Y.z(Y.java:1)\n");
        s.append("2026-03-01 10:00:02.000 WARN  [c] long ").append("x".repeat(LineReader.MAX_LINE)).append(" served past the cut\n");
        s.append("2026-03-01 10:00:03.000 WARN  [d] served ").append("y".repeat(LineReader.MAX_LINE + 10)).append('\n');
        s.append("2026-03-01 10:00:04.000 INFO  [e] served beyond a chunk ").append("z".repeat(KeywordScan.CHUNK + 100)).append("\r\n");
        for (int i = 0; i < 3000; i++) {
            s.append("2026-03-01 10:01:").append(String.format("%02d", i % 60)).append(".000 INFO  [f] request ").append(i)
                    .append(i % 7 == 0 ? " served" : "").append(" 服务\n");
        }
        s.append("2026-03-01 10:02:00.000 INFO  [g] last line served without newline");
        return s.toString();
    }

    @Test
    void keywordScanFindsWhatTheLineReaderFinds() throws Exception {
        String text = awkward();
        for (String enc : List.of("UTF-8", "GBK")) {
            Path plain = home.resolve("a-" + enc + ".log");
            Files.write(plain, text.getBytes(Charset.forName(enc)));
            Path gz = home.resolve("a-" + enc + ".log.gz");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
                out.write(text.getBytes(Charset.forName(enc)));
            }
            for (Path p : List.of(plain, gz)) {
                for (List<String> must : List.of(List.of("served"), List.of("served", "request"), List.of("服务"))) {
                    LineMatcher m = new LineMatcher(must, null, null, must.size() == 1 ? null : "request [0-9]*1 ", false);
                    List<String> expected = new ArrayList<>();
                    try (LineReader r = LineReader.open(p, enc, 0)) {
                        for (String l; (l = r.next()) != null; ) {
                            if (m.matches(l)) {
                                expected.add(r.lineNumber() + ":" + r.wasCut() + ":" + l);
                            }
                        }
                    }
                    byte[] needle = m.requiredAscii();
                    if (needle == null) {
                        continue;
                    }
                    for (long startLine : List.of(1L, 5L, 2000L)) {
                        LogSearcher.FileInfo f = new LogSearcher.FileInfo(1, p.getFileName().toString(), p, enc, List.of(), ZoneOffset.UTC, 2026);
                        KeywordScan.Result res = KeywordScan.scan(f, 0, 0, startLine, needle, m, 100_000, Long.MAX_VALUE, () -> false, Fixtures.NONE);
                        List<String> got = new ArrayList<>();
                        for (Hit h : res.hits) {
                            got.add(h.line() + ":" + h.cut() + ":" + h.text());
                        }
                        assertThat(got).as(p + " " + must + " from " + startLine)
                                .containsExactlyElementsOf(expected.stream().filter(e -> Long.parseLong(e.substring(0, e.indexOf(':'))) >= startLine).toList());
                        assertThat(res.stop).isNull();
                        assertThat(res.candidates).isEqualTo(3009 - startLine + 1);
                    }
                    // A small page: the scan stops right after the hit past it.
                    LogSearcher.FileInfo f = new LogSearcher.FileInfo(1, "a", p, enc, List.of(), ZoneOffset.UTC, 2026);
                    KeywordScan.Result page = KeywordScan.scan(f, 0, 0, 1, needle, m, 2, Long.MAX_VALUE, () -> false, Fixtures.NONE);
                    assertThat(page.hits).hasSize(Math.min(3, expected.size()));
                }
            }
        }
    }

    @Test
    void byteIndexerGivesTheRowsOfTheCharacterReader() throws Exception {
        String text = awkward();
        Path dir = Files.createDirectories(home.resolve("logs"));
        Files.write(dir.resolve("utf8.log"), text.getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("gbk.log"), text.getBytes(Charset.forName("GBK")));
        // UTF-16 (with its BOM) is read through a Reader, line by line: the reference.
        Files.write(dir.resolve("utf16.log"), text.getBytes(StandardCharsets.UTF_16));
        try (Kernel k = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = k.cases().create(home.resolve("case"), "t");
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("paths", dir.toString());
            args.put("tz", "UTC");
            k.commands().executeText("logs.import", args, Fixtures.NONE);
            Map<String, List<String>> rows = new LinkedHashMap<>();
            try (Connection conn = c.newConnection(); Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT f.name, e.line, e.ts_us, e.level, e.line_count, e.message FROM logs_entries e"
                         + " JOIN logs_files f USING (file_id) ORDER BY f.name, e.line")) {
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getString(1), x -> new ArrayList<>()).add(rs.getLong(2) + "|" + rs.getObject(3) + "|"
                            + rs.getString(4) + "|" + rs.getInt(5) + "|" + rs.getString(6));
                }
            }
            assertThat(rows.keySet()).containsExactlyInAnyOrder("utf8.log", "gbk.log", "utf16.log");
            assertThat(rows.get("utf16.log")).hasSize(3006);
            assertThat(rows.get("utf8.log")).containsExactlyElementsOf(rows.get("utf16.log"));
            assertThat(rows.get("gbk.log")).containsExactlyElementsOf(rows.get("utf16.log"));
            try (Connection conn = c.newConnection(); Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name, lines, cut_lines, text_bytes FROM logs_files ORDER BY name")) {
                while (rs.next()) {
                    assertThat(rs.getLong(2)).as(rs.getString(1)).isEqualTo(3009);
                    assertThat(rs.getLong(3)).as(rs.getString(1)).isEqualTo(3);
                }
            }
        }
    }
}
