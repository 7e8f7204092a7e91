package dev.triage.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.ImportSummary;
import dev.triage.core.kernel.Kernel;
import dev.triage.testkit.TestKernels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-file matrix: every damage a broken server leaves (empty, header only, cut mid-entry, binary garbage, NUL
 * bytes, CRLF and mixed line ends, UTF-16 with and without BOM, invalid UTF-8 inside GBK, a cut .gz, a gzip bomb, a
 * 200 MB line, 10 M tiny lines, a path with spaces and Chinese) applied to a slow log, a server log and a folded profile,
 * each imported through the whole app into one case. Each import ends with a summary or an error naming the file, within
 * the test JVM's 1 GB heap, and never loses what the case held before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileFilesTest {

    static final String SLOW = """
            # Time: 2024-03-01T10:00:00.000000Z
            # User@Host: app[app] @ web1 [10.0.0.1]  Id:    42
            # Query_time: 2.000000  Lock_time: 0.001000 Rows_sent: 1  Rows_examined: 5000
            use shop;
            SET timestamp=1709287200;
            SELECT * FROM orders WHERE customer_id = 17;
            # Time: 2024-03-01T10:00:05.000000Z
            # User@Host: app[app] @ web1 [10.0.0.1]  Id:    42
            # Query_time: 1.000000  Lock_time: 0.000000 Rows_sent: 1  Rows_examined: 4000
            SET timestamp=1709287205;
            SELECT * FROM orders WHERE customer_id = 18;
            """;
    static final String LOG = """
            2026-03-01T10:15:00.123456Z 0 [Note] InnoDB: Buffer pool(s) load completed
            2026-03-01T10:15:01.000000Z 12 [Warning] Aborted connection 12 to db: 'shop' user: 'app' host: 'web1' (Got timeout reading communication packets)
            2026-03-01T10:15:02.000000Z 13 [ERROR] InnoDB: Deadlock found when trying to get lock; try restarting transaction
            2026-03-01T10:15:03.000000Z 0 [Note] 支付回调超时 order=4711
            """;
    static final String FOLDED = """
            main;handle;parse 30
            main;handle;query;net.read 50
            main;gc 20
            """;

    Path dir;
    Kernel kernel;
    Case theCase;

    @BeforeAll
    void open() throws Exception {
        dir = Files.createTempDirectory("triage-hostile");
        kernel = TestKernels.create(dir.resolve("app"), Duration.ofSeconds(20)).startPlugins();
        theCase = kernel.cases().create(dir.resolve("case"), "hostile");
        Path good = Files.writeString(dir.resolve("good-slow.log"), SLOW);
        kernel.imports().importFiles(theCase, List.of(good)).result().get(120, TimeUnit.SECONDS);
    }

    @AfterAll
    void close() throws Exception {
        kernel.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    record Hostile(String name, Generator content) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Generator {
        void write(Path file) throws IOException;
    }

    static List<Hostile> files() {
        List<Hostile> out = new ArrayList<>();
        out.add(new Hostile("empty.log", f -> Files.write(f, new byte[0])));
        for (String[] kind : new String[][] {{"slow", SLOW}, {"error", LOG}, {"profile", FOLDED}}) {
            String name = kind[0];
            String text = kind[1];
            String ext = name.equals("profile") ? ".folded" : ".log";
            out.add(new Hostile(name + "-header-only" + ext, f -> Files.writeString(f, text.lines().findFirst().orElseThrow() + "\n")));
            out.add(new Hostile(name + "-cut" + ext, f -> Files.writeString(f, text.substring(0, text.length() * 3 / 5))));
            out.add(new Hostile(name + "-garbage" + ext, f -> Files.write(f, concat(text, garbage(64 * 1024, false), text))));
            out.add(new Hostile(name + "-nul" + ext, f -> Files.write(f, concat(text, garbage(4096, true), text))));
            out.add(new Hostile(name + "-crlf" + ext, f -> Files.writeString(f, text.replace("\n", "\r\n"))));
            out.add(new Hostile(name + "-mixed-ends" + ext, f -> Files.writeString(f, text.replaceFirst("\n", "\r\n").replaceFirst("\n", "\r"))));
            out.add(new Hostile(name + "-utf16-bom" + ext, f -> Files.write(f, concat("\uFEFF" + text, StandardCharsets.UTF_16LE))));
            out.add(new Hostile(name + "-utf16-nobom" + ext, f -> Files.write(f, text.getBytes(StandardCharsets.UTF_16LE))));
            out.add(new Hostile(name + "-gbk-broken" + ext, f -> Files.write(f, concat(text.getBytes(Charset.forName("GBK")),
                    new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x80, '\n'}, text.getBytes(Charset.forName("GBK"))))));
            out.add(new Hostile(name + "-cut" + ext + ".gz", f -> {
                byte[] gz = gzip(text.repeat(200).getBytes(StandardCharsets.UTF_8));
                Files.write(f, Arrays.copyOf(gz, gz.length / 2));
            }));
            out.add(new Hostile(name + " 空格 中文" + ext, f -> Files.writeString(f, text)));
        }
        out.add(new Hostile("error-200mb-line.log", f -> {
            try (OutputStream o = Files.newOutputStream(f)) {
                o.write(LOG.getBytes(StandardCharsets.UTF_8));
                o.write("2026-03-01T10:16:00Z 0 [Note] ".getBytes(StandardCharsets.UTF_8));
                byte[] x = new byte[1 << 20];
                Arrays.fill(x, (byte) 'x');
                for (int i = 0; i < 200; i++) {
                    o.write(x);
                }
                o.write('\n');
                o.write(LOG.getBytes(StandardCharsets.UTF_8));
            }
        }));
        out.add(new Hostile("slow-60mb-statement.log", f -> {
            try (OutputStream o = Files.newOutputStream(f)) {
                o.write(SLOW.getBytes(StandardCharsets.UTF_8));
                o.write("# Time: 2024-03-01T10:00:09.000000Z\n# Query_time: 3.0  Lock_time: 0.0 Rows_sent: 1  Rows_examined: 1\nSELECT '"
                        .getBytes(StandardCharsets.UTF_8));
                byte[] x = new byte[1 << 20];
                Arrays.fill(x, (byte) 'y');
                for (int i = 0; i < 60; i++) {
                    o.write(x);
                }
                o.write("';\n".getBytes(StandardCharsets.UTF_8));
                o.write(SLOW.getBytes(StandardCharsets.UTF_8));
            }
        }));
        out.add(new Hostile("error-10m-tiny-lines.log", f -> {
            try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
                o.write(LOG.getBytes(StandardCharsets.UTF_8));
                byte[] tiny = "a\n".getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 10_000_000; i++) {
                    o.write(tiny);
                }
            }
        }));
        out.add(new Hostile("error-bomb.log.gz", f -> {
            try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f), 1 << 16)) {
                o.write(LOG.getBytes(StandardCharsets.UTF_8));
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 2048; i++) {
                    o.write(zeros);
                }
            }
        }));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void aHostileFileEndsInASummaryOrAnErrorNamingItAndTheCaseKeepsWhatItHad(Hostile hostile) throws Exception {
        Path file = dir.resolve(hostile.name());
        hostile.content().write(file);
        List<ImportSummary> before = theCase.imports();
        long rowsBefore = before.stream().mapToLong(ImportSummary::rows).sum();
        ImportSummary summary = null;
        Throwable failure = null;
        try {
            summary = kernel.imports().importFiles(theCase, List.of(file)).result().get(600, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        List<ImportSummary> after = theCase.imports();
        if (failure != null) {
            assertThat(failure.getMessage()).as("the error names the file").contains(hostile.name());
            assertThat(after).as("a failed import keeps the case as it was").isEqualTo(before);
        } else {
            assertThat(summary.files()).isEqualTo(1);
            assertThat(after).hasSize(before.size() + 1);
            assertThat(summary.warnings()).as("every warning names the file").allMatch(w -> w.contains(hostile.name())
                    || w.contains(file.getFileName().toString().replace(".gz", "")));
            assertThat(summary.skipped()).isGreaterThanOrEqualTo(summary.warnings().size());
        }
        assertThat(after.stream().mapToLong(ImportSummary::rows).sum()).as("rows already imported stay").isGreaterThanOrEqualTo(rowsBefore);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        Files.delete(file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void aFolderWithASymlinkLoopOrAnUnreadableFileIsImportedOrRefusedClearly(String what) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder-" + what));
        Files.writeString(folder.resolve("a.log"), LOG);
        if (what.equals("symlink-loop")) {
            Files.createSymbolicLink(folder.resolve("loop"), folder);
        } else {
            assumeThat(System.getProperty("user.name")).as("root reads files without permission").isNotEqualTo("root");
            Path secret = Files.writeString(folder.resolve("b.log"), LOG);
            secret.toFile().setReadable(false, false);
        }
        List<ImportSummary> before = theCase.imports();
        try {
            ImportSummary s = kernel.imports().importFiles(theCase, List.of(folder)).result().get(120, TimeUnit.SECONDS);
            assertThat(s.files()).isGreaterThanOrEqualTo(1);
        } catch (ExecutionException e) {
            assertThat(e.getCause().getMessage()).containsAnyOf("loop", "b.log", folder.toString());
            assertThat(theCase.imports()).isEqualTo(before);
        }
    }

    static List<String> folders() {
        return List.of("symlink-loop", "unreadable");
    }

    private static byte[] garbage(int n, boolean nul) {
        byte[] b = new byte[n];
        if (!nul) {
            new Random(n).nextBytes(b);
        }
        return b;
    }

    private static byte[] concat(String a, byte[] mid, String b) {
        return concat(a.getBytes(StandardCharsets.UTF_8), mid, b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(String s, Charset cs) {
        return s.getBytes(cs);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
