package dev.triage.core.command;

import dev.triage.core.task.TaskContext;

/**
 * Carries out one command.
 *
 * @param <A> the argument type
 */
@FunctionalInterface
public interface CommandHandler<A> {

    /**
     * Runs the command; long commands report progress and honour cancellation through the context.
     *
     * @param args the typed arguments
     * @param context progress and cancellation
     * @return a result that the CLI prints as text or JSON and menus may show; null for none
     * @throws Exception when the command fails
     */
    Object handle(A args, TaskContext context) throws Exception;
}
