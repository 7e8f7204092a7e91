package dev.triage.app.shell.views;

import dev.triage.app.shell.Fx;
import dev.triage.core.i18n.Messages;
import dev.triage.core.task.NamedThreads;
import dev.triage.core.ui.View;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** Shows the tail of {@code triage.log}, read off the JavaFX thread every second, with a level filter. */
public final class LogView implements View {

    private static final int MAX_LINES = 800;

    private final BorderPane root = new BorderPane();
    private final TextArea text = new TextArea();
    private final ComboBox<LogTail.Level> level = new ComboBox<>();
    private final Path file;
    private final Messages messages;
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(NamedThreads.factory("triage-logtail"));
    private volatile String shown = "";
    private volatile LogTail.Level minLevel = LogTail.Level.INFO;

    /**
     * Creates the view and starts following the file.
     *
     * @param file the log file
     * @param messages the shell's texts
     */
    public LogView(Path file, Messages messages) {
        this.file = file;
        this.messages = messages;
        root.getStyleClass().add("log-view");
        text.setEditable(false);
        text.getStyleClass().add("log-text");
        level.getItems().setAll(LogTail.Level.values());
        level.setValue(minLevel);
        level.valueProperty().addListener((o, a, b) -> {
            minLevel = b == null ? LogTail.Level.ALL : b;
            refresh();
        });
        Button reload = new Button(null, new FontIcon("mdi2r-refresh"));
        reload.getStyleClass().add("button-icon");
        reload.setOnAction(e -> refresh());
        Label path = new Label(file.toString());
        path.getStyleClass().add("text-muted");
        ToolBar bar = new ToolBar(new Label(messages.get("log.level")), level, reload, path);
        root.setTop(bar);
        root.setCenter(text);
        reader.scheduleWithFixedDelay(this::read, 0, 1, TimeUnit.SECONDS);
    }

    /** Reads the file again now. */
    public void refresh() {
        reader.execute(this::read);
    }

    private void read() {
        LogTail.Level min = minLevel;
        String next;
        try {
            List<String> lines = LogTail.filter(LogTail.read(file, MAX_LINES), min);
            next = lines.isEmpty() ? messages.get("log.empty") : String.join("\n", lines);
        } catch (IOException e) {
            next = messages.get("log.unreadable", file, e.getMessage());
        }
        if (!next.equals(shown)) {
            shown = next;
            String value = next;
            Fx.run(() -> {
                // the trailing newline puts the caret at column 0 of the last line: scrolled down, not sideways
                text.setText(value + "\n");
                text.positionCaret(text.getLength());
            });
        }
    }

    /**
     * Shows only lines at or above a level, as the level box does.
     *
     * @param min the lowest level shown
     */
    public void setLevel(LogTail.Level min) {
        level.setValue(min);
    }

    /**
     * Returns the text shown now.
     *
     * @return the text
     */
    public String shownText() {
        return shown;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        reader.shutdownNow();
    }
}
