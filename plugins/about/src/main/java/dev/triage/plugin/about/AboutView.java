package dev.triage.plugin.about;

import dev.triage.core.i18n.Messages;
import dev.triage.core.ui.View;
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The About view: versions and folders, selectable as plain labels. */
final class AboutView implements View {

    private final VBox root = new VBox(12);

    AboutView(AboutInfo info, Messages messages) {
        root.getStyleClass().add("about-view");
        root.setStyle("-fx-padding: 24;");
        Label title = new Label("Triage " + info.triageVersion());
        title.getStyleClass().add("title-2");
        Label tagline = new Label(messages.get("view.tagline"));
        tagline.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, new Label(messages.get("label.java")), new Label(info.javaVersion() + " (" + info.javaVendor() + ")"));
        grid.addRow(row++, new Label(messages.get("label.os")), new Label(info.os()));
        for (var e : new TreeMap<>(info.folders()).entrySet()) {
            grid.addRow(row++, new Label(messages.get("label.folder." + e.getKey())), new Label(e.getValue()));
        }
        root.getChildren().addAll(title, tagline, grid);
    }

    @Override
    public Node node() {
        return root;
    }
}
