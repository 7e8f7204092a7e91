package dev.triage.plugin.flame.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.plugin.flame.domain.Profile;
import dev.triage.plugin.flame.domain.StackTrie;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CPU stacks of JFR recordings equal grafana/jfr-parser's expected collapsed stacks. */
class JfrOracleTest {

    @ParameterizedTest
    @CsvSource({
        "jfr-parser-async-profiler.jfr.gz, async-profiler_2_process_cpu_cpu__nanoseconds_expected_collapsed.txt.gz",
        "jfr-parser-cortex-dev-01__kafka-0__cpu__0.jfr.gz, cortex-dev-01__kafka-0__cpu__0_0_process_cpu_cpu__nanoseconds_expected_collapsed.txt.gz"
    })
    void cpuStacksEqualJfrParser(String recording, String expected) throws IOException {
        Path file = Corpus.folder("profiles/jfr").resolve(recording);
        Path want = Corpus.folder("expected/jfr-parser").resolve(expected);
        Profile p = ProfileReader.read(file, new ProfileReader.Options("cpu", null));
        List<String> got = new ArrayList<>();
        StackTrie t = p.trie();
        for (int n = 1; n < t.size(); n++) {
            if (t.self(n) != 0) {
                got.add(String.join(";", t.path(n)) + " [" + t.self(n) + "]");
            }
        }
        List<String> lines;
        try (InputStream in = Inputs.open(want)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
        assertThat(got).containsExactlyInAnyOrderElementsOf(lines);
        long sum = lines.stream().mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf('[') + 1, l.length() - 1))).sum();
        assertThat(p.total()).isEqualTo(sum);
    }
}
