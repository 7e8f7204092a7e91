package dev.triage.plugin.flame.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.plugin.flame.domain.FunctionStat;
import dev.triage.plugin.flame.domain.Profile;
import dev.triage.plugin.flame.domain.ProfileFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Format detection, every corpus profile, consistency of totals, speedscope round trips and bad input. */
class ProfileReaderTest {

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyCorpusProfileIsDetectedAndRead() throws IOException {
        Path root = Corpus.folder("profiles");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("pprof-legacy")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(38);
        return files.stream().map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> {
            ProfileFormat want = expectedFormat(root.relativize(f).toString());
            assertThat(ProfileReader.detect(Files.readAllBytes(f))).contains(want);
            Profile p = ProfileReader.read(f, ProfileReader.Options.DEFAULT);
            assertThat(p.format()).isEqualTo(want);
            assertThat(p.total()).isPositive();
            // total and per-function self add up to the sum of the folded counts
            long folded = p.trie().folded().stream().mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
            assertThat(folded).isEqualTo(p.total());
            assertThat(p.functions().stream().mapToLong(FunctionStat::self).sum()).isEqualTo(p.total());
            assertThat(p.functions()).allSatisfy(fs -> assertThat(fs.total()).isBetween(fs.self(), p.total()));
        }));
    }

    private static ProfileFormat expectedFormat(String rel) {
        if (rel.startsWith("folded")) {
            return ProfileFormat.FOLDED;
        }
        if (rel.startsWith("perf-script")) {
            return ProfileFormat.PERF_SCRIPT;
        }
        return rel.startsWith("jfr") ? ProfileFormat.JFR : ProfileFormat.PPROF;
    }

    @Test
    void foldedVariantsReadAlike() throws IOException {
        Path folded = Corpus.folder("profiles/folded/speedscope");
        Profile plain = ProfileReader.read(folded.resolve("simple.txt"), ProfileReader.Options.DEFAULT);
        for (String variant : List.of("simple-crlf.txt", "simple-utf16-le.txt", "simple-utf16-be.txt")) {
            Profile other = ProfileReader.read(folded.resolve(variant), ProfileReader.Options.DEFAULT);
            assertThat(other.trie().folded()).as(variant).isEqualTo(plain.trie().folded());
        }
    }

    @Test
    void foldedTextWithBadLinesKeepsTheGoodOnesAndCountsTheRest() throws IOException {
        Path f = dir.resolve("app.folded");
        Files.writeString(f, "main;work;parse 7\nmain;work 3\nthis line has no count\n\nmain;idle 10\nmain;x notanumber\n");
        Profile p = ProfileReader.read(f, ProfileReader.Options.DEFAULT);
        assertThat(p.total()).isEqualTo(20);
        assertThat(p.skipped()).isEqualTo(2);
        assertThat(p.problems()).containsExactly(
                "app.folded line 3: expected 'frame;frame;... count', got: this line has no count",
                "app.folded line 6: expected 'frame;frame;... count', got: main;x notanumber");
        assertThat(p.functions()).contains(new FunctionStat("work", 3, 10), new FunctionStat("main", 0, 20));
    }

    @Test
    void gzipFoldedIsReadAndATruncatedGzipIsAClearError() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 2000; i++) {
                gz.write(("main;f" + i + ";leaf " + (i + 1) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Path whole = dir.resolve("stacks.folded.gz");
        Files.write(whole, bytes.toByteArray());
        assertThat(ProfileReader.read(whole, ProfileReader.Options.DEFAULT).total()).isEqualTo(2000L * 2001 / 2);
        Path cut = dir.resolve("cut.folded.gz");
        byte[] all = bytes.toByteArray();
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> ProfileReader.read(cut, ProfileReader.Options.DEFAULT))
                .isInstanceOf(ProfileParseException.class).hasMessageContaining("cut.folded.gz").hasMessageContaining("truncated");
    }

    @Test
    void corruptPprofNamesTheOffset() throws IOException {
        Path good = Corpus.folder("profiles/pprof").resolve("parca-query-fib.pb.gz");
        byte[] data;
        try (var in = Inputs.open(good)) {
            data = in.readAllBytes();
        }
        byte[] broken = java.util.Arrays.copyOf(data, data.length - 3);
        Path f = dir.resolve("broken.pb");
        Files.write(f, broken);
        assertThatThrownBy(() -> ProfileReader.read(f, ProfileReader.Options.DEFAULT))
                .isInstanceOf(ProfileParseException.class).hasMessageMatching("broken\\.pb byte \\d+: not a valid pprof.*");
        assertThatThrownBy(() -> ProfileReader.read(good, new ProfileReader.Options("alloc_space", null)))
                .hasMessageContaining("no sample type 'alloc_space', the profile has [samples, cpu]");
    }

    @Test
    void somethingElseIsRefusedNamingTheFile() throws IOException {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "Dear diary,\ntoday the database was slow.\n");
        assertThat(ProfileReader.detect(Files.readAllBytes(f))).isEmpty();
        assertThatThrownBy(() -> ProfileReader.read(f, ProfileReader.Options.DEFAULT)).hasMessageStartingWith("notes.txt line 1: not a profile");
    }

    @Test
    void speedscopeRoundTripKeepsEveryStack() throws IOException {
        Path perf = Corpus.folder("profiles/perf-script/flamegraph").resolve("perf-java-stacks-02.txt");
        Profile p = ProfileReader.read(perf, ProfileReader.Options.DEFAULT);
        Path out = dir.resolve("p.speedscope.json");
        try (OutputStream o = Files.newOutputStream(out)) {
            SpeedscopeJson.write(p, o);
        }
        Profile back = ProfileReader.read(out, ProfileReader.Options.DEFAULT);
        assertThat(back.format()).isEqualTo(ProfileFormat.SPEEDSCOPE);
        assertThat(back.trie().folded()).isEqualTo(p.trie().folded());
    }

    @Test
    void speedscopeEventedProfilesBecomeDurations() throws IOException {
        Path f = dir.resolve("evented.json");
        Files.writeString(f, """
                {"$schema":"https://www.speedscope.app/file-format-schema.json",
                 "shared":{"frames":[{"name":"main"},{"name":"work"}]},
                 "profiles":[{"type":"evented","name":"t","unit":"milliseconds","startValue":0,"endValue":10,
                   "events":[{"type":"O","frame":0,"at":0},{"type":"O","frame":1,"at":2},{"type":"C","frame":1,"at":7},
                             {"type":"C","frame":0,"at":10}]}]}
                """);
        Profile p = ProfileReader.read(f, ProfileReader.Options.DEFAULT);
        assertThat(p.trie().folded()).containsExactly("main 5", "main;work 5");
        Files.writeString(f, "{\"$schema\":\"https://www.speedscope.app/file-format-schema.json\",\n \"shared\": [}");
        assertThatThrownBy(() -> ProfileReader.read(f, ProfileReader.Options.DEFAULT)).hasMessageContaining("evented.json line 2 column");
    }

    @Test
    void jfrOffersAllocationAndLockTypes() throws IOException {
        Path jfr = Corpus.folder("profiles/jfr").resolve("jfr-parser-async-profiler.jfr.gz");
        Profile alloc = ProfileReader.read(jfr, new ProfileReader.Options("alloc", null));
        assertThat(alloc.unit()).isEqualTo("bytes");
        assertThat(alloc.total()).isPositive();
        Profile wall = ProfileReader.read(jfr, new ProfileReader.Options("wall", null));
        assertThat(wall.total()).isGreaterThan(ProfileReader.read(jfr, ProfileReader.Options.DEFAULT).total());
        Profile lock = ProfileReader.read(Corpus.folder("profiles/jfr").resolve("speedscope-heavy.jfr"), new ProfileReader.Options("lock", null));
        assertThat(lock.sampleType()).isEqualTo("lock");
    }

    @Test
    void jfrStacksCanBeSplitByThread() throws IOException {
        Path jfr = Corpus.folder("profiles/jfr").resolve("jfr-parser-cortex-dev-01__kafka-0__cpu__0.jfr.gz");
        List<String> names = splitRootsKeepingTheTotal(jfr);
        assertThat(names.size()).isGreaterThan(1);
        assertThat(names).allSatisfy(n -> assertThat(n).startsWith("thread ")).contains("thread data-plane-kafka-request-handler-7");
    }

    /** Reads a profile merged and split by thread, checks both have the same total, returns the split one's roots. */
    static List<String> splitRootsKeepingTheTotal(Path file) throws IOException {
        Profile merged = ProfileReader.read(file, ProfileReader.Options.DEFAULT);
        Profile split = ProfileReader.read(file, new ProfileReader.Options(null, null, true));
        assertThat(split.total()).isEqualTo(merged.total());
        var t = split.trie();
        return java.util.Arrays.stream(t.children(dev.triage.plugin.flame.domain.StackTrie.ROOT)).mapToObj(t::name).toList();
    }

    @Test
    void jfrAndPerfProfilesCarryATimelineThatAddsUpToTheGraph() throws IOException {
        Path jfr = Corpus.folder("profiles/jfr").resolve("jfr-parser-cortex-dev-01__kafka-0__cpu__0.jfr.gz");
        Profile p = ProfileReader.read(jfr, ProfileReader.Options.DEFAULT);
        assertThat(p.timeline()).isNotNull();
        assertThat(p.timeline().size()).isEqualTo(478);
        assertThat(p.timeline().end() - p.timeline().start()).isBetween(1_000_000_000L, 20_000_000_000L);
        assertThat(java.util.Arrays.stream(p.timeline().histogram(10)).sum()).isEqualTo(p.total());
        long mid = (p.timeline().start() + p.timeline().end()) / 2;
        long first = p.timeline().slice(p.trie(), p.timeline().start(), mid).grandTotal();
        long second = p.timeline().slice(p.trie(), mid + 1, p.timeline().end()).grandTotal();
        assertThat(first + second).isEqualTo(p.total());
        assertThat(first).isPositive();
        Path perf = Corpus.folder("profiles/perf-script/flamegraph").resolve("perf-dd-stacks-01.txt");
        Profile q = ProfileReader.read(perf, ProfileReader.Options.DEFAULT);
        assertThat(q.timeline()).isNotNull();
        assertThat(q.timeline().slice(q.trie(), q.timeline().start(), q.timeline().end()).folded()).isEqualTo(q.trie().folded());
        assertThat(ProfileReader.read(Corpus.folder("profiles/folded/speedscope").resolve("simple.txt"),
                ProfileReader.Options.DEFAULT).timeline()).isNull();
    }

    @Test
    void aServerLogWhoseLinesEndInNumbersIsNotAFoldedProfile() {
        String log = """
                2026-11-23  8:44:24 0 [Note] Starting MariaDB 10.11.19-MariaDB-0+deb12u1-log source revision 5843d84 as process 31881
                2026-11-23  8:44:24 0 [Note] InnoDB: Compressed tables use zlib 1.2.13
                2026-11-23  8:44:24 0 [Note] InnoDB: Number of transaction pools: 1
                2026-11-23  8:44:25 0 [Note] Server socket created on IP: '127.0.0.1', port: 3306
                """;
        assertThat(ProfileReader.detect(log.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
        String folded = "# collapsed by async-profiler\nmain;run;work 120\nmain;gc 7\n\nmain;run;sleep 3\nmain;ru";
        assertThat(ProfileReader.detect(folded.getBytes(java.nio.charset.StandardCharsets.UTF_8))).contains(ProfileFormat.FOLDED);
    }

    @Test
    void legacyPprofFilesAreRefusedWithTheCommandThatConvertsThem() throws IOException {
        Path folder = Corpus.folder("profiles/pprof-legacy");
        for (String name : List.of("cppbench.heap", "gobench.cpu", "java.cpu")) {
            assertThatThrownBy(() -> ProfileReader.read(folder.resolve(name), ProfileReader.Options.DEFAULT)).as(name)
                    .hasMessage(name + " line 1: not a profile Triage reads (folded stacks, perf script, pprof, JFR or speedscope JSON);"
                            + " it is a legacy pprof profile: convert it with 'go tool pprof -proto " + name + " > " + name
                            + ".pb.gz' and open that");
        }
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "Dear diary,\n");
        assertThatThrownBy(() -> ProfileReader.read(notes, ProfileReader.Options.DEFAULT)).message().doesNotContain("legacy");
    }
}
