package dev.triage.core.plugin;

/**
 * A unit of function that the kernel loads, initialises, starts and stops; built-ins are found with ServiceLoader.
 */
public interface Plugin {

    /**
     * Describes the plugin; called once, before {@link #init}.
     *
     * @return the descriptor
     */
    PluginDescriptor descriptor();

    /**
     * Registers services, commands, views and migrations with the context; must not do long work.
     *
     * @param context the plugin's view of the kernel
     * @throws Exception when the plugin cannot initialise; it then becomes FAILED
     */
    void init(PluginContext context) throws Exception;

    /**
     * Starts background activity, if any; called after every required plugin has started.
     *
     * @throws Exception when the plugin cannot start; it then becomes FAILED
     */
    default void start() throws Exception {
    }

    /**
     * Stops background activity; registrations made through the context are closed by the kernel afterwards.
     *
     * @throws Exception when stopping fails; the plugin then becomes FAILED
     */
    default void stop() throws Exception {
    }

    /**
     * Reports whether the plugin works.
     *
     * @return the plugin's health, UP by default
     */
    default Health health() {
        return Health.up();
    }
}
