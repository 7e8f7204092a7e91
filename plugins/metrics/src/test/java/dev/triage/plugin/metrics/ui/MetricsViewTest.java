package dev.triage.plugin.metrics.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.event.TimeRangeSelected;
import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.ViewContribution;
import dev.triage.testkit.JavaFxToolkit;
import dev.triage.testkit.KernelExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.TilePane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MetricsViewTest {

    static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    @RegisterExtension
    final KernelExtension triage = new KernelExtension();

    List<Path> snapshots() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long s = T0.getEpochSecond() + 15L * i;
            files.add(Files.writeString(triage.home().resolve("m-" + s + ".prom"), "# TYPE node_load1 gauge\nnode_load1 "
                    + (1 + (i % 2) * 0.1 + (i >= 30 ? 5 : 0)) + "\n# TYPE node_memory_MemAvailable_bytes gauge\n"
                    + "node_memory_MemAvailable_bytes{instance=\"db1\"} " + (1e9 - i * 1e6) + "\n"
                    + "node_memory_MemAvailable_bytes{instance=\"db2\"} " + (2e9 + i * 1e6) + "\n"));
        }
        return files;
    }

    @Test
    void chartsTheCaseSharesTheTimeCursorBothWaysAndCompletesNames() throws Exception {
        ViewContribution contribution = triage.kernel().services().findAll(ViewContribution.class).stream()
                .filter(v -> v.id().equals("metrics.view")).findFirst().orElseThrow();
        assertThat(contribution.area()).isEqualTo(DockArea.CENTER);
        assertThat(contribution.icon()).startsWith("mdi2");
        var saved = new dev.triage.core.connection.ConnectionTarget("prod-prom", "Prod Prometheus",
                dev.triage.core.connection.ConnectionKind.PROMETHEUS, "10.0.0.9", 9090, null, java.util.Map.of());
        triage.kernel().connections().save(saved, null);
        triage.kernel().connections().save(new dev.triage.core.connection.ConnectionTarget("cache", "Cache",
                dev.triage.core.connection.ConnectionKind.REDIS, "10.0.0.8", 6379, null, java.util.Map.of()), null);
        MetricsView view = (MetricsView) JavaFxToolkit.call(() -> contribution.factory().get());
        assertThat(JavaFxToolkit.call(view::connectionChoices)).as("the URL field, then the saved Prometheus connections only")
                .containsExactly(null, saved);
        var root = view.node();
        JavaFxToolkit.call(() -> {
            new Scene(root, 1200, 800);
            root.applyCss();
            root.layout();
            return null;
        });
        assertThat(root.getStyleClass()).contains(MetricsView.STYLE_CLASS);
        assertThat(root.getStylesheets()).singleElement().satisfies(s -> assertThat(s).endsWith("metrics.css"));
        TilePane grid = JavaFxToolkit.call(() -> (TilePane) root.lookup(".chart-grid"));
        assertThat(JavaFxToolkit.call(() -> ((Label) root.lookup(".empty-state")).getText())).startsWith("No metrics in this case");

        CountDownLatch shown = new CountDownLatch(1);
        JavaFxToolkit.call(() -> {
            grid.getChildren().addListener((ListChangeListener<Node>) ch -> {
                if (grid.getChildren().size() == 2 && grid.getChildren().get(0) instanceof ChartViewer) {
                    shown.countDown();
                }
            });
            return null;
        });
        Case c = triage.kernel().cases().create(triage.home().resolve("case"), "demo");
        triage.kernel().imports().importFiles(c, snapshots()).result().get(60, TimeUnit.SECONDS);
        assertThat(shown.await(30, TimeUnit.SECONDS)).isTrue();
        List<JFreeChart> charts = JavaFxToolkit.call(view::charts);
        assertThat(charts).extracting(ch -> ch.getTitle().getText()).containsExactly("node_load1", "node_memory_MemAvailable_bytes");
        assertThat(charts.get(1).getXYPlot().getDataset().getSeriesCount()).isEqualTo(2);
        assertThat(charts.get(1).getXYPlot().getDataset().getSeriesKey(1)).isEqualTo("instance=db2");
        var marks = charts.get(0).getXYPlot().getDataset(1);
        assertThat(marks.getXValue(0, 0)).as("marks start at the step at 10:07:30").isEqualTo(T0.plusSeconds(450).toEpochMilli());
        assertThat(marks.getItemCount(0)).isBetween(1, 10);
        java.awt.Paint background = charts.get(0).getBackgroundPaint();
        assertThat(background).as("chart painted with the theme's background, not JFreeChart's").isNotEqualTo(java.awt.Color.LIGHT_GRAY);

        // the user zooms one chart: every chart follows and the range goes on the bus for the other views
        LinkedBlockingQueue<TimeRangeSelected> published = new LinkedBlockingQueue<>();
        var subscription = triage.kernel().events().subscribe(TimeRangeSelected.class, e -> {
            if (e.source().equals("metrics.view")) {
                published.add(e);
            }
        });
        Instant from = T0.plusSeconds(120);
        Instant to = T0.plusSeconds(300);
        JavaFxToolkit.call(() -> {
            charts.get(0).getXYPlot().getDomainAxis().setRange(from.toEpochMilli(), to.toEpochMilli());
            return null;
        });
        TimeRangeSelected sent = published.poll(10, TimeUnit.SECONDS);
        assertThat(sent).isEqualTo(new TimeRangeSelected(from, to, "metrics.view"));
        assertThat(JavaFxToolkit.call(() -> charts.get(1).getXYPlot().getDomainAxis().getRange()))
                .isEqualTo(new Range(from.toEpochMilli(), to.toEpochMilli()));

        // another view (the log timeline, the slow-log chart) selects a range: the charts follow and shade it
        Instant otherFrom = T0.plusSeconds(400);
        Instant otherTo = T0.plusSeconds(500);
        triage.kernel().events().publish(new TimeRangeSelected(otherFrom, otherTo, "logs.view"));
        Range expected = new Range(otherFrom.toEpochMilli(), otherTo.toEpochMilli());
        for (int i = 0; i < 100 && !expected.equals(JavaFxToolkit.call(() -> charts.get(1).getXYPlot().getDomainAxis().getRange())); i++) {
            published.poll(100, TimeUnit.MILLISECONDS);
        }
        assertThat(JavaFxToolkit.call(() -> charts.get(1).getXYPlot().getDomainAxis().getRange())).isEqualTo(expected);
        assertThat(JavaFxToolkit.call(() -> charts.get(0).getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND))).hasSize(1);
        assertThat(published.poll(300, TimeUnit.MILLISECONDS)).as("a range from another view is not echoed").isNull();

        // completion offers the case's metric and label names
        TextField promql = JavaFxToolkit.call(() -> (TextField) root.lookup(".promql"));
        List<String> offered = JavaFxToolkit.call(() -> {
            promql.setText("sum(node_mem");
            return view.completion().getItems().stream().map(item -> ((Label) ((javafx.scene.control.CustomMenuItem) item).getContent()).getText()).toList();
        });
        assertThat(offered).containsExactly("node_memory_MemAvailable_bytes");
        assertThat(view.completionNames()).contains("node_load1", "instance");
        String completed = JavaFxToolkit.call(() -> {
            view.completion().getItems().get(0).fire();
            return promql.getText();
        });
        assertThat(completed).isEqualTo("sum(node_memory_MemAvailable_bytes");

        // the PromQL box puts the chart of a selector first
        CountDownLatch first = new CountDownLatch(1);
        JavaFxToolkit.call(() -> {
            grid.getChildren().addListener((ListChangeListener<Node>) ch -> {
                if (!view.charts().isEmpty() && view.charts().get(0).getTitle().getText().startsWith("node_memory_MemAvailable_bytes{")) {
                    first.countDown();
                }
            });
            promql.setText("node_memory_MemAvailable_bytes{instance=\"db1\"}");
            promql.fireEvent(new javafx.event.ActionEvent());
            return null;
        });
        assertThat(first.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(JavaFxToolkit.call(() -> view.charts().get(0).getXYPlot().getDataset().getSeriesCount())).isEqualTo(1);

        subscription.close();
        JavaFxToolkit.call(() -> {
            view.dispose();
            return null;
        });
    }
}
