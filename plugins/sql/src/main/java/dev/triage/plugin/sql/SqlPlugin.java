package dev.triage.plugin.sql;

import dev.triage.core.cases.SchemaMigrations;
import dev.triage.core.command.CommandSpec;
import dev.triage.core.command.NoArgs;
import dev.triage.core.i18n.Messages;
import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.ViewContribution;
import dev.triage.plugin.ddl.api.DdlChecker;
import dev.triage.plugin.sql.application.ConnectionAddArgs;
import dev.triage.plugin.sql.application.ConnectionNameArgs;
import dev.triage.plugin.sql.application.ConnectionService;
import dev.triage.plugin.sql.application.SqlCommands;
import dev.triage.plugin.sql.application.SqlEditorService;
import dev.triage.plugin.sql.application.SqlOpenArgs;
import dev.triage.plugin.sql.application.SqlOpenRequests;
import dev.triage.plugin.sql.application.SqlRunArgs;
import dev.triage.plugin.sql.application.SnippetArgs;
import dev.triage.plugin.sql.infrastructure.ConsoleSecretPrompt;
import dev.triage.plugin.sql.infrastructure.DuckDbSqlJournal;
import dev.triage.plugin.sql.infrastructure.SessionFactory;
import dev.triage.plugin.sql.infrastructure.SnippetStore;
import dev.triage.plugin.sql.infrastructure.SqlConnector;
import dev.triage.plugin.sql.ui.SqlView;
import java.time.Clock;

/**
 * Built-in plugin: the SQL editor for MySQL-protocol servers and the case's DuckDB, and the connection commands
 * ({@code triage connection add|list|remove|test}) every plugin's saved targets come from.
 */
public final class SqlPlugin implements Plugin {

    /** The plugin id. */
    public static final String ID = "sql";
    /** The id of the SQL editor view. */
    public static final String VIEW_ID = "sql.view";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "SQL editor", "0.1.0", "core@[0.1,1.0)").withCapabilities("view", "connections");
    }

    @Override
    public void init(PluginContext context) {
        Messages m = context.messages("dev.triage.plugin.sql.messages");
        ConnectionService connections = new ConnectionService(context.connections(), ConsoleSecretPrompt.system(), SqlConnector::probe);
        SessionFactory sessions = new SessionFactory(connections, context.cases());
        SqlEditorService editor = new SqlEditorService(() -> context.services().find(DdlChecker.class), sessions::journal,
                Clock.systemUTC());
        SqlCommands sql = new SqlCommands(sessions::open, editor);
        SqlOpenRequests openRequests = new SqlOpenRequests();
        context.register(SchemaMigrations.class, DuckDbSqlJournal.MIGRATIONS);
        context.command(spec(m, "connection.add", ConnectionAddArgs.class), (a, t) -> connections.add(a));
        context.command(spec(m, "connection.list", NoArgs.class), (a, t) -> connections.list());
        context.command(spec(m, "connection.remove", ConnectionNameArgs.class), (a, t) -> connections.remove(a.name()));
        context.command(spec(m, "connection.test", ConnectionNameArgs.class), (a, t) -> connections.test(a.name()));
        context.command(spec(m, "sql.open", SqlOpenArgs.class), (a, t) -> {
            openRequests.offer(a);
            context.events().publish(new dev.triage.core.ui.ShowView(VIEW_ID)); // the window brings the editor up
            return null;
        });
        context.command(spec(m, "sql.run", SqlRunArgs.class), sql::run);
        context.command(spec(m, "sql.export", SqlRunArgs.class), sql::export);
        context.command(spec(m, "sql.explain", SqlRunArgs.class), sql::explain);
        SnippetStore snippets = new SnippetStore(context.paths().config());
        context.command(spec(m, "sql.history", SnippetArgs.class), (a, t) -> sessions.journal()
                .orElseThrow(() -> new IllegalStateException("The history is kept in the case: pass --case DIR"))
                .history(a.connection() == null ? SqlConnector.CASE_TARGET : a.connection(), a.joined(), a.limit() == null ? 50 : a.limit()));
        context.command(spec(m, "sql.snippets", NoArgs.class), (a, t) -> snippets.list());
        context.command(spec(m, "sql.snippet-save", SnippetArgs.class), (a, t) -> {
            if (a.joined().isBlank() || a.text() == null) {
                throw new IllegalArgumentException("sql snippet-save needs a NAME and --text SQL");
            }
            snippets.save(a.joined(), a.text());
            return snippets.list();
        });
        context.command(spec(m, "sql.snippet-delete", SnippetArgs.class), (a, t) -> {
            snippets.delete(a.joined());
            return snippets.list();
        });
        context.register(ViewContribution.class, new ViewContribution(VIEW_ID, m.get("view.title"), "mdi2d-database-search",
                DockArea.CENTER, () -> SqlView.create(new SqlView.Services(sessions, editor, connections, snippets, openRequests,
                        context.tasks()), m)));
    }

    private static <A> CommandSpec<A> spec(Messages m, String name, Class<A> args) {
        return new CommandSpec<>(name, m.get("command." + name + ".title"), m.get("command." + name + ".description"), args);
    }
}
