package dev.triage.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class CountingInputStreamTest {

    @Test
    void countsBytesReadOneByOneInBlocksAndSkipped() throws IOException {
        try (CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(new byte[100]))) {
            in.read();
            assertThat(in.read(new byte[30], 0, 30)).isEqualTo(30);
            assertThat(in.skip(19)).isEqualTo(19);
            assertThat(in.count()).isEqualTo(50);
            in.readAllBytes();
            assertThat(in.count()).isEqualTo(100);
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.count()).isEqualTo(100);
        }
    }
}
