package dev.triage.plugin.slowlog.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.ui.DockArea;
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
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SlowLogViewTest {

    @RegisterExtension
    final KernelExtension triage = new KernelExtension();

    @Test
    void showsTheClassesAfterAnImportAndUnsubscribesWhenDisposed() throws Exception {
        ViewContribution contribution = triage.kernel().services().findAll(ViewContribution.class).stream()
                .filter(v -> v.id().equals("slowlog.view")).findFirst().orElseThrow();
        assertThat(contribution.area()).isEqualTo(DockArea.CENTER);
        assertThat(contribution.icon()).startsWith("mdi2");
        View view = JavaFxToolkit.call(() -> contribution.factory().get());
        Parent root = (Parent) view.node();
        JavaFxToolkit.call(() -> {
            new Scene(root, 1200, 800);
            root.applyCss();
            root.layout();
            return null;
        });
        assertThat(root.getStyleClass()).contains(SlowLogView.STYLE_CLASS);
        assertThat(root.getStylesheets()).singleElement().satisfies(s -> assertThat(s).endsWith("slowlog.css"));
        @SuppressWarnings("unchecked")
        TableView<Object> table = JavaFxToolkit.call(() -> (TableView<Object>) root.lookup(".table-view"));
        assertThat(JavaFxToolkit.call(() -> ((Label) root.lookup(".empty-state")).getText())).isEqualTo("No case open");
        assertThat(table.getColumns()).hasSize(10);

        CountDownLatch shown = new CountDownLatch(1);
        JavaFxToolkit.call(() -> {
            table.getItems().addListener((ListChangeListener<Object>) ch -> {
                if (!table.getItems().isEmpty()) {
                    shown.countDown();
                }
            });
            return null;
        });
        Case c = triage.kernel().cases().create(triage.home().resolve("case"), "demo");
        Path log = Files.writeString(triage.home().resolve("slow.log"), SlowLogViewModelTest.LOG);
        triage.kernel().imports().importFiles(c, List.of(log)).result().get(30, TimeUnit.SECONDS);
        assertThat(shown.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(JavaFxToolkit.call(() -> table.getItems().size())).isEqualTo(2);

        String sample = JavaFxToolkit.call(() -> {
            table.getSelectionModel().select(0);
            return ((CodeArea) root.lookup(".sample")).getText();
        });
        assertThat(sample).isEqualTo("SELECT * FROM orders WHERE customer_id = 17");
        long bars = JavaFxToolkit.call(() -> {
            @SuppressWarnings("unchecked")
            var chart = (javafx.scene.chart.BarChart<String, Number>) root.lookup(".histogram");
            return chart.getData().get(0).getData().stream().mapToLong(d -> d.getYValue().longValue()).sum();
        });
        assertThat(bars).as("histogram bars add up to the class's executions").isEqualTo(2);
        boolean editorOff = JavaFxToolkit.call(() -> root.lookupAll(".button").stream()
                .filter(n -> n instanceof javafx.scene.control.Button b && b.getText().equals("Open in SQL editor"))
                .allMatch(javafx.scene.Node::isDisabled));
        assertThat(editorOff).as("no SQL editor plugin in this kernel").isTrue();
        JavaFxToolkit.call(() -> {
            view.dispose();
            return null;
        });
    }
}
