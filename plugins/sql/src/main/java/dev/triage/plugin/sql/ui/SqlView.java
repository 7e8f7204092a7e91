package dev.triage.plugin.sql.ui;

import dev.triage.core.i18n.Messages;
import dev.triage.core.task.TaskExecutor;
import dev.triage.core.ui.View;
import dev.triage.plugin.sql.application.ConnectionService;
import dev.triage.plugin.sql.application.SqlEditorService;
import dev.triage.plugin.sql.application.SqlOpenRequests;
import dev.triage.plugin.sql.infrastructure.SessionFactory;
import dev.triage.plugin.sql.infrastructure.SnippetStore;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;

/** The SQL editor view. */
public final class SqlView implements View {

    /**
     * What the view works with.
     *
     * @param sessions opens sessions
     * @param editor runs statements safely
     * @param connections the saved connections
     * @param snippets saved snippets
     * @param openRequests sql.open requests
     * @param tasks runs work off the JavaFX thread
     */
    public record Services(SessionFactory sessions, SqlEditorService editor, ConnectionService connections, SnippetStore snippets,
                           SqlOpenRequests openRequests, TaskExecutor tasks) {
    }

    private final BorderPane root = new BorderPane();

    private SqlView(Services services, Messages messages) {
    }

    /**
     * Creates the view; call on the JavaFX thread.
     *
     * @param services what it works with
     * @param messages the texts
     * @return the view
     */
    public static SqlView create(Services services, Messages messages) {
        return new SqlView(services, messages);
    }

    @Override
    public Node node() {
        return root;
    }
}
