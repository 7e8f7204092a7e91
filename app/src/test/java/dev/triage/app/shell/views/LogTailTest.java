package dev.triage.app.shell.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path tmp;

    private static final List<String> LINES = List.of(
            "2026-01-01 10:00:00.000 INFO  [main] a.B - started",
            "2026-01-01 10:00:01.000 WARN  [main] a.B - slow",
            "2026-01-01 10:00:02.000 ERROR [main] a.B - broke",
            "java.lang.IllegalStateException: boom",
            "\tat a.B.c(B.java:1)",
            "2026-01-01 10:00:03.000 DEBUG [main] a.B - detail");

    @Test
    void keepsTheLastLines() throws Exception {
        Path f = Files.write(tmp.resolve("triage.log"), LINES);

        assertThat(LogTail.read(f, 2)).containsExactly(LINES.get(4), LINES.get(5));
    }

    @Test
    void aMissingFileIsEmpty() throws Exception {
        assertThat(LogTail.read(tmp.resolve("nope.log"), 10)).isEmpty();
    }

    @Test
    void filtersByLevelAndKeepsStackTracesWithTheirEntry() {
        assertThat(LogTail.filter(LINES, LogTail.Level.ERROR)).containsExactly(LINES.get(2), LINES.get(3), LINES.get(4));
        assertThat(LogTail.filter(LINES, LogTail.Level.WARN)).hasSize(4);
        assertThat(LogTail.filter(LINES, LogTail.Level.INFO)).hasSize(5);
        assertThat(LogTail.filter(LINES, LogTail.Level.ALL)).hasSize(6);
    }
}
