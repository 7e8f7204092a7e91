package dev.triage.core.cases;

import static dev.triage.core.cases.CaseTest.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports into a case on a 24 MB file system until it is full: the failing import gives a clear error and leaves
 * nothing behind, and the case reopens with every earlier import whole. Needs root (it mounts a tmpfs); skips otherwise.
 */
class DiskFullTest {

    @TempDir
    Path dir;
    Path mount;

    private static boolean run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void aFullDiskFailsTheImportClearlyAndKeepsWhatWasImported() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "a Linux tmpfs is needed");
        Path m = Files.createDirectories(dir.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", m.toString()),
                "mounting a 24 MB tmpfs needs root (CAP_SYS_ADMIN); not available here");
        mount = m;
        Path big = Files.write(dir.resolve("big.log"), new byte[3 * 1024 * 1024]);
        int whole = 0;
        CaseException failure = null;
        try (Case c = Case.create(m.resolve("case"), "full", List.of(AtomicImportTest.ROWS))) {
            for (int n = 0; n < 50 && failure == null; n++) {
                try {
                    c.importAtomically("big-" + n + ".log", dev.triage.core.task.TaskContext.NONE, s -> {
                        s.stage(big);
                        try (DuckDBAppender app = s.appender("rows_t")) {
                            for (int i = 0; i < 50_000; i++) {
                                app.beginRow();
                                app.append(s.importId());
                                app.append(i);
                                app.append("a row that takes some room in the database " + i);
                                app.endRow();
                            }
                        }
                        s.addRows(50_000);
                    });
                    whole++;
                } catch (CaseException e) {
                    failure = e;
                }
            }
            assertThat(failure).as("the 24 MB file system filled up").isNotNull();
            assertThat(failure.getMessage()).startsWith("Import of big-" + whole + ".log failed, nothing was kept: ")
                    .containsIgnoringCase("space");
            assertThat(whole).isPositive();
        }
        try (Case c = Case.open(m.resolve("case"), List.of(AtomicImportTest.ROWS))) {
            assertThat(c.imports()).hasSize(whole);
            assertThat(count(c, "SELECT count(*) FROM rows_t")).isEqualTo(whole * 50_000L);
            try (var staged = Files.list(c.sources())) {
                assertThat(staged.filter(Files::isDirectory).count()).isEqualTo(whole);
            }
        }
        assertThatThrownBy(() -> Files.write(m.resolve("probe"), new byte[30 * 1024 * 1024])).as("the mount is really small")
                .isInstanceOf(java.io.IOException.class);
    }
}
