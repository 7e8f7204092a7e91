package dev.triage.core.command;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.core.service.Registration;
import dev.triage.core.task.TaskContext;
import dev.triage.core.task.TaskExecutor;
import dev.triage.core.task.TaskHandle;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;

/** {@link CommandBus} keeping handlers in memory and running submitted commands on a {@link TaskExecutor}. */
public final class DefaultCommandBus implements CommandBus {

    private final Map<String, Entry<?>> handlers = new ConcurrentHashMap<>();
    private final TaskExecutor executor;
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true);

    /**
     * Creates a bus that runs submitted commands on the given executor.
     *
     * @param executor the task executor
     */
    public DefaultCommandBus(TaskExecutor executor) {
        this.executor = executor;
    }

    /** {@inheritDoc} */
    @Override
    public <A> Registration register(CommandSpec<A> spec, CommandHandler<A> handler) {
        Entry<A> entry = new Entry<>(spec, handler);
        if (handlers.putIfAbsent(spec.name(), entry) != null) {
            throw new IllegalStateException("Command '" + spec.name() + "' is already registered");
        }
        return () -> handlers.remove(spec.name(), entry);
    }

    /** {@inheritDoc} */
    @Override
    public List<CommandSpec<?>> commands() {
        return handlers.values().stream().<CommandSpec<?>>map(Entry::spec)
                .sorted(Comparator.comparing(CommandSpec::name)).toList();
    }

    /** {@inheritDoc} */
    @Override
    public Optional<CommandSpec<?>> find(String name) {
        return Optional.ofNullable(handlers.get(name)).map(Entry::spec);
    }

    /** {@inheritDoc} */
    @Override
    public Object execute(String name, Object args, TaskContext context) throws CommandException {
        return entry(name).run(args == null ? NoArgs.INSTANCE : args, context);
    }

    /** {@inheritDoc} */
    @Override
    public Object executeText(String name, Map<String, Object> textArgs, TaskContext context) throws CommandException {
        Entry<?> entry = entry(name);
        Object args;
        try {
            args = mapper.convertValue(textArgs, entry.spec().argType());
        } catch (IllegalArgumentException e) {
            throw new CommandException("Bad arguments for '" + name + "': " + firstLine(e.getMessage()), e);
        }
        return entry.run(args, context);
    }

    /** {@inheritDoc} */
    @Override
    public TaskHandle<Object> submit(String name, Object args) {
        return executor.submit(find(name).map(CommandSpec::title).orElse(name), ctx -> execute(name, args, ctx));
    }

    private Entry<?> entry(String name) throws CommandException {
        Entry<?> e = handlers.get(name);
        if (e == null) {
            throw new CommandException("Unknown command '" + name + "'", null);
        }
        return e;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private record Entry<A>(CommandSpec<A> spec, CommandHandler<A> handler) {
        Object run(Object args, TaskContext context) throws CommandException {
            if (!spec.argType().isInstance(args)) {
                throw new CommandException("Command '" + spec.name() + "' takes " + spec.argType().getSimpleName()
                        + ", not " + args.getClass().getSimpleName(), null);
            }
            try {
                return handler.handle(spec.argType().cast(args), context);
            } catch (CommandException | CancellationException e) {
                throw e;
            } catch (Exception e) {
                throw new CommandException("Command '" + spec.name() + "' failed: " + e.getMessage(), e);
            }
        }
    }
}
