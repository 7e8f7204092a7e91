package dev.triage.plugin.about;

import dev.triage.core.command.CommandSpec;
import dev.triage.core.i18n.Messages;
import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.ViewContribution;

/** Built-in plugin that proves the SPI end to end: an {@code about} command for the CLI and an About view for the shell. */
public final class AboutPlugin implements Plugin {

    /** The plugin id. */
    public static final String ID = "about";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "About Triage", "0.1.0", "core@[0.1,1.0)").withCapabilities("view", "command");
    }

    @Override
    public void init(PluginContext context) {
        Messages messages = context.messages("dev.triage.plugin.about.messages");
        AboutInfo.Source source = new AboutInfo.Source(context);
        context.command(CommandSpec.of(ID, messages.get("command.title"), messages.get("command.description")),
                (args, ctx) -> source.collect());
        context.register(ViewContribution.class, new ViewContribution("about.view", messages.get("view.title"),
                "mdi2i-information-outline", DockArea.CENTER, () -> new AboutView(source.collect(), messages)));
    }
}
