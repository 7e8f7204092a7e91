package dev.triage.app.shell.guide;

import dev.triage.core.i18n.Messages;
import dev.triage.core.ui.MarkdownNodes;
import dev.triage.core.ui.View;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Help > User guide: the bundled guide, rendered, with its links followed inside the view and a Back button. */
public final class GuideView implements View {

    /** The style class of the view's root. */
    public static final String STYLE_CLASS = "guide-view";

    private final BorderPane root = new BorderPane();
    private final ScrollPane scroll = new ScrollPane();
    private final Label title = new Label();
    private final Button back;
    private final Deque<String> history = new ArrayDeque<>();
    private final Messages messages;
    private String current;

    /**
     * Creates the view on the guide's start page.
     *
     * @param messages the shell's texts
     */
    public GuideView(Messages messages) {
        this.messages = messages;
        root.getStyleClass().add(STYLE_CLASS);
        root.getStylesheets().add(GuideView.class.getResource("guide.css").toExternalForm());
        back = new Button(messages.get("guide.back"));
        back.getStyleClass().add("flat");
        back.setOnAction(e -> {
            if (!history.isEmpty()) {
                show(history.pop(), false);
            }
        });
        Button home = new Button(messages.get("guide.home"));
        home.getStyleClass().add("flat");
        home.setOnAction(e -> open(GuidePages.START));
        HBox bar = new HBox(6, back, home, title);
        bar.getStyleClass().add("guide-bar");
        root.setTop(bar);
        scroll.setFitToWidth(true);
        root.setCenter(scroll);
        show(GuidePages.START, false);
    }

    /**
     * Opens a page of the guide, remembering the current one for Back.
     *
     * @param page the page file name, such as {@code slowlog.md}
     */
    public void open(String page) {
        show(page, true);
    }

    /** @return the page shown now */
    public String current() {
        return current;
    }

    private void show(String page, boolean remember) {
        String name = page.contains("#") ? page.substring(0, page.indexOf('#')) : page;
        if (name.startsWith("http:") || name.startsWith("https:") || !name.endsWith(".md")) {
            return;
        }
        name = name.substring(name.lastIndexOf('/') + 1);
        String markdown;
        try {
            markdown = GuidePages.read(name).orElse(null);
        } catch (IOException e) {
            markdown = null;
        }
        if (markdown == null) {
            scroll.setContent(new Label(messages.get("guide.missing", name)));
            return;
        }
        if (remember && current != null) {
            history.push(current);
        }
        current = name;
        title.setText(name);
        back.setDisable(history.isEmpty());
        VBox content = new MarkdownNodes(GuidePages.url(name), this::open).render(markdown);
        content.setPadding(new Insets(16, 24, 24, 24));
        scroll.setContent(content);
        scroll.setVvalue(0);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        history.clear();
    }
}
