package dev.triage.plugin.flame.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.plugin.flame.domain.Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FoldedParserTest {

    @Test
    void namesInAnyScriptInternOnceAndStayApart() throws Exception {
        String text = "main;é;中文;😀 1\nmain;é;中文;😀 2\nmain;é;中文;😁 4\nmain;e;中;😀 8\n";
        Profile p = FoldedParser.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.folded");
        assertThat(p.trie().folded()).containsExactly("main;e;中;😀 8", "main;é;中文;😀 3", "main;é;中文;😁 4");
        assertThat(p.trie().frames().size()).isEqualTo(1 + 7);
    }

    @Test
    void malformedUtf8BytesInternTheWayTheDecoderReadsThem() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 3; i++) {
            out.write(new byte[] {'a', ';', 'x', (byte) 0xFF, (byte) 0xC3, ';', (byte) 0xE4, (byte) 0xB8, ' ', '1', '\n'});
        }
        Profile p = FoldedParser.parse(new ByteArrayInputStream(out.toByteArray()), "bad.folded");
        assertThat(p.total()).isEqualTo(3);
        assertThat(p.trie().size()).isEqualTo(4);
        assertThat(p.trie().frames().size()).isEqualTo(4);
    }

    @Test
    void manyLinesCrossTheTrieThreadsBatchesInFileOrder() throws Exception {
        StringBuilder sb = new StringBuilder();
        long sum = 0;
        for (int i = 0; i < 50_000; i++) {
            sb.append("root;mid").append(i % 97).append(";leaf").append(i % 1013);
            for (int d = 0; d < i % 7; d++) {
                sb.append(";deep").append(d);
            }
            sb.append(' ').append(i % 5 + 1).append('\n');
            sum += i % 5 + 1;
        }
        sb.append("not a stack\n");
        Profile p = FoldedParser.parse(new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), "big.folded");
        assertThat(p.total()).isEqualTo(sum);
        assertThat(p.skipped()).isEqualTo(1);
        assertThat(p.problems()).singleElement().asString().contains("big.folded line 50001");
        Profile again = FoldedParser.parse(new ByteArrayInputStream(String.join("\n", p.trie().folded()).getBytes(StandardCharsets.UTF_8)),
                "again.folded");
        assertThat(again.trie().folded()).isEqualTo(p.trie().folded());
    }
}
