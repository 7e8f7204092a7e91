package dev.triage.plugin.casefiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.ui.View;
import dev.triage.core.ui.ViewContribution;
import dev.triage.testkit.JavaFxToolkit;
import dev.triage.testkit.KernelExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CaseFilesViewTest {

    @RegisterExtension
    final KernelExtension triage = new KernelExtension();

    @Test
    void showsImportedFilesAndUnsubscribesWhenDisposed() throws Exception {
        var contribution = triage.kernel().services().findAll(ViewContribution.class).stream()
                .filter(v -> v.id().equals("casefiles.view")).findFirst().orElseThrow();
        Case c = triage.kernel().cases().create(triage.home().resolve("case"), "demo");
        View view = JavaFxToolkit.call(() -> contribution.factory().get());
        TableView<?> table = (TableView<?>) view.node();
        assertThat(table.getItems()).isEmpty();
        CountDownLatch shown = new CountDownLatch(1);
        JavaFxToolkit.call(() -> {
            table.getItems().addListener((ListChangeListener<Object>) ch -> {
                if (!table.getItems().isEmpty()) {
                    shown.countDown();
                }
            });
            return null;
        });
        Path log = Files.writeString(triage.home().resolve("redis.log"), "1:M 01 Jan 00:00:00.000 * Ready\n");
        triage.kernel().imports().importFiles(c, List.of(log)).result().get(30, TimeUnit.SECONDS);
        assertThat(shown.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(JavaFxToolkit.call(() -> table.getItems().get(0).toString())).contains("redis.log");
        JavaFxToolkit.call(() -> {
            view.dispose();
            return null;
        });
    }
}
