package dev.triage.app.shell.status;

import atlantafx.base.theme.Styles;
import dev.triage.core.i18n.Messages;
import dev.triage.core.task.TaskHandle;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** One running task in the status bar: its name, a progress bar and a cancel button. */
public final class TaskRow extends HBox {

    private final TaskHandle<?> handle;
    private final ProgressBar bar = new ProgressBar();
    private final Label name = new Label();
    private final Button cancel = new Button(null, new FontIcon("mdi2c-close"));

    /**
     * Creates the row.
     *
     * @param handle the task
     * @param messages the shell's texts
     */
    public TaskRow(TaskHandle<?> handle, Messages messages) {
        super(6);
        this.handle = handle;
        getStyleClass().add("task-row");
        setAlignment(Pos.CENTER_LEFT);
        bar.setPrefWidth(120);
        bar.getStyleClass().add(Styles.SMALL);
        cancel.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "task-cancel");
        cancel.setTooltip(new Tooltip(messages.get("status.cancel")));
        cancel.setOnAction(e -> {
            cancel.setDisable(true);
            handle.cancel();
        });
        getChildren().addAll(name, bar, cancel);
        update();
    }

    /** Shows the task's latest progress; call on the JavaFX thread. */
    public void update() {
        String msg = handle.message();
        name.setText(msg.isBlank() ? handle.name() : handle.name() + " – " + msg);
        bar.setProgress(handle.fraction() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : handle.fraction());
    }

    /**
     * Returns the task shown.
     *
     * @return the handle
     */
    public TaskHandle<?> handle() {
        return handle;
    }

    /**
     * Returns the cancel button.
     *
     * @return the button
     */
    public Button cancelButton() {
        return cancel;
    }
}
