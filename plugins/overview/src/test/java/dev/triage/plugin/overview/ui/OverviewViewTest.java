package dev.triage.plugin.overview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.View;
import dev.triage.core.ui.ViewContribution;
import dev.triage.plugin.overview.domain.Sample;
import dev.triage.plugin.overview.infrastructure.DuckDbSampleStore;
import dev.triage.testkit.JavaFxToolkit;
import dev.triage.testkit.KernelExtension;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.shape.Polyline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OverviewViewTest {

    @RegisterExtension
    final KernelExtension triage = new KernelExtension();

    @Test
    void showsACardPerTargetWithNumbersSparklinesAndTheDownStateOffTheFxThread() throws Exception {
        ViewContribution contribution = triage.kernel().services().findAll(ViewContribution.class).stream()
                .filter(v -> v.id().equals("overview.view")).findFirst().orElseThrow();
        assertThat(contribution.area()).isEqualTo(DockArea.CENTER);
        triage.kernel().cases().create(triage.home().resolve("case"), "overview");
        DuckDbSampleStore store = new DuckDbSampleStore(triage.kernel().cases());
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            store.append(new Sample("maria", now.minusSeconds(60L * (5 - i)), true, "11.4.5-MariaDB",
                    Map.of("qps", 100.0 + i * 10, "threads_connected", 7.0 + i, "storage_bytes", 5.0 * 1024 * 1024), ""));
        }
        store.append(Sample.down("gone", now, "127.0.0.1:1: Connection refused"));

        View view = JavaFxToolkit.call(() -> contribution.factory().get());
        Parent root = (Parent) view.node();
        FlowPane cards = JavaFxToolkit.call(() -> {
            new Scene(root, 1200, 800);
            root.applyCss();
            root.layout();
            return (FlowPane) root.lookup(".cards");
        });
        CountDownLatch shown = new CountDownLatch(1);
        JavaFxToolkit.call(() -> {
            if (cards.getChildren().size() == 2) {
                shown.countDown();
            }
            cards.getChildren().addListener((ListChangeListener<Node>) ch -> {
                if (cards.getChildren().size() == 2) {
                    shown.countDown();
                }
            });
            return null;
        });
        assertThat(shown.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(JavaFxToolkit.call(() -> cards.getChildren().get(0).getStyleClass())).contains("target-card", "state-critical");
            assertThat(JavaFxToolkit.call(() -> cards.getChildren().get(1).getStyleClass())).contains("target-card", "state-ok");
            Node maria = cards.getChildren().get(1);
            assertThat(JavaFxToolkit.call(() -> ((Label) maria.lookup("#metric-qps")).getText())).isEqualTo("140");
            assertThat(JavaFxToolkit.call(() -> ((Label) maria.lookup("#metric-storage_bytes")).getText())).isEqualTo("5.0 MiB");
            assertThat(JavaFxToolkit.call(() -> ((Polyline) maria.lookup(".sparkline")).getPoints().size())).isEqualTo(10);
            assertThat(JavaFxToolkit.call(() -> ((Label) cards.getChildren().get(0).lookup(".down")).getText())).startsWith("DOWN");
            org.jfree.chart.fx.ChartViewer chart = JavaFxToolkit.call(() -> (org.jfree.chart.fx.ChartViewer) root.lookup(".trend-chart"));
            org.jfree.data.time.TimeSeriesCollection series = JavaFxToolkit.call(() ->
                    (org.jfree.data.time.TimeSeriesCollection) chart.getChart().getXYPlot().getDataset());
            assertThat(JavaFxToolkit.call(() -> series.getSeriesCount())).as("both targets overlaid").isEqualTo(2);
            assertThat(JavaFxToolkit.call(() -> series.getSeries("maria").getItemCount())).isEqualTo(5);
            assertThat(JavaFxToolkit.call(() -> series.getSeries("maria").getDataItem(4).getValue().doubleValue())).isEqualTo(140.0);
        } finally {
            JavaFxToolkit.call(() -> {
                view.dispose();
                return null;
            });
        }
    }

    @Test
    void showsInAppAlertNotificationsAboveTheCards() throws Exception {
        ViewContribution contribution = triage.kernel().services().findAll(ViewContribution.class).stream()
                .filter(v -> v.id().equals("overview.view")).findFirst().orElseThrow();
        triage.kernel().cases().create(triage.home().resolve("case"), "overview");
        View view = JavaFxToolkit.call(() -> contribution.factory().get());
        Parent root = (Parent) view.node();
        javafx.scene.layout.VBox notes = JavaFxToolkit.call(() -> {
            new Scene(root, 1200, 800);
            return (javafx.scene.layout.VBox) root.lookup(".alert-notes");
        });
        CountDownLatch shown = new CountDownLatch(1);
        JavaFxToolkit.call(() -> {
            notes.getChildren().addListener((ListChangeListener<Node>) ch -> shown.countDown());
            return null;
        });
        try {
            Object out = triage.kernel().commands().execute("alerts.notify", null, null);
            assertThat(out.toString()).contains("Configuration: defaults").contains("window (inapp): sent");
            assertThat(shown.await(30, TimeUnit.SECONDS)).as("the note appeared").isTrue();
            assertThat(JavaFxToolkit.call(() -> ((Label) notes.getChildren().get(0)).getText())).contains("[FIRING:1] triage-test")
                    .contains("Test notification from Triage");
            assertThat(JavaFxToolkit.call(() -> notes.getChildren().get(0).getStyleClass())).contains("alert-note", "firing");
        } finally {
            JavaFxToolkit.call(() -> {
                view.dispose();
                return null;
            });
        }
    }
}
