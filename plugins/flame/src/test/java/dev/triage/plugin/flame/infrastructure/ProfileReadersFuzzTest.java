package dev.triage.plugin.flame.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.triage.plugin.flame.domain.Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any bytes read by the perf-script, pprof, JFR and speedscope readers (issue 12): the reader's own clear error
 * ({@link ProfileParseException}, naming line or offset) or a profile whose counts add up, and whose stacks and total
 * survive a speedscope round trip. Any other exception fails the test.
 */
class ProfileReadersFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void perfScriptCollapsesOrSaysWhichLine(byte[] data) throws IOException {
        PerfScriptCollapser.Result r = readOrOwnError("fuzz.perf", () -> PerfScriptCollapser.collapse(new ByteArrayInputStream(data),
                PerfScriptCollapser.Options.DEFAULT, "fuzz.perf", true));
        if (r == null) {
            return;
        }
        long folded = r.stacks().values().stream().mapToLong(Long::longValue).sum();
        long sampled = 0;
        for (int i = 0; i < r.sampleStacks().size(); i++) {
            sampled += r.sampleWeight(i);
        }
        assertThat(r.stacks().values()).allSatisfy(c -> assertThat(c).isPositive());
        assertThat(sampled).isEqualTo(folded);
        assertThat(r.skipped()).isNotNegative();
    }

    @FuzzTest(maxDuration = "30s")
    void pprofParsesOrNamesTheOffset(byte[] data) throws IOException {
        Profile p = readOrOwnError("fuzz.pb", () -> PprofParser.parse(data, "fuzz.pb", null));
        if (p == null) {
            return;
        }
        assertThat(PprofParser.parse(data, "fuzz.pb", null, true).total()).isEqualTo(p.total());
        roundTrip(p);
    }

    @FuzzTest(maxDuration = "30s")
    void jfrReadsOrSaysWhy(byte[] data) throws IOException {
        Path file = Files.createTempFile("fuzz", ".jfr");
        try {
            Files.write(file, data);
            Profile p = readOrOwnError("fuzz.jfr", () -> JfrParser.parse(file, "fuzz.jfr", null));
            if (p != null && p.timeline() != null) {
                long sum = 0;
                for (int i = 0; i < p.timeline().size(); i++) {
                    sum += p.timeline().weight(i);
                }
                assertThat(sum).isEqualTo(p.total());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void speedscopeReadsOrSaysWhy(byte[] data) throws IOException {
        Profile p = readOrOwnError("fuzz.json", () -> SpeedscopeJson.read(new ByteArrayInputStream(data), "fuzz.json"));
        if (p != null) {
            roundTrip(p);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void foldedToSpeedscopeAndBackKeepsEverySample(byte[] data) throws IOException {
        Profile p = readOrOwnError("fuzz.folded", () -> FoldedParser.parse(new ByteArrayInputStream(data), "fuzz.folded"));
        if (p != null) {
            roundTrip(p);
        }
    }

    /** A reader call that may fail with an I/O error. */
    private interface Read<T> {
        T read() throws IOException;
    }

    /** Runs a reader: its result, or null when it refused the bytes with its own error naming the source. */
    private static <T> T readOrOwnError(String source, Read<T> reader) throws IOException {
        try {
            T result = reader.read();
            if (result instanceof Profile p && !source.endsWith(".pb")) {
                // pprof values may be negative (a diff profile); every other format counts samples or sizes
                assertThat(p.total()).isNotNegative();
            }
            return result;
        } catch (ProfileParseException expected) {
            assertThat(expected.getMessage()).startsWith(source);
            return null;
        }
    }

    /** Writes a profile as speedscope JSON and reads it back: the same total and the same stacks. */
    private static void roundTrip(Profile p) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpeedscopeJson.write(p, out);
        Profile back = SpeedscopeJson.read(new ByteArrayInputStream(out.toByteArray()), "back.json");
        assertThat(back.total()).isEqualTo(p.total());
        assertThat(back.trie().folded()).isEqualTo(p.trie().folded());
    }
}
