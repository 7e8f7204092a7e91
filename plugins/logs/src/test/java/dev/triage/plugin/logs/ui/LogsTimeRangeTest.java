package dev.triage.plugin.logs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.event.TimeRangeSelected;
import dev.triage.plugin.logs.Fixtures;
import dev.triage.testkit.JavaFxToolkit;
import dev.triage.testkit.KernelExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared time cursor: ranges from other views filter the timeline, and brushing its histogram tells them. */
class LogsTimeRangeTest {

    @RegisterExtension
    final KernelExtension triage = new KernelExtension();

    @Test
    void aRangeSelectedElsewhereFiltersTheTimelineAndBrushingTheHistogramPublishesOne() throws Exception {
        // one entry a minute from 10:00 to 10:59 UTC
        List<String> lines = new ArrayList<>();
        for (int m = 0; m < 60; m++) {
            lines.add(String.format("2026-03-01T10:%02d:00.000000Z 0 [Note] [MY-000000] [Server] minute %d", m, m));
        }
        Path dir = Files.createDirectories(triage.home().resolve("logs"));
        Files.write(dir.resolve("mysql-error.log"), lines);
        triage.kernel().cases().create(triage.home().resolve("case"), "range");
        triage.kernel().commands().executeText("logs.import", Map.of("paths", dir.toString()), Fixtures.NONE);

        LogsView view = ViewTests.open(triage, 1200, 800);
        Parent root = (Parent) view.node();
        LogsViewModel model = view.model();
        ViewTests.await(() -> model.rowsProperty().get() != null && model.rowsProperty().get().size() == 60);
        BlockingQueue<TimeRangeSelected> published = new LinkedBlockingQueue<>();
        var subscription = triage.kernel().events().subscribe(TimeRangeSelected.class, published::add);

        // metrics (or the slow-log chart) selects 10:10-10:20: the timeline shows those ten minutes
        triage.kernel().events().publish(new TimeRangeSelected(Instant.parse("2026-03-01T10:10:00Z"),
                Instant.parse("2026-03-01T10:20:00Z"), "metrics.view"));
        ViewTests.await(() -> model.rowsProperty().get() != null && model.rowsProperty().get().size() == 10);
        assertThat(model.sinceProperty().get()).startsWith("2026-03-01T10:10:00");
        assertThat(published.poll(10, TimeUnit.SECONDS)).extracting(TimeRangeSelected::source).isEqualTo("metrics.view");

        // brushing 10:30-10:45 on the histogram (its time axis zooms to the drag) filters the list and publishes the range
        ChartViewer chart = JavaFxToolkit.call(() -> (ChartViewer) root.lookup(".density"));
        long lo = Instant.parse("2026-03-01T10:30:00Z").toEpochMilli();
        long hi = Instant.parse("2026-03-01T10:45:00Z").toEpochMilli();
        JavaFxToolkit.call(() -> {
            ((XYPlot) chart.getChart().getPlot()).getDomainAxis().setRange(lo, hi);
            return null;
        });
        TimeRangeSelected mine = published.poll(10, TimeUnit.SECONDS);
        assertThat(mine).isNotNull();
        assertThat(mine.source()).isEqualTo("logs.view");
        assertThat(mine.from()).isEqualTo(Instant.ofEpochMilli(lo));
        assertThat(mine.to()).isEqualTo(Instant.ofEpochMilli(hi));
        ViewTests.await(() -> model.rowsProperty().get() != null && model.rowsProperty().get().size() == 15);
        subscription.close();
        JavaFxToolkit.call(() -> {
            view.dispose();
            return null;
        });
    }
}
