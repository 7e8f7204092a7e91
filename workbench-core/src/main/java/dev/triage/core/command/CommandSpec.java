package dev.triage.core.command;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named command with a typed argument record, offered to menus, the command palette and the CLI alike.
 *
 * @param name a dotted name such as {@code about.info}; the part before the first dot is the owning plugin id
 * @param title the short label shown in menus and the palette
 * @param description one sentence shown in help
 * @param argType the record type of the arguments ({@link NoArgs} when there are none)
 * @param <A> the argument type
 */
public record CommandSpec<A>(String name, String title, String description, Class<A> argType) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*");

    /**
     * Checks the name is a dotted lower-case name.
     *
     * @param name the name
     * @param title the title
     * @param description the description
     * @param argType the argType
     */
    public CommandSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Command name '" + name + "' must be dotted lower-case words, e.g. about.info");
        }
        Objects.requireNonNull(argType, "argType");
        title = title == null ? name : title;
        description = description == null ? "" : description;
    }

    /**
     * Declares a command that takes no arguments.
     *
     * @param name the command name
     * @param title the label
     * @param description the help sentence
     * @return the spec
     */
    public static CommandSpec<NoArgs> of(String name, String title, String description) {
        return new CommandSpec<>(name, title, description, NoArgs.class);
    }

    /**
     * Returns the id of the plugin that owns the command (the part before the first dot).
     *
     * @return the plugin id
     */
    public String pluginId() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
