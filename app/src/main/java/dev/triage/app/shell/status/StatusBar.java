package dev.triage.app.shell.status;

import dev.triage.app.shell.Fx;
import dev.triage.core.i18n.Messages;
import dev.triage.core.task.TaskExecutor;
import dev.triage.core.task.TaskHandle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/** The strip at the bottom of the window: the open case on the left, one row per active task on the right. */
public final class StatusBar {

    private final HBox bar = new HBox(12);
    private final HBox tasksBox = new HBox(16);
    private final Map<Long, TaskRow> rows = new LinkedHashMap<>();
    private final Messages messages;
    private volatile boolean closed;

    /**
     * Creates the bar and starts following new tasks.
     *
     * @param tasks the kernel's task executor
     * @param caseLabel the text describing the open case
     * @param messages the shell's texts
     */
    public StatusBar(TaskExecutor tasks, ObservableStringValue caseLabel, Messages messages) {
        this.messages = messages;
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        Label caseName = new Label(null, new FontIcon("mdi2b-briefcase-outline"));
        caseName.textProperty().bind(caseLabel);
        caseName.getStyleClass().add("status-case");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        tasksBox.setAlignment(Pos.CENTER_RIGHT);
        bar.getChildren().addAll(caseName, spacer, tasksBox);
        tasks.active().forEach(this::follow);
        tasks.onSubmit(this::follow);
    }

    private void follow(TaskHandle<?> handle) {
        handle.onChange(h -> Fx.run(() -> changed(h)));
        Fx.run(() -> changed(handle));
    }

    private void changed(TaskHandle<?> h) {
        if (closed) {
            return;
        }
        TaskRow row = rows.get(h.id());
        if (h.state().isDone()) {
            if (row != null) {
                rows.remove(h.id());
                tasksBox.getChildren().remove(row);
            }
            return;
        }
        if (row == null) {
            row = new TaskRow(h, messages);
            rows.put(h.id(), row);
            tasksBox.getChildren().add(row);
        }
        row.update();
    }

    /**
     * Lists the task rows shown now; call on the JavaFX thread.
     *
     * @return the rows
     */
    public List<TaskRow> rows() {
        return List.copyOf(rows.values());
    }

    /**
     * Returns the bar's node.
     *
     * @return the node
     */
    public Node node() {
        return bar;
    }

    /** Stops showing tasks (the executor has no way to remove a submit listener). */
    public void close() {
        closed = true;
    }
}
