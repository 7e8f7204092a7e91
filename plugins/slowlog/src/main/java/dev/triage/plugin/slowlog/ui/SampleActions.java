package dev.triage.plugin.slowlog.ui;

import dev.triage.core.command.CommandBus;
import dev.triage.core.task.TaskContext;
import java.util.Map;

/**
 * Hands a class's sample to the SQL editor through the command bus ({@code sql.open}), never by its classes, so the
 * explorer works whether the SQL plugin runs or not.
 */
public final class SampleActions {

    /** The SQL editor's command that opens a tab with a text. */
    public static final String OPEN = "sql.open";

    private final CommandBus commands;

    /**
     * Creates the actions.
     *
     * @param commands the bus the SQL editor registers its commands on
     */
    public SampleActions(CommandBus commands) {
        this.commands = commands;
    }

    /**
     * Tells whether the SQL editor is there to open a sample.
     *
     * @return true when {@value #OPEN} is registered
     */
    public boolean available() {
        return commands.find(OPEN).isPresent();
    }

    /**
     * Opens the statement in a new SQL editor tab, as it is or prefixed with {@code EXPLAIN} to run on a saved connection.
     *
     * @param sql the statement
     * @param explain whether to prefix it with EXPLAIN
     * @param context the task the command runs in
     * @return the editor's answer
     * @throws Exception when the editor refuses the text
     */
    public Object open(String sql, boolean explain, TaskContext context) throws Exception {
        String text = explain ? "EXPLAIN " + sql : sql;
        return commands.executeText(OPEN, Map.of("text", text), context);
    }
}
