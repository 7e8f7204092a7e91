package dev.triage.plugin.slowlog.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class LineSourceTest {

    @Test
    void aGzipBombStopsAtTheGuardWithAReasonInsteadOfInflatingEverything() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            byte[] line = "SELECT 1;\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i < 3_000_000; i++) {
                gz.write(line);
            }
        }
        long lines = 0;
        try (LineSource src = LineSource.of(new ByteArrayInputStream(bytes.toByteArray()), 1 << 20, 100, 1 << 20)) {
            while (src.next() != null) {
                lines++;
            }
            assertThat(src.brokenInput()).startsWith("compressed data inflates to more than 100 times its size (a gzip bomb?)");
        }
        assertThat(lines).isGreaterThan(0).isLessThan(3_000_000);
    }

    @Test
    void anOrdinaryGzipFileIsReadToTheEnd() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 10_000; i++) {
                gz.write(("SELECT " + i + " FROM t" + (i % 7) + ";\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        long lines = 0;
        try (LineSource src = LineSource.of(new ByteArrayInputStream(bytes.toByteArray()), 1 << 20)) {
            while (src.next() != null) {
                lines++;
            }
            assertThat(src.brokenInput()).isNull();
        }
        assertThat(lines).isEqualTo(10_000);
    }
}
