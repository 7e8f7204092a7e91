package dev.triage.plugin.flame.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.View;
import dev.triage.core.ui.ViewContribution;
import dev.triage.plugin.flame.domain.FlameLayout;
import dev.triage.plugin.flame.domain.FunctionStat;
import dev.triage.plugin.flame.domain.Palette;
import dev.triage.plugin.flame.domain.StackTrie;
import dev.triage.testkit.JavaFxToolkit;
import dev.triage.testkit.KernelExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FlameViewTest {

    @RegisterExtension
    final KernelExtension triage = new KernelExtension();

    static final String BEFORE = "main;handle;parse 30\nmain;handle;query;net.read 50\nmain;gc 20\n";
    static final String AFTER = "main;handle;parse 30\nmain;handle;query;net.read 20\nmain;handle;query;lock.wait 130\nmain;gc 20\n";

    @Test
    void showsTheCaseProfileZoomsSearchesHighlightsAndSwitchesModes() throws Exception {
        ViewContribution contribution = triage.kernel().services().findAll(ViewContribution.class).stream()
                .filter(v -> v.id().equals("flame.view")).findFirst().orElseThrow();
        assertThat(contribution.area()).isEqualTo(DockArea.CENTER);
        Case c = triage.kernel().cases().create(triage.home().resolve("case"), "demo");
        Path before = Files.writeString(triage.home().resolve("before.folded"), BEFORE);
        Path after = Files.writeString(triage.home().resolve("after.folded"), AFTER);
        triage.kernel().imports().importFiles(c, List.of(before)).result().get(30, TimeUnit.SECONDS);
        triage.kernel().imports().importFiles(c, List.of(after)).result().get(30, TimeUnit.SECONDS);

        View view = JavaFxToolkit.call(() -> contribution.factory().get());
        FlameView flame = (FlameView) view;
        Parent root = (Parent) view.node();
        JavaFxToolkit.call(() -> {
            new Scene(root, 1200, 700);
            root.applyCss();
            root.layout();
            return null;
        });
        assertThat(root.getStyleClass()).contains(FlameView.STYLE_CLASS);
        // the view lists the case's profiles and shows the newest
        waitUntil(() -> flame.table().getItems().size() == 7);
        assertThat(JavaFxToolkit.call(() -> flame.profileBox().getItems().size())).isEqualTo(2);
        JavaFxToolkit.call(() -> {
            root.layout();
            return null;
        });
        FlameCanvas graph = flame.graph();
        StackTrie t = graph.trie();
        assertThat(t.grandTotal()).isEqualTo(200);

        // flame: root row at the bottom; every painted box is at least half a pixel wide
        List<FlameLayout.Box> boxes = JavaFxToolkit.call(graph::boxes);
        assertThat(boxes).isNotEmpty().allSatisfy(b -> assertThat(b.width()).isGreaterThanOrEqualTo(0.5));
        FlameLayout.Box rootBox = boxes.stream().filter(b -> b.node() == StackTrie.ROOT).findFirst().orElseThrow();
        double rootY = JavaFxToolkit.call(() -> graph.rowY(0));
        assertThat(rootY).isEqualTo(graph.getHeight() - FlameCanvas.ROW);
        assertThat(rootBox.width()).isEqualTo(graph.getWidth());

        // hover text: name, self, total, % of all, % of parent
        int query = node(t, "main", "handle", "query");
        assertThat(JavaFxToolkit.call(() -> graph.describe(query))).isEqualTo(
                "query\nself 0 (0.00%)\ntotal 150 (75.00% of all, 83.33% of parent)");

        // click zooms: the clicked frame fills the width, breadcrumb shows the path, reset zooms out
        FlameLayout.Box queryBox = boxes.stream().filter(b -> b.node() == query).findFirst().orElseThrow();
        JavaFxToolkit.call(() -> {
            int hit = graph.nodeAt(queryBox.x() + queryBox.width() / 2, graph.rowY(queryBox.level()) + 5);
            graph.zoomTo(hit);
            return null;
        });
        assertThat(graph.zoom()).isEqualTo(query);
        assertThat(JavaFxToolkit.call(() -> flame.breadcrumb().getChildren().stream().map(n -> ((Hyperlink) n).getText()).toList()))
                .containsExactly("all", "main", "handle", "query");
        assertThat(JavaFxToolkit.call(graph::boxes)).filteredOn(b -> b.node() == query).singleElement()
                .satisfies(b -> assertThat(b.width()).isEqualTo(graph.getWidth()));
        JavaFxToolkit.call(() -> {
            ((Hyperlink) flame.breadcrumb().getChildren().get(0)).fire();
            return null;
        });
        assertThat(graph.zoom()).isEqualTo(StackTrie.ROOT);

        // regex search highlights and reports the matched share
        JavaFxToolkit.call(() -> {
            flame.search().setText("net\\.|lock");
            return null;
        });
        assertThat(JavaFxToolkit.call(() -> flame.matched().getText())).isEqualTo("matched 75.00% of samples");
        JavaFxToolkit.call(() -> {
            flame.search().setText("([");
            return null;
        });
        assertThat(JavaFxToolkit.call(() -> flame.matched().getText())).startsWith("Invalid regex");

        // sorting by a column picks the top rows of the function table in that order
        List<Long> totals = JavaFxToolkit.call(() -> {
            var totalColumn = flame.table().getColumns().get(2);
            totalColumn.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            flame.table().getSortOrder().setAll(List.of(totalColumn));
            return flame.table().getItems().stream().map(FunctionStat::total).toList();
        });
        assertThat(totals).hasSize(7).isSorted();
        // the table sorts and filters; selecting a row outlines its frames
        JavaFxToolkit.call(() -> {
            flame.filter().setText("LOCK");
            return null;
        });
        assertThat(JavaFxToolkit.call(() -> flame.table().getItems().stream().map(FunctionStat::name).toList()))
                .containsExactly("lock.wait");
        JavaFxToolkit.call(() -> {
            flame.table().getSelectionModel().select(0);
            return null;
        });

        // icicle puts the root row on top; sandwich shows callers and callees of the selected function
        JavaFxToolkit.call(() -> {
            flame.setMode(FlameView.Mode.ICICLE);
            return null;
        });
        assertThat(JavaFxToolkit.call(() -> graph.rowY(0))).isZero();
        // a profile without time stamps has no time order: the merged graph stays, and the view says why
        assertThat(JavaFxToolkit.call(() -> {
            flame.setMode(FlameView.Mode.TIME);
            return graph.chart();
        })).isFalse();
        JavaFxToolkit.call(() -> {
            flame.setMode(FlameView.Mode.SANDWICH);
            root.layout();
            return null;
        });
        assertThat(flame.callers().trie().folded()).containsExactly("lock.wait;query;handle;main 130");
        assertThat(flame.callees().trie().folded()).containsExactly("lock.wait 130");

        // colouring by package and the differential mode against the other profile
        JavaFxToolkit.call(() -> {
            flame.colorBox().setValue(Palette.Mode.PACKAGE);
            flame.showBaseline(load(before));
            flame.setMode(FlameView.Mode.DIFF);
            root.layout();
            return null;
        });
        assertThat(JavaFxToolkit.call(graph::boxes)).isNotEmpty();
        JavaFxToolkit.call(() -> {
            view.dispose();
            return null;
        });
    }

    private static dev.triage.plugin.flame.domain.Profile load(Path p) {
        try {
            return new dev.triage.plugin.flame.infrastructure.FileProfileLoader().load(p, null, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int node(StackTrie t, String... names) {
        int n = StackTrie.ROOT;
        for (String s : names) {
            n = t.findChild(n, t.frames().find(s));
        }
        return n;
    }

    private static void waitUntil(java.util.function.Supplier<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (JavaFxToolkit.call(condition::get)) {
                return;
            }
            CountDownLatch tick = new CountDownLatch(1);
            tick.await(50, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("condition not met in 30 s");
    }

    @Test
    void theTimeRangeBrushCutsTheGraphToTheSamplesInTheRange() throws Exception {
        Path jfr = dev.triage.plugin.flame.infrastructure.Corpus.folder("profiles/jfr")
                .resolve("jfr-parser-cortex-dev-01__kafka-0__cpu__0.jfr.gz");
        dev.triage.plugin.flame.domain.Profile p = load(jfr);
        ViewContribution contribution = triage.kernel().services().findAll(ViewContribution.class).stream()
                .filter(v -> v.id().equals("flame.view")).findFirst().orElseThrow();
        FlameView flame = (FlameView) JavaFxToolkit.call(() -> contribution.factory().get());
        Parent root = (Parent) flame.node();
        JavaFxToolkit.call(() -> {
            new Scene(root, 1200, 700);
            flame.show(p);
            root.applyCss();
            root.layout();
            return null;
        });
        assertThat(JavaFxToolkit.call(() -> flame.timelineBar().isVisible())).isTrue();
        long half = JavaFxToolkit.call(() -> {
            flame.timelineBar().select(0, 0.5);
            return flame.graph().trie().grandTotal();
        });
        long mid = p.timeline().start() + Math.round(0.5 * (p.timeline().end() - p.timeline().start()));
        assertThat(half).isEqualTo(p.timeline().slice(p.trie(), p.timeline().start(), mid).grandTotal()).isLessThan(p.total());
        // the time-ordered view (flame chart) draws the same range's samples in time order over the whole trie
        List<dev.triage.plugin.flame.domain.FlameLayout.Box> chart = JavaFxToolkit.call(() -> {
            flame.setMode(FlameView.Mode.TIME);
            root.layout();
            assertThat(flame.graph().chart()).isTrue();
            assertThat(flame.graph().trie()).isSameAs(p.trie());
            return flame.graph().boxes();
        });
        double width = JavaFxToolkit.call(() -> flame.graph().getWidth());
        assertThat(chart).isNotEmpty().allSatisfy(b -> assertThat(b.x() + b.width()).isLessThanOrEqualTo(width + 1e-6));
        assertThat(chart.stream().filter(b -> b.level() == 0).mapToDouble(dev.triage.plugin.flame.domain.FlameLayout.Box::width)
                .sum()).isCloseTo(width, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(chart.stream().filter(b -> b.level() == 1).count()).isGreaterThan(1);
        long merged = JavaFxToolkit.call(() -> {
            flame.setMode(FlameView.Mode.FLAME);
            return flame.graph().chart() ? -1 : flame.graph().trie().grandTotal();
        });
        assertThat(merged).isEqualTo(half);
        long all = JavaFxToolkit.call(() -> {
            flame.timelineBar().clear();
            long total = flame.graph().trie().grandTotal();
            flame.dispose();
            return total;
        });
        assertThat(all).isEqualTo(p.total());
    }
}
