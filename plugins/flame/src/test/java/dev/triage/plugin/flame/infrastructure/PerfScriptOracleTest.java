package dev.triage.plugin.flame.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** perf script collapsed by Triage equals stackcollapse-perf.pl's output, byte for byte, for every option. */
class PerfScriptOracleTest {

    private static final Pattern NAME = Pattern.compile("(.+)-collapsed-(pid|tid|kernel|jit|all|addrs)\\.txt");

    @TestFactory
    Stream<DynamicTest> everyExpectedFileOfStackcollapsePerf() throws IOException {
        Path expectedDir = Corpus.folder("expected/flamegraph-stackcollapse-perf");
        Path inputs = Corpus.folder("profiles/perf-script/flamegraph");
        List<Path> expected;
        try (Stream<Path> s = Files.list(expectedDir)) {
            expected = s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        assertThat(expected).hasSize(60);
        return expected.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Matcher m = NAME.matcher(file.getFileName().toString());
            assertThat(m.matches()).isTrue();
            Path input = inputs.resolve(m.group(1) + ".txt");
            String want = Files.readString(file, StandardCharsets.ISO_8859_1);
            try (InputStream in = Inputs.open(input)) {
                var result = PerfScriptCollapser.collapse(in, PerfScriptCollapser.Options.of(m.group(2)), input.toString());
                String got = result.lines().stream().map(l -> l + "\n").reduce("", String::concat);
                assertThat(got).isEqualTo(want);
            }
        }));
    }

    @Test
    void collapsesTextTheTestWrites() throws IOException {
        String text = """
                # cmdline : /usr/bin/perf record -g ./app
                app 101/102 [000] 10.000001: 1 cycles:
                \tffffffff8103ce3b native_safe_halt+0x12 ([kernel.kallsyms])
                \t400123 main (/usr/bin/app)
                \t0 [unknown] ([unknown])

                app 101/102 [000] 10.000002: 1 cycles:
                \tffffffff8103ce3b native_safe_halt ([kernel.kallsyms])
                \t400123 main (/usr/bin/app)
                \t0 [unknown] ([unknown])

                this line is garbage
                app 101/103 [000] 10.000003: 1 instructions:
                \t400123 main (/usr/bin/app)

                """;
        var all = PerfScriptCollapser.collapse(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
                PerfScriptCollapser.Options.of("all"), "t.txt");
        assertThat(all.lines()).containsExactly("app;[unknown];main;native_safe_halt_[k] 2");
        assertThat(all.skipped()).isEqualTo(1);
        assertThat(all.problems()).first().asString().startsWith("t.txt line 12: ");
        var tid = PerfScriptCollapser.collapse(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
                PerfScriptCollapser.Options.of("tid"), "t.txt");
        assertThat(tid.lines()).containsExactly("app-101/102;[unknown];main;native_safe_halt 2");
    }
}
