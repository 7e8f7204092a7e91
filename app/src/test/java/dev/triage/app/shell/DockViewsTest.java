package dev.triage.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.View;
import dev.triage.core.ui.ViewContribution;
import dev.triage.core.plugin.Plugin;
import dev.triage.testkit.TestPlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

class DockViewsTest extends ShellTestBase {

    private final List<CountingView> made = new CopyOnWriteArrayList<>();
    @Override
    Plugin[] extraPlugins() {
        TestPlugin plugin = TestPlugin.of("probe", "1.0").withInit(ctx -> {
            ctx.register(ViewContribution.class,
                    new ViewContribution("probe.view", "Probe", "mdi2i-information-outline", DockArea.RIGHT, () -> {
                        CountingView v = new CountingView(made.size() + 1);
                        made.add(v);
                        return v;
                    }));
            ctx.register(ViewContribution.class, new ViewContribution("probe.broken", "Broken", "", DockArea.CENTER, () -> {
                throw new IllegalStateException("no data source");
            }));
        });
        return new Plugin[] {plugin};
    }

    @Test
    void openingAViewDocksItAsATabInItsArea() throws Exception {
        boolean opened = f.fx(() -> f.shell.dock().open("probe.view"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(opened).isTrue();
        assertThat(made).hasSize(1);
        assertThat(f.fx(() -> f.shell.dock().leafOf("probe.view"))).contains("area.right");
        assertThat(f.fx(() -> made.get(0).node().getScene())).isSameAs(f.shell.scene());
    }

    @Test
    void aPluginAsksTheWindowToShowAViewThroughAnEvent() throws Exception {
        f.kernel.events().publish(new dev.triage.core.ui.ShowView("probe.view"));
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> made.size() == 1);
        assertThat(f.fx(() -> f.shell.dock().leafOf("probe.view"))).contains("area.right");
    }

    @Test
    void anEvidenceLinkOpensTheViewOnceAndRevealsEachItemInIt() throws Exception {
        f.kernel.events().publish(new dev.triage.core.ui.ShowView("probe.view", "class-1"));
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> made.size() == 1 && made.get(0).revealed.size() == 1);
        f.kernel.events().publish(new dev.triage.core.ui.ShowView("probe.view", "class-2"));
        f.kernel.events().publish(new dev.triage.core.ui.ShowView("probe.view"));
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> made.get(0).revealed.size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(made).hasSize(1);
        assertThat(made.get(0).revealed).containsExactly("class-1", "class-2");
    }

    @Test
    void openingAnOpenViewSelectsItInsteadOfMakingAnother() throws Exception {
        f.fx(() -> f.shell.dock().open("probe.view"));
        f.fx(() -> f.shell.dock().open("probe.view"));

        assertThat(made).hasSize(1);
    }

    @Test
    void closingDisposesAndReopeningMakesANewView() throws Exception {
        f.fx(() -> f.shell.dock().open("probe.view"));
        boolean closed = f.fx(() -> f.shell.dock().close("probe.view"));

        assertThat(closed).isTrue();
        assertThat(made.get(0).disposed).isEqualTo(1);
        assertThat(f.fx(() -> f.shell.dock().openIds())).doesNotContain("probe.view");

        f.fx(() -> f.shell.dock().open("probe.view"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(made).hasSize(2);
        assertThat(made.get(1).number).isEqualTo(2);
        assertThat(made.get(1).disposed).isZero();
        assertThat(f.fx(() -> made.get(1).node().getScene())).isSameAs(f.shell.scene());
    }

    @Test
    void closingTheWindowDisposesEveryOpenView() throws Exception {
        f.fx(() -> f.shell.dock().open("probe.view"));
        f.closeWindow();

        assertThat(made.get(0).disposed).isEqualTo(1);
    }

    @Test
    void aViewMovedToItsOwnWindowIsSavedAsFloatingAndDisposedWhenThatWindowCloses() throws Exception {
        f.fx(() -> f.shell.dock().open("probe.view"));
        javafx.stage.Stage window = f.fx(() -> f.shell.dock().undock("probe.view").orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(f.fx(() -> made.get(0).node().getScene())).isSameAs(window.getScene());
        assertThat(f.fx(() -> f.shell.dock().capture().floating())).containsExactly("probe.view");
        assertThat(made.get(0).disposed).isZero();

        f.fx(() -> {
            window.hide();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(made.get(0).disposed).isEqualTo(1);
        assertThat(f.fx(() -> f.shell.dock().openIds())).doesNotContain("probe.view");
    }

    @Test
    void closingTheMainWindowSavesUndockedViewsAsFloating() throws Exception {
        f.fx(() -> f.shell.dock().open("probe.view"));
        f.fx(() -> f.shell.dock().undock("probe.view").orElseThrow());
        f.closeWindow();

        assertThat(made.get(0).disposed).isEqualTo(1);
        assertThat(new dev.triage.app.shell.dock.LayoutStore().load(f.kernel.paths().config().resolve("layout.json"))
                .orElseThrow().floating()).containsExactly("probe.view");
    }

    @Test
    void undockedWindowsUseTheThemeColoursNotBentosOwn() throws Exception {
        f.fx(() -> f.shell.dock().open("probe.view"));
        javafx.stage.Stage window = f.fx(() -> f.shell.dock().undock("probe.view").orElseThrow());
        f.fx(() -> {
            f.shell.themes().switchTo(dev.triage.app.shell.theme.Theme.DARK);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.paint.Paint undocked = f.fx(() -> {
            window.getScene().getRoot().applyCss();
            return ((javafx.scene.layout.Region) window.getScene().getRoot()).getBackground().getFills().get(0).getFill();
        });
        javafx.scene.paint.Paint main = f.fx(() -> ((javafx.scene.layout.Region) f.shell.scene().getRoot())
                .getBackground().getFills().get(0).getFill());
        assertThat(undocked).isEqualTo(main);
    }

    @Test
    void movingAViewToAnotherAreaKeepsTheSameInstance() throws Exception {
        f.fx(() -> f.shell.dock().open("probe.view"));
        f.fx(() -> f.shell.dock().openIn("probe.view", DockArea.LEFT));

        assertThat(made).hasSize(1);
        assertThat(f.fx(() -> f.shell.dock().leafOf("probe.view"))).contains("area.left");
        assertThat(made.get(0).disposed).isZero();
    }

    @Test
    void aViewWhoseFactoryThrowsIsReportedAndTheDockStaysUsable() throws Exception {
        boolean opened = f.fx(() -> f.shell.dock().open("probe.broken"));

        assertThat(opened).isFalse();
        assertThat(f.fx(() -> f.shell.notifications().notes().stream().map(n -> n.text()).toList()))
                .anyMatch(t -> t.contains("Broken") && t.contains("no data source"));
        assertThat(f.fx(() -> f.shell.dock().open("probe.view"))).isTrue();
    }

    @Test
    void unknownViewIdsAreRefused() throws Exception {
        assertThat(f.fx(() -> f.shell.dock().open("nobody.view"))).isFalse();
    }

    static final class CountingView implements View, dev.triage.core.ui.Revealing {
        final int number;
        final Label label;
        volatile int disposed;
        final List<String> revealed = new CopyOnWriteArrayList<>();

        @Override
        public void reveal(String ref) {
            revealed.add(ref);
        }

        CountingView(int number) {
            this.number = number;
            this.label = new Label("probe " + number);
        }

        @Override
        public Node node() {
            return label;
        }

        @Override
        public void dispose() {
            disposed++;
        }
    }
}
