package dev.triage.plugin.logs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.View;
import dev.triage.core.ui.ViewContribution;
import dev.triage.plugin.logs.Fixtures;
import dev.triage.plugin.logs.application.ImportResult;
import dev.triage.plugin.logs.application.SearchResult;
import dev.triage.plugin.logs.application.TimelineRow;
import dev.triage.testkit.JavaFxToolkit;
import dev.triage.testkit.KernelExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import org.fxmisc.richtext.CodeArea;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LogsViewTest {

    @RegisterExtension
    final KernelExtension triage = new KernelExtension();

    @Test
    void showsTheMergedIncidentPagesRowsBrushesSearchesAndDisposes() throws Exception {
        ViewContribution contribution = triage.kernel().services().findAll(ViewContribution.class).stream()
                .filter(v -> v.id().equals("logs.view")).findFirst().orElseThrow();
        assertThat(contribution.area()).isEqualTo(DockArea.CENTER);
        View view = JavaFxToolkit.call(() -> contribution.factory().get());
        LogsView logs = (LogsView) view;
        Parent root = (Parent) view.node();
        Scene scene = JavaFxToolkit.call(() -> {
            Scene s = new Scene(root, 1400, 860);
            s.getStylesheets().add(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
            root.applyCss();
            root.layout();
            return s;
        });
        assertThat(root.getStyleClass()).contains(LogsView.STYLE_CLASS);
        LogsViewModel model = logs.model();
        ViewTests.await(() -> model.statusProperty().get().equals("No case open"));

        Path gen = Fixtures.generated(2);
        Case c = triage.kernel().cases().create(triage.home().resolve("case"), "incident");
        ImportResult r = (ImportResult) triage.kernel().commands().executeText("logs.import", Map.of("paths", gen.toString(), "tz", "UTC"),
                Fixtures.NONE);
        long timed = r.table().stream().mapToLong(f -> f.timedEntries()).sum();
        // The import's case event refreshes the view.
        ViewTests.await(() -> model.rowsProperty().get() != null && model.rowsProperty().get().size() == timed);
        @SuppressWarnings("unchecked")
        ListView<TimelineRow> list = JavaFxToolkit.call(() -> (ListView<TimelineRow>) root.lookup(".timeline"));
        assertThat(JavaFxToolkit.call(() -> list.getItems().size())).isEqualTo((int) timed);
        // Only the pages on screen are fetched, never all rows.
        ViewTests.await(() -> list.getItems().get(0) != null);
        assertThat(JavaFxToolkit.call(() -> model.rowsProperty().get().pagesHeld())).isLessThanOrEqualTo(PagedRows.MAX_PAGES);
        assertThat(model.density()).extracting(b -> b.file()).contains("app-gbk.log", "tidb.log", "syslog");
        ChartViewer chart = JavaFxToolkit.call(() -> (ChartViewer) root.lookup(".density"));
        assertThat(((XYPlot) chart.getChart().getPlot()).getDataset().getSeriesCount()).isEqualTo(7);

        // Brushing the incident minute on the histogram filters the list to it.
        long from = Instant.parse("2026-03-01T10:14:59Z").toEpochMilli() * 1000;
        long to = Instant.parse("2026-03-01T10:16:00Z").toEpochMilli() * 1000;
        JavaFxToolkit.call(() -> model.brush(from, to));
        ViewTests.await(() -> model.rowsProperty().get() != null && model.rowsProperty().get().size() < timed);
        ViewTests.await(() -> list.getItems().get(0) != null);
        long inWindow = JavaFxToolkit.call(() -> (long) list.getItems().size());
        assertThat(inWindow).isPositive();
        TimelineRow first = JavaFxToolkit.call(() -> list.getItems().get(0));
        assertThat(first.micros()).isGreaterThanOrEqualTo(from);

        // Level filter: only the incident's warnings and errors (and noise of those levels) remain; the GBK text shows.
        JavaFxToolkit.call(() -> {
            model.levelProperty().set("WARN");
            return model.refresh();
        });
        ViewTests.await(() -> model.rowsProperty().get() != null && model.rowsProperty().get().size() < inWindow);
        ViewTests.await(() -> {
            var items = list.getItems();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) == null) {
                    return false;
                }
            }
            return true;
        });
        var rows = JavaFxToolkit.call(() -> new java.util.ArrayList<>(list.getItems()));
        assertThat(rows).extracting(TimelineRow::level).allMatch(l -> l.equals("WARN") || l.equals("ERROR"));
        assertThat(rows).anySatisfy(t -> assertThat(t.message()).contains("支付回调超时"));
        int deadlock = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).message().contains("Transactions deadlock detected")) {
                deadlock = i;
            }
        }
        int select = deadlock;
        JavaFxToolkit.call(() -> {
            list.getSelectionModel().select(select);
            list.scrollTo(Math.max(0, select - 8));
            return null;
        });
        ViewTests.await(() -> !model.contextProperty().get().isEmpty());
        CodeArea context = JavaFxToolkit.call(() -> (CodeArea) root.lookup(".entry-context"));
        assertThat(model.statusProperty().get().isEmpty() ? "" : "ok").isEqualTo("ok");
        assertThat(JavaFxToolkit.call(() -> (String) context.getText())).contains("Transactions deadlock detected");

        // Jump to a time.
        JavaFxToolkit.call(() -> {
            model.jumpProperty().set("2026-03-01T10:15:40Z");
            return null;
        });
        long pos = JavaFxToolkit.call(model::jumpToTime).get(30, TimeUnit.SECONDS);
        assertThat(pos).isBetween(0L, (long) rows.size());
        JavaFxToolkit.call(() -> {
            list.getSelectionModel().select(select);
            return null;
        });

        String shot = System.getProperty("logs.screenshot");
        if (shot != null) {
            JavaFxToolkit.call(() -> {
                root.applyCss();
                root.layout();
                return null;
            });
            Thread.sleep(300);
            ViewTests.write(JavaFxToolkit.call(() -> scene.snapshot(null)), Path.of(shot));
        }

        // Search tab: hits with context and highlights.
        JavaFxToolkit.call(() -> {
            model.mustProperty().set("deadlock");
            model.ignoreCaseProperty().set(true);
            model.contextLinesProperty().set("2");
            return null;
        });
        SearchResult hits = JavaFxToolkit.call(model::search).get(30, TimeUnit.SECONDS);
        assertThat(hits.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.highlights()).isNotEmpty());
        assertThat(hits.hits().get(0).before()).hasSize(2);
        ViewTests.await(() -> !model.hits().isEmpty());
        assertThat(model.searchStatusProperty().get()).contains("hits");

        var note = JavaFxToolkit.call(() -> model.bookmark(Integer.toString(hits.hits().get(0).fileId()), hits.hits().get(0).line(), "x"))
                .get(30, TimeUnit.SECONDS);
        assertThat(note.kind()).isEqualTo("bookmark");
        // A view opened later on the case starts from the filters last applied.
        LogsView again = (LogsView) JavaFxToolkit.call(() -> contribution.factory().get());
        ViewTests.await(() -> "WARN".equals(again.model().levelProperty().get()) && again.model().rowsProperty().get() != null);
        assertThat(again.model().sinceProperty().get()).isEqualTo("2026-03-01T10:14:59Z");
        JavaFxToolkit.call(() -> {
            again.dispose();
            view.dispose();
            return null;
        });
        assertThat(c.folder()).exists();
    }
}
