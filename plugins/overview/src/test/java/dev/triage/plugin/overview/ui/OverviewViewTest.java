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
        store.append(new Sample("redis", now, true, "6.2.11", Map.of("latency_ms", 5.9, "used_memory", 2.0 * 1024 * 1024,
                "connected_clients", 3.0), ""));

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
            if (cards.getChildren().size() == 3) {
                shown.countDown();
            }
            cards.getChildren().addListener((ListChangeListener<Node>) ch -> {
                if (cards.getChildren().size() == 3) {
                    shown.countDown();
                }
            });
            return null;
        });
        assertThat(shown.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(JavaFxToolkit.call(() -> cards.getChildren().get(0).getStyleClass())).contains("target-card", "state-critical");
            assertThat(JavaFxToolkit.call(() -> cards.getChildren().get(1).getStyleClass())).contains("target-card", "state-ok");
            Node cache = cards.getChildren().get(2);
            assertThat(JavaFxToolkit.call(() -> ((Label) cache.lookup("#metric-latency_ms")).getText())).as("a Redis card").isEqualTo("5.9");
            assertThat(JavaFxToolkit.call(() -> ((Label) cache.lookup("#metric-used_memory")).getText())).isEqualTo("2.0 MiB");
            Node maria = cards.getChildren().get(1);
            assertThat(JavaFxToolkit.call(() -> ((Label) maria.lookup("#metric-qps")).getText())).isEqualTo("140");
            assertThat(JavaFxToolkit.call(() -> ((Label) maria.lookup("#metric-storage_bytes")).getText())).isEqualTo("5.0 MiB");
            assertThat(JavaFxToolkit.call(() -> ((Polyline) maria.lookup(".sparkline")).getPoints().size())).isEqualTo(10);
            assertThat(JavaFxToolkit.call(() -> ((Label) cards.getChildren().get(0).lookup(".down")).getText())).startsWith("DOWN");
            org.jfree.chart.fx.ChartViewer chart = JavaFxToolkit.call(() -> (org.jfree.chart.fx.ChartViewer) root.lookup(".trend-chart"));
            org.jfree.data.time.TimeSeriesCollection series = JavaFxToolkit.call(() ->
                    (org.jfree.data.time.TimeSeriesCollection) chart.getChart().getXYPlot().getDataset());
            assertThat(JavaFxToolkit.call(() -> series.getSeriesCount())).as("every target overlaid").isEqualTo(3);
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

    @Test
    void drawsTheStorageForecastBandAheadOfTheDailySizes() throws Exception {
        ViewContribution contribution = triage.kernel().services().findAll(ViewContribution.class).stream()
                .filter(v -> v.id().equals("overview.view")).findFirst().orElseThrow();
        triage.kernel().cases().create(triage.home().resolve("case"), "overview");
        DuckDbSampleStore store = new DuckDbSampleStore(triage.kernel().cases());
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        double gib = 1024d * 1024 * 1024;
        for (int d = 20; d >= 0; d--) {
            double size = (50 + 2 * (20 - d) + (d % 3)) * gib;
            store.putDaily("maria", today.minusDays(d), "storage_bytes", new dev.triage.plugin.overview.domain.Rollup(size, size, size, size, size, 10));
            store.putDaily("maria", today.minusDays(d), "storage_limit_bytes",
                    new dev.triage.plugin.overview.domain.Rollup(200 * gib, 200 * gib, 200 * gib, 200 * gib, 200 * gib, 10));
        }
        store.append(new Sample("maria", Instant.now(), true, "11.4", Map.of("storage_bytes", 90 * gib, "storage_limit_bytes", 200 * gib), ""));
        View view = JavaFxToolkit.call(() -> contribution.factory().get());
        Parent root = (Parent) view.node();
        try {
            org.jfree.chart.fx.ChartViewer chart = JavaFxToolkit.call(() -> {
                new Scene(root, 1200, 800);
                root.applyCss();
                root.layout();
                @SuppressWarnings("unchecked")
                javafx.scene.control.ComboBox<String> metric = (javafx.scene.control.ComboBox<String>) root.lookup(".trend-metric");
                @SuppressWarnings("unchecked")
                javafx.scene.control.ComboBox<dev.triage.plugin.overview.application.Trends.Range> range =
                        (javafx.scene.control.ComboBox<dev.triage.plugin.overview.application.Trends.Range>) root.lookup(".trend-range");
                metric.setValue("storage_bytes");
                range.setValue(range.getItems().stream().filter(r -> r.daily()).findFirst().orElseThrow());
                return (org.jfree.chart.fx.ChartViewer) root.lookup(".trend-chart");
            });
            org.jfree.data.xy.YIntervalSeriesCollection band = null;
            for (int i = 0; i < 300; i++) {
                band = JavaFxToolkit.call(() -> (org.jfree.data.xy.YIntervalSeriesCollection) chart.getChart().getXYPlot().getDataset(1));
                if (JavaFxToolkit.call(band::getSeriesCount) > 0) {
                    break;
                }
                JavaFxToolkit.call(() -> null);
            }
            org.jfree.data.xy.YIntervalSeriesCollection drawn = band;
            assertThat(JavaFxToolkit.call(drawn::getSeriesCount)).as("one forecast band").isEqualTo(1);
            assertThat(JavaFxToolkit.call(() -> drawn.getSeriesKey(0).toString())).isEqualTo("maria forecast");
            int n = JavaFxToolkit.call(() -> drawn.getItemCount(0));
            assertThat(JavaFxToolkit.call(() -> drawn.getXValue(0, 0))).as("starts today").isEqualTo(today.toEpochDay() * 86_400_000d);
            assertThat(JavaFxToolkit.call(() -> drawn.getEndYValue(0, n - 1) > drawn.getYValue(0, n - 1)
                    && drawn.getStartYValue(0, n - 1) < drawn.getYValue(0, n - 1))).as("the band opens around the line").isTrue();
            assertThat(JavaFxToolkit.call(() -> chart.getChart().getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size()))
                    .as("the limit is marked").isEqualTo(1);
        } finally {
            JavaFxToolkit.call(() -> {
                view.dispose();
                return null;
            });
        }
    }
}
