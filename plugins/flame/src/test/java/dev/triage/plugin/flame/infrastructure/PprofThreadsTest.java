package dev.triage.plugin.flame.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedOutputStream;
import dev.triage.plugin.flame.domain.Profile;
import dev.triage.plugin.flame.domain.StackTrie;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** pprof profiles split by their thread or goroutine labels. */
class PprofThreadsTest {

    @Test
    void samplesWithAThreadLabelGetARootFramePerThread() throws IOException {
        byte[] data = profile();
        Profile merged = PprofParser.parse(data, "t.pb", null);
        Profile split = PprofParser.parse(data, "t.pb", null, true);
        assertThat(merged.trie().folded()).containsExactly("main;work 7");
        assertThat(split.total()).isEqualTo(merged.total());
        assertThat(split.trie().folded()).containsExactly("goroutine 42;main;work 2", "main;work 1", "thread worker-1;main;work 4");
    }

    @Test
    void corpusProfileWithLabelsSplitsAndKeepsItsTotal() throws IOException {
        Path file = Corpus.folder("profiles/pprof").resolve("parca-query-profile-with-labels.pb.gz");
        assertThat(ProfileReaderTest.splitRootsKeepingTheTotal(file)).anySatisfy(n -> assertThat(n).matches("(thread|goroutine) .+"));
        Profile merged = ProfileReader.read(file, ProfileReader.Options.DEFAULT);
        assertThat(Arrays.stream(merged.trie().children(StackTrie.ROOT)).mapToObj(merged.trie()::name))
                .noneSatisfy(n -> assertThat(n).matches("(thread|goroutine) .+"));
    }

    /** Writes a profile of three samples of main;work: labelled thread=worker-1 (4), goroutine=42 (numeric, 2), none (1). */
    private static byte[] profile() throws IOException {
        String[] strings = {"", "samples", "count", "main", "work", "thread", "worker-1", "goroutine"};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeByteArray(1, message(m -> {
            m.writeInt64(1, 1);
            m.writeInt64(2, 2);
        }));
        long[][] samples = {{4, 5, 6, -1}, {2, 7, -1, 42}, {1, 0, 0, 0}};
        for (long[] s : samples) {
            out.writeByteArray(2, message(m -> {
                m.writeUInt64(1, 2);
                m.writeUInt64(1, 1);
                m.writeInt64(2, s[0]);
                if (s[1] != 0) {
                    m.writeByteArray(3, message(l -> {
                        l.writeInt64(1, s[1]);
                        if (s[2] > 0) {
                            l.writeInt64(2, s[2]);
                        } else {
                            l.writeInt64(3, s[3]);
                        }
                    }));
                }
            }));
        }
        for (int i = 1; i <= 2; i++) {
            int id = i;
            out.writeByteArray(4, message(m -> {
                m.writeUInt64(1, id);
                m.writeByteArray(4, message(line -> line.writeUInt64(1, id)));
            }));
            out.writeByteArray(5, message(m -> {
                m.writeUInt64(1, id);
                m.writeInt64(2, id + 2);
            }));
        }
        for (String s : strings) {
            out.writeString(6, s);
        }
        out.flush();
        return bytes.toByteArray();
    }

    private interface Body {
        void write(CodedOutputStream m) throws IOException;
    }

    private static byte[] message(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream m = CodedOutputStream.newInstance(bytes);
        body.write(m);
        m.flush();
        return bytes.toByteArray();
    }
}
