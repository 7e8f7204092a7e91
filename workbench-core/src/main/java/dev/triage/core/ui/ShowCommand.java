package dev.triage.core.ui;

import dev.triage.core.command.CommandOutput;
import dev.triage.core.command.CommandSpec;
import dev.triage.core.plugin.PluginContext;
import java.util.Objects;

/**
 * Registers a plugin's {@code <kind>.show} command, which evidence links (such as {@code slowlog:<id>} in a root-cause
 * hypothesis) run to open the owning view on that item; from the command line it prints what the item is.
 */
public final class ShowCommand {

    private ShowCommand() {
    }

    /**
     * The arguments of a {@code <kind>.show} command.
     *
     * @param ref the item, without the {@code kind:} prefix
     */
    public record Args(String ref) {
    }

    /**
     * Describes an item for the command line.
     */
    @FunctionalInterface
    public interface Describer {

        /**
         * Returns a text naming the item, read from the open case.
         *
         * @param ref the item
         * @return a few lines of text
         * @throws Exception when the item cannot be read
         */
        String describe(String ref) throws Exception;
    }

    /**
     * What a {@code <kind>.show} command answers: the item it asked the view to show, and its description.
     *
     * @param kind the link kind
     * @param ref the item
     * @param viewId the view asked to show it
     * @param description the item as text
     */
    public record Shown(String kind, String ref, String viewId, String description) implements CommandOutput {

        @Override
        public String text() {
            return description;
        }
    }

    /**
     * Registers {@code <kind>.show} with a context: the command publishes {@link ShowView} with the ref, so the window
     * opens the view and, when it is {@link Revealing}, selects the item.
     *
     * @param context the plugin's context
     * @param kind the link kind, such as {@code slowlog}
     * @param viewId the view that shows these items
     * @param title the command's title
     * @param describer what the command prints about the item
     */
    public static void register(PluginContext context, String kind, String viewId, String title, Describer describer) {
        Objects.requireNonNull(describer, "describer");
        context.command(new CommandSpec<>(kind + ".show", title,
                "Opens the view that shows a " + kind + " evidence link (" + kind + ":REF) on that item.", Args.class), (args, task) -> {
                    if (args == null || args.ref() == null || args.ref().isBlank()) {
                        throw new IllegalArgumentException("Give the item to show: --ref REF (the part after '" + kind + ":')");
                    }
                    String ref = args.ref().startsWith(kind + ":") ? args.ref().substring(kind.length() + 1) : args.ref();
                    String text = describer.describe(ref);
                    context.events().publish(new ShowView(viewId, ref));
                    return new Shown(kind, ref, viewId, text);
                });
    }
}
