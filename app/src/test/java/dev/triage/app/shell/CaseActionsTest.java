package dev.triage.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.app.shell.notify.Note;
import dev.triage.core.cases.Case;
import dev.triage.core.cases.ImportSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

class CaseActionsTest extends ShellTestBase {


    private List<Note> notes() throws Exception {
        return f.fx(() -> List.copyOf(f.shell.notifications().notes()));
    }

    @Test
    void aNoticeAPluginPublishesShowsInTheNotificationArea() throws Exception {
        f.kernel.events().publish(new dev.triage.core.event.UserNotice(dev.triage.core.event.UserNotice.Level.WARNING,
                "[FIRING:1] busy (target=db-1)"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> notes().stream()
                .anyMatch(n -> n.level() == Note.Level.WARNING && n.text().equals("[FIRING:1] busy (target=db-1)")));
    }

    @Test
    void newCaseAsksNameAndPlaceThenOpensIt() throws Exception {
        f.dialogs.texts.add("incident 42");
        f.dialogs.folders.add(tmp);
        f.fx(() -> {
            f.shell.caseActions().newCase();
            return null;
        });

        assertThat(f.kernel.cases().current().map(Case::folder)).contains(tmp.resolve("incident 42"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> f.fx(() -> f.shell.layouts().currentFile())
                .equals(tmp.resolve("incident 42").resolve("layout.json")));
    }

    @Test
    void droppedFilesAreImportedIntoTheOpenCaseAndSummarised() throws Exception {
        f.kernel.cases().create(tmp.resolve("c"), "c");
        Path log = Files.writeString(tmp.resolve("server.log"), "line 1\nline 2\n");
        f.fx(() -> {
            f.shell.caseActions().importFiles(List.of(log));
            return null;
        });

        ImportSummary summary = f.kernel.cases().current().orElseThrow().imports().get(0);
        assertThat(summary.files()).isEqualTo(1);
        String expected = f.shell.messages().get("import.done", summary.files(), summary.rows(), summary.skipped());
        assertThat(notes()).anyMatch(n -> n.level() == Note.Level.SUCCESS && n.text().equals(expected));
        try (var files = Files.walk(f.kernel.cases().current().orElseThrow().sources())) {
            assertThat(files.filter(p -> p.getFileName().toString().equals("server.log")).toList()).hasSize(1);
        }
    }

    @Test
    void theFileMenuImportsChosenFilesAndExportsTheReportIntoTheCase() throws Exception {
        f.kernel.cases().create(tmp.resolve("c"), "c");
        Path log = Files.writeString(tmp.resolve("server.log"), "line 1\n");
        f.dialogs.files.add(List.of(log));
        f.fx(() -> {
            f.shell.caseActions().chooseFilesToImport();
            return null;
        });
        assertThat(f.kernel.cases().current().orElseThrow().imports()).hasSize(1);

        var export = f.fx(() -> f.shell.caseActions().exportReport());
        var written = export.result().get(30, TimeUnit.SECONDS);
        assertThat(written.markdown()).exists().startsWith(tmp.resolve("c").resolve("reports"));
        assertThat(written.json()).exists();
        assertThat(Files.readString(written.markdown())).contains("server.log");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> notes().stream()
                .anyMatch(n -> n.level() == Note.Level.SUCCESS && n.text().contains(written.markdown().toString())));
    }

    @Test
    void exportingWithoutACaseSaysWhatToDo() throws Exception {
        assertThat(f.fx(() -> f.shell.caseActions().exportReport())).isNull();
        assertThat(notes()).anyMatch(n -> n.level() == Note.Level.WARNING && n.text().equals(f.shell.messages().get("report.noCase")));
    }

    @Test
    void droppingWithNoCaseAndDecliningExplainsWhatToDo() throws Exception {
        Path log = Files.writeString(tmp.resolve("server.log"), "x\n");
        f.dialogs.confirmAnswer = false;
        f.fx(() -> {
            f.shell.caseActions().importFiles(List.of(log));
            return null;
        });

        assertThat(notes()).anyMatch(n -> n.level() == Note.Level.WARNING
                && n.text().equals(f.shell.messages().get("import.noCase")));
    }

    @Test
    void closingTheCaseGoesBackToTheLayoutWithoutACase() throws Exception {
        f.kernel.cases().create(tmp.resolve("c"), "c");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> f.fx(() -> f.shell.layouts().currentFile())
                .equals(tmp.resolve("c").resolve("layout.json")));
        f.fx(() -> f.shell.caseActions().closeCase());

        assertThat(f.kernel.cases().current()).isEmpty();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> f.fx(() -> f.shell.layouts().currentFile())
                .equals(f.kernel.paths().config().resolve("layout.json")));
        assertThat(tmp.resolve("c").resolve("layout.json")).isRegularFile();
    }

    @Test
    void openingAFolderThatIsNotACaseShowsAClearError() throws Exception {
        Path notACase = Files.createDirectories(tmp.resolve("empty"));
        f.fx(() -> {
            f.shell.caseActions().openCase(notACase);
            return null;
        });

        assertThat(notes()).anyMatch(n -> n.level() == Note.Level.ERROR && n.text().contains(notACase.toString()));
        assertThat(f.kernel.cases().current()).isEmpty();
    }
}
