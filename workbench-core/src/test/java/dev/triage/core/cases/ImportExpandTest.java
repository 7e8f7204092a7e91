package dev.triage.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.imports.ImportService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportExpandTest {

    @TempDir
    Path dir;

    @Test
    void foldersBecomeTheirFilesWithoutHiddenOnes() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs/node1"));
        Files.writeString(logs.resolve("error.log"), "x");
        Files.writeString(logs.resolve(".DS_Store"), "x");
        Files.createDirectories(dir.resolve("logs/.git"));
        Files.writeString(dir.resolve("logs/.git/config"), "x");
        Path single = Files.writeString(dir.resolve("slow.log"), "x");
        assertThat(ImportService.expand(List.of(dir.resolve("logs"), single)))
                .containsExactly(logs.resolve("error.log"), single);
        assertThatThrownBy(() -> ImportService.expand(List.of(dir.resolve("nope.log")))).hasMessageContaining("nope.log");
    }
}
