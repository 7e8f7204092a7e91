package dev.triage.plugin.sql.ui;

import dev.triage.plugin.sql.application.ResultColumn;
import dev.triage.plugin.sql.application.ResultCursor;
import dev.triage.plugin.sql.application.ResultExporter;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * A virtualised grid over a cursor: it shows the first page and asks for the next one when scrolled to the bottom, up to
 * {@link #MAX_ROWS} rows; the full result is for export.
 */
final class ResultGrid extends TableView<Object[]> {

    /** Rows fetched per page. */
    static final int PAGE = 500;
    /** The most rows the grid keeps. */
    static final int MAX_ROWS = 100_000;

    private final ResultCursor cursor;
    private boolean loading;
    private Consumer<ResultGrid> onMore = g -> { };

    ResultGrid(ResultCursor cursor, List<Object[]> firstPage) {
        this.cursor = cursor;
        getStyleClass().addAll("result-grid", "dense");
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        getSelectionModel().setCellSelectionEnabled(false);
        List<ResultColumn> cols = cursor.columns();
        for (int i = 0; i < cols.size(); i++) {
            int index = i;
            TableColumn<Object[], String> c = new TableColumn<>(cols.get(i).name());
            c.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue()[index] == null ? null : ResultExporter.text(r.getValue()[index])));
            boolean numeric = cols.get(i).numeric();
            c.setCellFactory(col -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().removeAll("null-value", "number");
                    if (empty) {
                        setText(null);
                    } else if (item == null) {
                        setText("NULL");
                        getStyleClass().add("null-value");
                    } else {
                        setText(item.length() > 500 ? item.substring(0, 500) + "…" : item);
                        if (numeric) {
                            getStyleClass().add("number");
                        }
                    }
                }
            });
            c.setPrefWidth(width(cols.get(i).name(), firstPage, index));
            getColumns().add(c);
        }
        getItems().setAll(firstPage);
        MenuItem copy = new MenuItem("Copy rows");
        copy.setOnAction(e -> copySelection());
        setContextMenu(new ContextMenu(copy));
        setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copySelection();
                e.consume();
            }
        });
        skinProperty().addListener((o, a, skin) -> {
            for (var n : lookupAll(".scroll-bar")) {
                if (n instanceof ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                    bar.valueProperty().addListener((ob, x, v) -> {
                        if (v.doubleValue() >= bar.getMax() - 0.0001) {
                            requestMore();
                        }
                    });
                }
            }
        });
    }

    /**
     * A column's width from its header and the widest value among the first rows of the page (wide CJK characters count
     * twice), so short values are not cut and long ones stop at a limit.
     */
    static double width(String header, List<Object[]> page, int index) {
        int widest = columns(header);
        for (int r = 0; r < Math.min(200, page.size()); r++) {
            Object v = page.get(r)[index];
            widest = Math.max(widest, v == null ? 4 : columns(ResultExporter.text(v)));
        }
        return Math.min(380, Math.max(60, widest * 8.5 + 26));
    }

    private static int columns(String text) {
        int n = 0;
        for (int i = 0; i < text.length() && n < 60; i++) {
            char ch = text.charAt(i);
            n += Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN || (ch >= 0xFF00 && ch <= 0xFFEF)
                    || (ch >= 0x3000 && ch <= 0x303F) ? 2 : 1;
        }
        return n;
    }

    /** Sets what fetches the next page (off the JavaFX thread) when the user reaches the bottom. */
    void onMore(Consumer<ResultGrid> action) {
        this.onMore = action;
    }

    ResultCursor cursor() {
        return cursor;
    }

    boolean canLoadMore() {
        return !cursor.exhausted() && getItems().size() < MAX_ROWS;
    }

    void requestMore() {
        if (!loading && canLoadMore()) {
            loading = true;
            onMore.accept(this);
        }
    }

    /** Appends a fetched page; call on the JavaFX thread. */
    void append(List<Object[]> page) {
        loading = false;
        getItems().addAll(page);
    }

    /** Copies the selected rows, with a header line, as tab-separated text. */
    String copySelection() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < getColumns().size(); i++) {
            b.append(i > 0 ? "\t" : "").append(getColumns().get(i).getText());
        }
        b.append('\n');
        for (Object[] row : getSelectionModel().getSelectedItems()) {
            for (int i = 0; i < row.length; i++) {
                b.append(i > 0 ? "\t" : "").append(ResultExporter.text(row[i]));
            }
            b.append('\n');
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(b.toString());
        Clipboard.getSystemClipboard().setContent(content);
        return b.toString();
    }
}
