package dev.triage.app.shell.notify;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/** Shows {@link Notifications} as a column of dismissable cards in the bottom-right corner. */
public final class NotificationArea {

    private static final Duration AUTO_DISMISS = Duration.seconds(8);

    private final VBox box = new VBox(8);
    private final Notifications model;

    /**
     * Creates the area over a model.
     *
     * @param model the notifications
     */
    public NotificationArea(Notifications model) {
        this.model = model;
        box.getStyleClass().add("notification-area");
        box.setAlignment(Pos.BOTTOM_RIGHT);
        box.setPickOnBounds(false);
        box.setMaxSize(420, VBox.USE_PREF_SIZE);
        model.notes().addListener((ListChangeListener<Note>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        box.getChildren().setAll(model.notes().stream().map(this::card).toList());
    }

    private Node card(Note note) {
        Notification n = new Notification(note.text(), new FontIcon(icon(note.level())));
        n.getStyleClass().addAll(Styles.ELEVATED_1, styleOf(note.level()));
        n.setPrefWidth(400);
        n.setMaxWidth(400);
        n.setUserData(note);
        n.setOnClose(e -> model.dismiss(note));
        if (!note.level().sticky()) {
            PauseTransition wait = new PauseTransition(AUTO_DISMISS);
            wait.setOnFinished(e -> model.dismiss(note));
            wait.play();
        }
        return n;
    }

    private static String styleOf(Note.Level level) {
        return switch (level) {
            case INFO -> Styles.ACCENT;
            case SUCCESS -> Styles.SUCCESS;
            case WARNING -> Styles.WARNING;
            case ERROR -> Styles.DANGER;
        };
    }

    private static String icon(Note.Level level) {
        return switch (level) {
            case INFO -> "mdi2i-information-outline";
            case SUCCESS -> "mdi2c-check-circle-outline";
            case WARNING -> "mdi2a-alert-outline";
            case ERROR -> "mdi2a-alert-circle-outline";
        };
    }

    /**
     * Returns the area's node, to be stacked over the window's content.
     *
     * @return the node
     */
    public Node node() {
        return box;
    }
}
