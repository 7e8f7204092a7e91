package dev.triage.app.shell;

import dev.triage.app.shell.notify.Notifications;
import dev.triage.core.command.CommandBus;
import dev.triage.core.command.CommandSpec;
import dev.triage.core.command.NoArgs;
import dev.triage.core.i18n.Messages;
import dev.triage.core.task.TaskHandle;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/** Runs commands from menus and the palette as tasks and shows their results as notifications. */
public final class CommandRunner {

    private static final int MAX_RESULT = 240;

    private final CommandBus commands;
    private final Messages messages;
    private final Notifications notes;

    /**
     * Creates the runner.
     *
     * @param commands the command bus
     * @param messages the shell's texts
     * @param notes where results are shown
     */
    public CommandRunner(CommandBus commands, Messages messages, Notifications notes) {
        this.commands = commands;
        this.messages = messages;
        this.notes = notes;
    }

    /**
     * Runs a command that takes no arguments; commands with arguments point the user to the CLI.
     *
     * @param spec the command
     * @return the task, or null when the command needs arguments
     */
    public TaskHandle<Object> run(CommandSpec<?> spec) {
        if (spec.argType() != NoArgs.class) {
            notes.warn(messages.get("command.needsArgs", spec.title(), spec.name()));
            return null;
        }
        TaskHandle<Object> h = commands.submit(spec.name(), NoArgs.INSTANCE);
        h.result().whenComplete((result, error) -> {
            if (error == null) {
                notes.success(messages.get("command.done", spec.title(), summary(result)));
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof CancellationException) {
                notes.info(messages.get("task.cancelled"));
            } else {
                notes.error(messages.get("command.failed", spec.title(), String.valueOf(cause.getMessage())));
            }
        });
        return h;
    }

    private String summary(Object result) {
        if (result == null) {
            return messages.get("command.noResult");
        }
        if (result instanceof Collection<?> c) {
            return messages.get("command.items", c.size());
        }
        if (result instanceof Map<?, ?> m) {
            return messages.get("command.items", m.size());
        }
        String s = String.valueOf(result);
        return s.length() > MAX_RESULT ? s.substring(0, MAX_RESULT) + "…" : s;
    }
}
