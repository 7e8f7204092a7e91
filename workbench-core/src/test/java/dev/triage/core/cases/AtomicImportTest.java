package dev.triage.core.cases;

import static dev.triage.core.cases.CaseTest.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.task.DefaultTaskExecutor;
import dev.triage.core.task.TaskHandle;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicImportTest {

    @TempDir
    Path dir;

    static final SchemaMigrations ROWS = SchemaMigrations.of("rows",
            Migration.sql(1, "rows", "CREATE TABLE rows_t (import_id VARCHAR, n INTEGER, text VARCHAR)"));

    private Case newCaseWithOneImport() throws Exception {
        Path src = Files.writeString(dir.resolve("first.log"), "line\n");
        Case c = Case.create(dir.resolve("case"), "case", List.of(ROWS));
        c.importAtomically("first.log", dev.triage.core.task.TaskContext.NONE, s -> {
            s.stage(src);
            ImportKillChild.insertRows(s, 10);
        });
        return c;
    }

    private static List<String> sourceEntries(Case c) throws Exception {
        try (Stream<Path> s = Files.walk(c.sources())) {
            return s.filter(Files::isRegularFile).map(p -> c.sources().relativize(p).toString()).toList();
        }
    }

    @Test
    void aCommittedImportKeepsRowsAndFiles() throws Exception {
        try (Case c = newCaseWithOneImport()) {
            assertThat(count(c, "SELECT count(*) FROM rows_t")).isEqualTo(10);
            assertThat(c.imports()).singleElement().satisfies(s -> {
                assertThat(s.label()).isEqualTo("first.log");
                assertThat(s.rows()).isEqualTo(10);
                assertThat(s.files()).isEqualTo(1);
            });
            assertThat(sourceEntries(c)).singleElement().asString().endsWith("first.log");
        }
    }

    @Test
    void aFailingImportLeavesTheCaseAsItWas() throws Exception {
        Path second = Files.writeString(dir.resolve("second.log"), "x\n");
        try (Case c = newCaseWithOneImport()) {
            List<String> before = sourceEntries(c);
            assertThatThrownBy(() -> c.importAtomically("second.log", dev.triage.core.task.TaskContext.NONE, s -> {
                s.stage(second);
                ImportKillChild.insertRows(s, 500);
                throw new IllegalArgumentException("second.log line 3: not a slow log");
            })).isInstanceOf(CaseException.class)
                    .hasMessage("Import of second.log failed, nothing was kept: second.log line 3: not a slow log");
            assertThat(count(c, "SELECT count(*) FROM rows_t")).isEqualTo(10);
            assertThat(c.imports()).hasSize(1);
            assertThat(sourceEntries(c)).isEqualTo(before);
        }
    }

    @Test
    void cancellingMidImportLeavesTheCaseAsItWas() throws Exception {
        Path second = Files.writeString(dir.resolve("second.log"), "x\n");
        try (Case c = newCaseWithOneImport(); DefaultTaskExecutor tasks = new DefaultTaskExecutor(1)) {
            CountDownLatch halfway = new CountDownLatch(1);
            TaskHandle<ImportSummary> h = tasks.submit("import", ctx -> c.importAtomically("second.log", ctx, s -> {
                s.stage(second);
                for (int batch = 0; ; batch++) {
                    s.context().checkCancelled();
                    ImportKillChild.insertRows(s, 100);
                    if (batch == 3) {
                        halfway.countDown();
                    }
                }
            }));
            assertThat(halfway.await(30, TimeUnit.SECONDS)).isTrue();
            h.cancel();
            assertThatThrownBy(() -> h.result().get(30, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
            assertThat(count(c, "SELECT count(*) FROM rows_t")).isEqualTo(10);
            assertThat(c.imports()).hasSize(1);
            assertThat(sourceEntries(c)).singleElement().asString().endsWith("first.log");
        }
    }

    @Test
    void theCurrentCaseCannotBeReplacedWhileAnImportRuns() throws Exception {
        var registry = new dev.triage.core.service.DefaultServiceRegistry();
        registry.register(SchemaMigrations.class, ROWS);
        var bus = new dev.triage.core.event.DefaultEventBus(Runnable::run);
        try (CaseService cases = new CaseService(registry, bus, new RecentCases(dir.resolve("recent.txt")));
             DefaultTaskExecutor tasks = new DefaultTaskExecutor(1)) {
            Case c = cases.create(dir.resolve("case"), "case");
            Path src = Files.writeString(dir.resolve("slow.log"), "x\n");
            CountDownLatch staged = new CountDownLatch(1);
            CountDownLatch go = new CountDownLatch(1);
            TaskHandle<ImportSummary> h = tasks.submit("import", ctx -> c.importAtomically("slow.log", ctx, s -> {
                s.stage(src);
                staged.countDown();
                go.await();
            }));
            assertThat(staged.await(30, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> cases.open(dir.resolve("case"))).hasMessageContaining("is still running");
            go.countDown();
            assertThat(h.result().get(30, TimeUnit.SECONDS).files()).isEqualTo(1);
            assertThat(sourceEntries(c)).singleElement().asString().endsWith("slow.log");
            assertThat(cases.open(dir.resolve("case")).imports()).hasSize(1);
        }
    }

    @Test
    void anImportWhoseStagedFilesVanishDoesNotCommit() throws Exception {
        Path src = Files.writeString(dir.resolve("slow.log"), "x\n");
        try (Case c = newCaseWithOneImport()) {
            assertThatThrownBy(() -> c.importAtomically("slow.log", dev.triage.core.task.TaskContext.NONE, s -> {
                Path copy = s.stage(src);
                ImportKillChild.insertRows(s, 5);
                try (Stream<Path> w = Files.walk(copy.getParent().getParent())) {
                    w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            })).hasMessageContaining("were removed while the import ran");
            assertThat(count(c, "SELECT count(*) FROM rows_t")).isEqualTo(10);
        }
    }

    @Test
    void anImporterCannotCommitOrCloseTheImportTransaction() throws Exception {
        try (Case c = newCaseWithOneImport()) {
            assertThatThrownBy(() -> c.importAtomically("sneaky", dev.triage.core.task.TaskContext.NONE, s -> {
                ImportKillChild.insertRows(s, 10);
                s.connection().commit();
            })).hasMessageContaining("commit() is not allowed in an import");
            assertThat(count(c, "SELECT count(*) FROM rows_t")).isEqualTo(10);
        }
    }

    @Test
    void killingTheProcessMidImportLeavesTheCaseAsItWasOnReopen() throws Exception {
        newCaseWithOneImport().close();
        Path big = Files.writeString(dir.resolve("big.log"), "x\n".repeat(1000));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ImportKillChild.class.getName(), dir.resolve("case").toString(), big.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals(ImportKillChild.HALFWAY)) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("child output: " + seen).isEqualTo(ImportKillChild.HALFWAY);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (Case c = Case.open(dir.resolve("case"), List.of(ROWS))) {
            assertThat(count(c, "SELECT count(*) FROM rows_t")).isEqualTo(10);
            assertThat(c.imports()).hasSize(1);
            assertThat(sourceEntries(c)).singleElement().asString().endsWith("first.log");
        }
    }
}
