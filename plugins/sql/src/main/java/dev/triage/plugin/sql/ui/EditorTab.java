package dev.triage.plugin.sql.ui;

import dev.triage.plugin.sql.application.SqlSession;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/** One editor tab: a highlighted code area with line numbers, bracket matching, find/replace and completion, and its session. */
final class EditorTab extends Tab {

    private final CodeArea area = new CodeArea();
    private final HBox findBar = new HBox(6);
    private final TextField find = new TextField();
    private final TextField replace = new TextField();
    private final Label findStatus = new Label();
    private final Supplier<Collection<String>> names;
    private final ContextMenu completion = new ContextMenu();
    private String connection;
    private SqlSession session;

    EditorTab(String title, String text, String connection, Supplier<Collection<String>> names) {
        super(title);
        this.connection = connection;
        this.names = names;
        area.getStyleClass().add("sql-editor");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.textProperty().addListener((o, a, b) -> restyle());
        area.caretPositionProperty().addListener((o, a, b) -> restyle());
        area.replaceText(text == null ? "" : text);
        find.setPromptText("Find");
        replace.setPromptText("Replace with");
        find.getStyleClass().add("find-field");
        Button next = new Button("Next");
        next.setOnAction(e -> findNext());
        find.setOnAction(e -> findNext());
        Button all = new Button("Replace all");
        all.setOnAction(e -> replaceAll());
        Button close = new Button("×");
        close.getStyleClass().add("flat");
        close.setOnAction(e -> showFind(false));
        findBar.getChildren().setAll(find, next, replace, all, findStatus, close);
        findBar.getStyleClass().add("find-bar");
        showFind(false);
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        setContent(new VBox(findBar, scroll));
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(e)) {
                showFind(true);
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.SPACE, KeyCombination.CONTROL_DOWN).match(e)) {
                showCompletion();
                e.consume();
            }
        });
    }

    CodeArea area() {
        return area;
    }

    String connection() {
        return connection;
    }

    void connection(String name) {
        this.connection = name;
    }

    SqlSession session() {
        return session;
    }

    void session(SqlSession s) {
        this.session = s;
    }

    /** Returns the selection, or empty when nothing is selected. */
    String selection() {
        return area.getSelectedText();
    }

    private void restyle() {
        String text = area.getText();
        int[] pair = SqlSyntax.matchBracket(text, area.getCaretPosition());
        area.setStyleSpans(0, SqlSyntax.styles(text, pair == null ? -1 : pair[0], pair == null ? -1 : pair[1]));
    }

    void showFind(boolean show) {
        findBar.setVisible(show);
        findBar.setManaged(show);
        if (show) {
            if (!area.getSelectedText().isEmpty()) {
                find.setText(area.getSelectedText());
            }
            find.requestFocus();
        }
    }

    /** Selects the next occurrence of the find text after the caret, wrapping around; returns whether one was found. */
    boolean findNext() {
        String what = find.getText();
        if (what.isEmpty()) {
            return false;
        }
        String text = area.getText().toLowerCase(java.util.Locale.ROOT);
        String w = what.toLowerCase(java.util.Locale.ROOT);
        int from = area.getSelection().getEnd();
        int at = text.indexOf(w, from);
        if (at < 0) {
            at = text.indexOf(w);
        }
        findStatus.setText(at < 0 ? "not found" : "");
        if (at >= 0) {
            area.selectRange(at, at + what.length());
            area.requestFollowCaret();
        }
        return at >= 0;
    }

    /** Replaces every occurrence of the find text, ignoring case; returns how many. */
    int replaceAll() {
        String what = find.getText();
        if (what.isEmpty()) {
            return 0;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(what),
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE).matcher(area.getText());
        int n = 0;
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(replace.getText()));
            n++;
        }
        m.appendTail(b);
        if (n > 0) {
            area.replaceText(b.toString());
        }
        findStatus.setText(n + " replaced");
        return n;
    }

    TextField findField() {
        return find;
    }

    TextField replaceField() {
        return replace;
    }

    /** Shows the completion popup for the word before the caret. */
    List<String> showCompletion() {
        int caret = area.getCaretPosition();
        String prefix = SqlSyntax.prefix(area.getText(), caret);
        List<String> options = SqlSyntax.complete(prefix, names.get(), 40);
        completion.getItems().clear();
        for (String o : options) {
            MenuItem item = new MenuItem(o);
            item.setOnAction(e -> area.replaceText(caret - prefix.length(), caret, o));
            completion.getItems().add(item);
        }
        if (!options.isEmpty() && area.getScene() != null && area.getScene().getWindow() != null) {
            area.getCaretBounds().ifPresentOrElse(b -> completion.show(area, b.getMinX(), b.getMaxY()),
                    () -> completion.show(area, Side.BOTTOM, 0, 0));
        }
        return options;
    }
}
