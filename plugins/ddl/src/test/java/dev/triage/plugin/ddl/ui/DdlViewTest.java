package dev.triage.plugin.ddl.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.View;
import dev.triage.core.ui.ViewContribution;
import dev.triage.plugin.ddl.api.DdlVerdict;
import dev.triage.testkit.JavaFxToolkit;
import dev.triage.testkit.KernelExtension;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DdlViewTest {

    @RegisterExtension
    final KernelExtension triage = new KernelExtension();

    @Test
    void checksThePastedDdlAndColoursTheVerdicts() throws Exception {
        ViewContribution contribution = triage.kernel().services().findAll(ViewContribution.class).stream()
                .filter(v -> v.id().equals("ddl.view")).findFirst().orElseThrow();
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
        assertThat(root.getStyleClass()).contains(DdlView.STYLE_CLASS);
        @SuppressWarnings("unchecked")
        TableView<ResultRow> table = JavaFxToolkit.call(() -> (TableView<ResultRow>) root.lookup(".table-view"));
        assertThat(JavaFxToolkit.call(() -> ((Label) table.getPlaceholder()).getText())).startsWith("Paste ALTER");
        assertThat(table.getColumns()).hasSize(6);

        CountDownLatch shown = new CountDownLatch(1);
        JavaFxToolkit.call(() -> {
            table.getItems().addListener((ListChangeListener<ResultRow>) ch -> shown.countDown());
            ((CodeArea) root.lookup(".code-area")).replaceText("CREATE TABLE t (a BIGINT, b VARCHAR(20));\n"
                    + "ALTER TABLE t MODIFY a INT;\nALTER TABLE t MODIFY b VARCHAR(40);\nDROP TABLE t;\nALTER TABLE WHERE;\n");
            ((Button) root.lookup(".check")).fire();
            return null;
        });
        assertThat(shown.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(JavaFxToolkit.call(() -> table.getItems().stream().map(ResultRow::verdict).toList()))
                .containsExactly(DdlVerdict.SAFE, DdlVerdict.LOSSY, DdlVerdict.SAFE, DdlVerdict.DESTRUCTIVE, null);
        JavaFxToolkit.call(() -> {
            root.applyCss();
            root.layout();
            return null;
        });
        assertThat(JavaFxToolkit.call(() -> root.lookupAll(".verdict-lossy").size())).isPositive();
        assertThat(JavaFxToolkit.call(() -> root.lookupAll(".verdict-destructive").size())).isPositive();
        assertThat(JavaFxToolkit.call(() -> ((Label) root.lookup(".summary")).getText()))
                .isEqualTo("4 statements, 1 not parsed; worst: DESTRUCTIVE");
        view.dispose();
    }
}
