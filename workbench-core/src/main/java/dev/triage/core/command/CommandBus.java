package dev.triage.core.command;

import dev.triage.core.service.Registration;
import dev.triage.core.task.TaskContext;
import dev.triage.core.task.TaskHandle;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Dispatches named commands with typed arguments for the CLI, the menus and the command palette. */
public interface CommandBus {

    /**
     * Registers a handler for a command; one name has one handler.
     *
     * @param spec the command's name, labels and argument type
     * @param handler what runs it
     * @param <A> the argument type
     * @return a handle that unregisters the command
     * @throws IllegalStateException when the name is taken
     */
    <A> Registration register(CommandSpec<A> spec, CommandHandler<A> handler);

    /**
     * Lists the registered commands sorted by name.
     *
     * @return the specs
     */
    List<CommandSpec<?>> commands();

    /**
     * Finds a command by name.
     *
     * @param name the command name
     * @return the spec, or empty
     */
    Optional<CommandSpec<?>> find(String name);

    /**
     * Runs a command on the calling thread with typed arguments.
     *
     * @param name the command name
     * @param args an instance of the command's argument type
     * @param context progress and cancellation
     * @return the handler's result
     * @throws CommandException when the command is unknown, the arguments are of the wrong type, or the handler fails
     */
    Object execute(String name, Object args, TaskContext context) throws CommandException;

    /**
     * Runs a command with arguments given as text (key=value from the CLI), converted to its argument record.
     *
     * @param name the command name
     * @param textArgs argument names to values; repeated values as lists
     * @param context progress and cancellation
     * @return the handler's result
     * @throws CommandException when the command is unknown, an argument cannot be read, or the handler fails
     */
    Object executeText(String name, Map<String, Object> textArgs, TaskContext context) throws CommandException;

    /**
     * Runs a command as a background task, as menus and the palette do.
     *
     * @param name the command name
     * @param args an instance of the command's argument type
     * @return the task handle
     */
    TaskHandle<Object> submit(String name, Object args);
}
