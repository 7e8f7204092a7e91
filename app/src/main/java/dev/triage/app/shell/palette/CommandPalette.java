package dev.triage.app.shell.palette;

import dev.triage.core.i18n.Messages;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The Ctrl+Shift+P overlay: a search field over a list of commands and shell actions; Enter runs, Escape hides. */
public final class CommandPalette {

    private final PaletteViewModel model = new PaletteViewModel();
    private final Supplier<List<PaletteItem>> items;
    private final StackPane layer = new StackPane();
    private final TextField field = new TextField();
    private final ListView<PaletteItem> list = new ListView<>();

    /**
     * Creates the palette, hidden.
     *
     * @param items makes the entries each time the palette opens
     * @param messages the shell's texts
     */
    public CommandPalette(Supplier<List<PaletteItem>> items, Messages messages) {
        this.items = items;
        field.setPromptText(messages.get("palette.prompt"));
        field.textProperty().bindBidirectional(model.queryProperty());
        list.setItems(model.shown());
        list.setPlaceholder(new Label(messages.get("palette.none")));
        list.setCellFactory(v -> new Cell());
        list.prefHeightProperty().bind(Bindings.max(44, Bindings.min(360, Bindings.size(model.shown()).multiply(40).add(4))));
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
                list.scrollTo(b);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set(b);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                run();
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                run();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                hide();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                move(e.getCode() == KeyCode.DOWN ? 1 : -1);
                e.consume();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                run();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                hide();
            }
        });
        VBox card = new VBox(6, field, list);
        card.getStyleClass().add("command-palette");
        card.setMaxSize(560, VBox.USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.TOP_CENTER);
        layer.getChildren().add(card);
        layer.getStyleClass().add("command-palette-layer");
        layer.setOnMouseClicked(e -> {
            if (e.getTarget() == layer) {
                hide();
            }
        });
        layer.setVisible(false);
    }

    private void move(int delta) {
        int size = model.shown().size();
        if (size == 0) {
            return;
        }
        int i = Math.max(0, model.shown().indexOf(model.selectedProperty().get()));
        model.selectedProperty().set(model.shown().get(Math.floorMod(i + delta, size)));
    }

    /** Fills the palette with fresh entries and shows it with the focus in the search field. */
    public void show() {
        model.setItems(items.get());
        layer.setVisible(true);
        field.requestFocus();
    }

    /** Hides the palette. */
    public void hide() {
        layer.setVisible(false);
    }

    /** Hides the palette and runs the selected entry. */
    public void run() {
        hide();
        model.runSelected();
    }

    /**
     * Tells whether the palette is showing.
     *
     * @return true when visible
     */
    public boolean isShowing() {
        return layer.isVisible();
    }

    /**
     * Returns the palette's state.
     *
     * @return the model
     */
    public PaletteViewModel model() {
        return model;
    }

    /**
     * Returns the search field.
     *
     * @return the field
     */
    public TextField field() {
        return field;
    }

    /**
     * Returns the overlay node, to be stacked over the window's content.
     *
     * @return the node
     */
    public Node node() {
        return layer;
    }

    private static final class Cell extends ListCell<PaletteItem> {
        @Override
        protected void updateItem(PaletteItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label(item.title());
            title.getStyleClass().add("palette-title");
            Label detail = new Label(item.detail());
            detail.getStyleClass().addAll("palette-detail", "text-muted", "text-small");
            setText(null);
            setGraphic(new VBox(1, title, detail));
        }
    }
}
