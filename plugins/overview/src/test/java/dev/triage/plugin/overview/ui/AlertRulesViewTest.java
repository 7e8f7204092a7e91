package dev.triage.plugin.overview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.ui.View;
import dev.triage.core.ui.ViewContribution;
import dev.triage.plugin.overview.domain.AlertRule;
import dev.triage.plugin.overview.infrastructure.AlertRulesFile;
import dev.triage.testkit.JavaFxToolkit;
import dev.triage.testkit.KernelExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rule editor: loads the rules in effect, refuses a bad form field and a duplicate name, saves a valid set to the case. */
class AlertRulesViewTest {

    @RegisterExtension
    final KernelExtension triage = new KernelExtension();

    static void type(Parent root, String id, String text) {
        ((TextField) root.lookup("#rule-" + id)).setText(text);
    }

    static void click(Parent root, String styleClass) {
        ((Button) root.lookup("." + styleClass)).fire();
    }

    @Test
    void editsValidatesAndSavesTheRulesOfTheCase() throws Exception {
        Path folder = triage.home().resolve("case");
        triage.kernel().cases().create(folder, "rules");
        ViewContribution contribution = triage.kernel().services().findAll(ViewContribution.class).stream()
                .filter(v -> v.id().equals("overview.rules")).findFirst().orElseThrow();
        View view = JavaFxToolkit.call(() -> contribution.factory().get());
        AlertRulesView editor = (AlertRulesView) view;
        Parent root = (Parent) view.node();
        try {
            JavaFxToolkit.call(() -> new Scene(root, 1000, 700));
            List<AlertRule> defaults = JavaFxToolkit.call(editor::rules);
            assertThat(defaults).extracting(AlertRule::name).contains("target-down", "replication-lag");
            assertThat(JavaFxToolkit.call(editor::statusText)).contains("rules from the shipped defaults")
                    .contains(folder.resolve("alert-rules.toml").toString());

            String status = JavaFxToolkit.call(() -> {
                type(root, "name", "disk-almost-full");
                type(root, "metric", "storage_bytes");
                type(root, "threshold", "lots");
                click(root, "rule-add");
                return editor.statusText();
            });
            assertThat(status).isEqualTo("Threshold: 'lots' is not a number");
            status = JavaFxToolkit.call(() -> {
                type(root, "threshold", "4e11");
                type(root, "for", "ten minutes");
                click(root, "rule-add");
                return editor.statusText();
            });
            assertThat(status).startsWith("For: 'ten minutes' is not a duration");
            status = JavaFxToolkit.call(() -> {
                type(root, "for", "10m");
                type(root, "keep-firing-for", "5m");
                type(root, "targets", "prod-(");
                click(root, "rule-add");
                return editor.statusText();
            });
            assertThat(status).startsWith("Targets: not a regular expression");
            status = JavaFxToolkit.call(() -> {
                type(root, "targets", "prod-.*");
                type(root, "labels", "team=db, page=yes");
                click(root, "rule-add");
                return editor.statusText();
            });
            assertThat(status).isEqualTo("Added disk-almost-full (not saved yet)");

            status = JavaFxToolkit.call(() -> {
                type(root, "name", "target-down");
                click(root, "rule-add");
                click(root, "rule-save");
                return editor.statusText();
            });
            assertThat(status).contains("the name is used twice").startsWith("Not saved");
            assertThat(Files.exists(folder.resolve("alert-rules.toml"))).isFalse();

            status = JavaFxToolkit.call(() -> {
                @SuppressWarnings("unchecked")
                javafx.scene.control.TableView<AlertRule> table = (javafx.scene.control.TableView<AlertRule>) root.lookup(".table-view");
                table.getSelectionModel().clearAndSelect(table.getItems().size() - 1);
                click(root, "rule-delete");
                click(root, "rule-save");
                return null;
            });
            status = JavaFxToolkit.call(editor::statusText);
            assertThat(status).isEqualTo("Saved " + (defaults.size() + 1) + " rules to " + folder.resolve("alert-rules.toml"));
            List<AlertRule> saved = AlertRulesFile.load(folder, null);
            assertThat(saved).hasSize(defaults.size() + 1);
            AlertRule added = saved.stream().filter(r -> r.name().equals("disk-almost-full")).findFirst().orElseThrow();
            assertThat(added.threshold()).isEqualTo(4e11);
            assertThat(added.forDuration()).hasMinutes(10);
            assertThat(added.keepFiringFor()).hasMinutes(5);
            assertThat(added.labels()).containsEntry("team", "db").containsEntry("page", "yes");
            assertThat(triage.kernel().commands().execute("alerts.list", null, null).toString()).as("the rules in effect")
                    .contains("disk-almost-full");
        } finally {
            JavaFxToolkit.call(() -> {
                view.dispose();
                return null;
            });
        }
    }
}
