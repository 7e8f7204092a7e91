package dev.triage.app.shell;

import dev.triage.app.shell.views.LogView;
import dev.triage.app.shell.views.PluginsView;
import dev.triage.app.shell.views.PluginsViewModel;
import dev.triage.app.shell.views.WelcomeView;
import dev.triage.app.shell.views.WelcomeViewModel;
import dev.triage.core.i18n.Messages;
import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.core.plugin.PluginManager;
import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.ViewContribution;

/** The shell's internal plugin: contributes the Welcome, Plugins and Log views like any other plugin does. */
public final class ShellPlugin implements Plugin {

    /** The plugin id. */
    public static final String ID = "shell";
    /** The welcome view's id. */
    public static final String WELCOME = "shell.welcome";
    /** The plugins view's id. */
    public static final String PLUGINS = "shell.plugins";
    /** The user guide's id. */
    public static final String GUIDE = "shell.guide";
    /** The log view's id. */
    public static final String LOG = "shell.log";

    private final PluginManager plugins;

    /**
     * Creates the plugin.
     *
     * @param plugins the plugin manager the Plugins view lists
     */
    public ShellPlugin(PluginManager plugins) {
        this.plugins = plugins;
    }

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "Shell", "0.1.0", "core@[0.1,1.0)").withCapabilities("view");
    }

    @Override
    public void init(PluginContext context) {
        Messages m = context.messages(ShellTexts.BUNDLE);
        context.register(ViewContribution.class, new ViewContribution(WELCOME, m.get("view.welcome"), "mdi2h-home-outline",
                DockArea.CENTER, () -> new WelcomeView(new WelcomeViewModel(context.cases()),
                        () -> context.services().find(ShellActions.class).orElse(ShellActions.NONE), context.events(), m)));
        context.register(ViewContribution.class, new ViewContribution(PLUGINS, m.get("view.plugins"), "mdi2p-puzzle-outline",
                DockArea.CENTER, () -> new PluginsView(new PluginsViewModel(plugins), context.events(), m)));
        context.register(ViewContribution.class, new ViewContribution(GUIDE, m.get("view.guide"), "mdi2b-book-open-variant",
                DockArea.CENTER, () -> new dev.triage.app.shell.guide.GuideView(m)));
        context.register(ViewContribution.class, new ViewContribution(LOG, m.get("view.log"), "mdi2t-text-box-outline",
                DockArea.BOTTOM, () -> new LogView(context.paths().logs().resolve("triage.log"), m)));
    }
}
