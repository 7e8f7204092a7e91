package dev.triage.plugin.flame.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.triage.plugin.flame.domain.FunctionStat;
import dev.triage.plugin.flame.domain.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Per-function flat and cum of every pprof profile in the corpus, for every sample type, equal {@code go tool pprof -top}
 * (Debian's golang-go; skipped where {@code go} is not installed).
 */
class PprofOracleTest {

    private static final Pattern ROW = Pattern.compile("^\\s*(\\d+)\\S*\\s+\\S+%\\s+\\S+%\\s+(\\d+)\\S*\\s+\\S+%\\s+(.+)$");

    @TestFactory
    Stream<DynamicTest> everyCorpusPprofEqualsGoToolPprofTop() throws IOException {
        Path dir = Corpus.folder("profiles/pprof");
        assumeTrue(goAvailable(), "go tool pprof is not installed (apt-get install golang-go)");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            Profile def = ProfileReader.read(file, ProfileReader.Options.DEFAULT);
            for (int i = 0; i < def.sampleTypes().size(); i++) {
                int index = i;
                tests.add(DynamicTest.dynamicTest(file.getFileName() + " sample_index=" + i, () -> {
                    Profile p = ProfileReader.read(file, new ProfileReader.Options(Integer.toString(index), null));
                    Map<String, long[]> want = goTop(file, index);
                    Map<String, long[]> got = new TreeMap<>();
                    for (FunctionStat f : p.functions()) {
                        got.put(f.name(), new long[] {f.self(), f.total()});
                    }
                    assertThat(format(got)).isEqualTo(format(want));
                }));
            }
        }
        return tests.stream();
    }

    private static String format(Map<String, long[]> m) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(m).forEach((k, v) -> sb.append(v[0]).append(' ').append(v[1]).append(' ').append(k).append('\n'));
        return sb.toString();
    }

    static boolean goAvailable() {
        try {
            Process p = new ProcessBuilder("go", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Map<String, long[]> goTop(Path file, int index) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("pprof-home");
        ProcessBuilder pb = new ProcessBuilder("go", "tool", "pprof", "-top", "-nodecount=1000000", "-nodefraction=0",
                "-edgefraction=0", "-symbolize=none", "-unit=ns", "-sample_index=" + index, file.toString());
        pb.environment().put("PPROF_BINARY_PATH", home.toString());
        pb.environment().put("HOME", home.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Map<String, long[]> rows = new TreeMap<>();
        boolean table = false;
        for (String line : out.split("\n")) {
            if (line.contains("flat%")) {
                table = true;
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (table && m.matches()) {
                String name = m.group(3).replaceAll(" \\((partial-)?inline\\)$", "").strip();
                long[] prev = rows.putIfAbsent(name, new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
                assertThat(prev).as("pprof printed %s twice", name).isNull();
            }
        }
        assertThat(table).as("go tool pprof output for %s:%n%s", file, out).isTrue();
        return rows;
    }
}
