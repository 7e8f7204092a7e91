package dev.triage.plugin.report.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The linter itself must catch what it is there for, or the export tests prove nothing. */
class MarkdownLintTest {

    @TempDir
    Path dir;

    @Test
    void catchesBrokenTablesFencesAndImages() throws Exception {
        Path md = Files.writeString(dir.resolve("r.md"), """
                | a | b |
                | --- | --- |
                | 1 | 2 | 3 |
                | x \\| y | z |

                ![chart](assets/missing.png)
                ![far](../outside.png)

                ```sql
                select 1
                """);
        assertThat(MarkdownLint.lint(md)).hasSize(4)
                .anyMatch(p -> p.startsWith("line 3: table row has 3 cells"))
                .anyMatch(p -> p.contains("assets/missing.png does not exist"))
                .anyMatch(p -> p.contains("../outside.png is not a relative link"))
                .anyMatch(p -> p.contains("never closed"));
        Files.createDirectories(dir.resolve("assets"));
        Files.write(dir.resolve("assets/ok.png"), new byte[] {1});
        Path good = Files.writeString(dir.resolve("g.md"), "| a |\n| --- |\n| `x\\|y` |\n\n![ok](assets/ok.png)\n\n````\n```\n````\n");
        assertThat(MarkdownLint.lint(good)).isEmpty();
    }
}
