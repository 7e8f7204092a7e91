package dev.triage.app.shell.notify;

import dev.triage.app.shell.Fx;
import java.util.concurrent.atomic.AtomicLong;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The notifications on screen, newest last; may be posted from any thread, the list changes on the JavaFX thread. */
public final class Notifications {

    /** How many notes are kept on screen at most. */
    public static final int MAX = 5;

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    private static final AtomicLong IDS = new AtomicLong();

    private final ObservableList<Note> notes = FXCollections.observableArrayList();

    /**
     * Posts a notification.
     *
     * @param level its level
     * @param text what it says
     */
    public void post(Note.Level level, String text) {
        Note note = new Note(IDS.incrementAndGet(), level, text);
        if (level == Note.Level.ERROR) {
            LOG.warn("Shown to the user: {}", text);
        }
        Fx.run(() -> {
            notes.add(note);
            while (notes.size() > MAX) {
                notes.remove(0);
            }
        });
    }

    /**
     * Posts neutral news.
     *
     * @param text what it says
     */
    public void info(String text) {
        post(Note.Level.INFO, text);
    }

    /**
     * Posts a success.
     *
     * @param text what it says
     */
    public void success(String text) {
        post(Note.Level.SUCCESS, text);
    }

    /**
     * Posts a warning.
     *
     * @param text what it says
     */
    public void warn(String text) {
        post(Note.Level.WARNING, text);
    }

    /**
     * Posts an error.
     *
     * @param text what it says
     */
    public void error(String text) {
        post(Note.Level.ERROR, text);
    }

    /**
     * Removes a notification.
     *
     * @param note the note
     */
    public void dismiss(Note note) {
        Fx.run(() -> notes.remove(note));
    }

    /**
     * Returns the notes on screen; read and observe on the JavaFX thread.
     *
     * @return the live list
     */
    public ObservableList<Note> notes() {
        return notes;
    }
}
