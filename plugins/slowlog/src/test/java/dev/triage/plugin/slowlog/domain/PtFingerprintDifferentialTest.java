package dev.triage.plugin.slowlog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares {@link Fingerprint#of} with pt-query-digest's own {@code QueryRewriter::fingerprint} on a few thousand
 * generated statements, when pt-query-digest is installed (Debian: {@code apt-get install percona-toolkit});
 * skipped otherwise.
 */
class PtFingerprintDifferentialTest {

    private static final Path PT = Path.of("/usr/bin/pt-query-digest");
    private static final String PERL = """
            require "%s";
            my $qr = QueryRewriter->new();
            binmode STDIN; binmode STDOUT;
            my @qs; { local $/ = "\\0"; while (my $q = <STDIN>) { chomp $q; push @qs, $q; } }
            print $qr->fingerprint($_), "\\0" for @qs;
            """;
    private static final String[] BASE = {
        "SELECT * FROM t WHERE a = 1", "select a,b from t where c in (1,2,3) and d = 'x'",
        "INSERT INTO t (a,b) VALUES (1,'a'),(2,'b')", "insert ignore into t values(1)", "REPLACE INTO t VALUES (1, 2)",
        "UPDATE t SET a = a + 1 WHERE id = -5", "DELETE FROM t WHERE id=0x1F", "select * from t where x = 1e10 and y = -3.5e-2",
        "SELECT \"double \\\" quoted\" FROM t", "select 'it''s' from t", "select 'a\\'b' from t",
        "select * from t where a is NULL and b is not null", "SELECT * FROM t ORDER BY a ASC, b DESC, c asc LIMIT 10",
        "select * from t limit 5 offset 10", "select * from t limit 1,2",
        "select a from t union all select a from t union all select a from t", "select a from t1 union select b from t2",
        "CALL myproc(1,2)", "  call   x.y(3)", "use `db`", "USE db2", "SELECT /*!40001 SQL_NO_CACHE */ * FROM `t`",
        "select /*+ hint */ 1", "select 1 -- trailing comment", "select 1 # hash comment", "select '--not a comment' from t",
        "/* lead */ select 2", "select * from t where a in (select b from u where c = 1)", "select values(x) from t",
        "insert into t values (1),(2) on duplicate key update a=values(a)", "SELECT TRUE, FALSE, true_col FROM t",
        "select * from tbl_2024_01 join db1.t2", "select 0b101, b'101', x'ff' from t", "SELECT\n\ta\n\tFROM\tt\r\nWHERE b=1\n",
        "select * from t where name like 'abc%'", "SHOW STATUS LIKE 'x%'", "set names utf8mb4", "select @@version",
        "select * from t where a=1 and b in ( 1 , 2 ) and c in(?,?)", "select * from `t` where `a` = \"b\"",
        "select * from t where a = 'multi\nline'", "select 1 from dual where 1 = 1 order by 1 asc",
        "select ascii(a) from t order by a  asc", "insert into t(a) values (1) , (2) , (3)",
        "SELECT * FROM t WHERE id IN (1, 2, 3) OR id IN (4,5)", "select -1, +2, 3-4 from t",
        "select 'café' from t where n = 'É'", "SELECT CAFÉ FROM t", "load data infile '/tmp/x' into table t", "begin",
        "select * from t where d = '2024-01-01 10:00:00'", "select * from t where a = .5", "select a.b.c from a.b",
        "REPLACE /*db.tbl:1/5*/ INTO checksums SELECT 1", "administrator command: Quit",
    };

    @Test
    void agreesWithPtQueryDigestsOwnFingerprint(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(PT), PT + " is not installed");
        List<UnaryOperator<String>> edits = List.of(String::toUpperCase, String::toLowerCase, s -> s.replace(" ", "  "),
                s -> s.replace(" ", "\n"), s -> "  " + s, s -> s + "\n", s -> s.replace("1", "12345"), s -> s + " /* c */",
                s -> s.replace("=", " = "));
        Random random = new Random(7);
        List<String> queries = new ArrayList<>(List.of(BASE));
        for (int i = 0; i < 2000; i++) {
            String q = BASE[random.nextInt(BASE.length)];
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                q = edits.get(random.nextInt(edits.size())).apply(q);
            }
            queries.add(q);
        }
        // Both sides see bytes: UTF-8 statements, read by Triage one char per byte as the parser does.
        List<String> latin1 = queries.stream()
                .map(q -> new String(q.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)).toList();
        Path in = Files.writeString(dir.resolve("queries.bin"), String.join("\0", latin1) + "\0", StandardCharsets.ISO_8859_1);
        Path out = dir.resolve("pt.bin");
        Process perl = new ProcessBuilder("perl", "-e", PERL.formatted(PT)).redirectInput(in.toFile())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(perl.waitFor()).as("perl exit code").isZero();
        String[] theirs = Files.readString(out, StandardCharsets.ISO_8859_1).split("\0", -1);
        assertThat(theirs.length - 1).isEqualTo(latin1.size());
        for (int i = 0; i < latin1.size(); i++) {
            assertThat(Fingerprint.of(latin1.get(i))).as("fingerprint of %s", latin1.get(i)).isEqualTo(theirs[i]);
        }
    }
}
