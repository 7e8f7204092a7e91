package dev.triage.plugin.sql.ui;

import java.util.List;
import java.util.function.Function;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A searchable list to pick a statement from: the connection's history or the saved snippets. */
final class PickDialog extends Dialog<String> {

    final TextField search = new TextField();
    final ListView<String> list = new ListView<>();

    /**
     * Builds the dialog.
     *
     * @param title the title
     * @param find lists the entries containing a text
     * @param show how an entry is shown
     * @param value what an entry inserts
     */
    PickDialog(String title, Function<String, List<String>> find, Function<String, String> show, Function<String, String> value) {
        setTitle(title);
        search.setPromptText("Search");
        search.textProperty().addListener((o, a, b) -> list.getItems().setAll(find.apply(b)));
        list.getItems().setAll(find.apply(""));
        list.setPrefSize(640, 360);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : show.apply(item));
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                setResult(value.apply(list.getSelectionModel().getSelectedItem()));
                close();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getDialogPane().setContent(new VBox(8, search, list));
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK && list.getSelectionModel().getSelectedItem() != null
                ? value.apply(list.getSelectionModel().getSelectedItem()) : null);
    }
}
