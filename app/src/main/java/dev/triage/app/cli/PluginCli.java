package dev.triage.app.cli;

import dev.triage.core.command.CommandBus;
import dev.triage.core.command.CommandSpec;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code triage <plugin> [<command>] [args...]}: runs a plugin's commands as if they were built-in subcommands. */
final class PluginCli {

    private PluginCli() {
    }

    /**
     * Runs the words as a plugin command when the first word names a plugin that offers commands.
     *
     * @return the exit code, or empty when the first word is no plugin
     */
    static Optional<Integer> run(CliSession session, String[] words) throws Exception {
        // --case DIR opens that case first, for commands that work on the current case
        String plugin = words[0];
        CommandBus bus = session.kernel().commands();
        List<CommandSpec<?>> offered = bus.commands().stream().filter(c -> offeredUnder(c, plugin)).toList();
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        List<String> rest = new ArrayList<>(Arrays.asList(words).subList(1, words.length));
        if (rest.isEmpty() && bus.find(plugin).isEmpty() || rest.contains("--help") || rest.contains("-h")) {
            help(session, plugin, offered);
            return Optional.of(0);
        }
        String name = !rest.isEmpty() && bus.find(plugin + "." + rest.get(0)).isPresent() ? plugin + "." + rest.remove(0) : plugin;
        if (bus.find(name).isEmpty()) {
            session.error(session.text("run.noCommand", plugin + " " + rest.get(0),
                    session.text("run.tryOneOf", offered.stream().map(c -> verb(c, plugin)).toList())));
            return Optional.of(2);
        }
        OutputFormat.Kind format = takeFormat(rest);
        if (format == null) {
            session.error(session.text("run.format", java.util.Arrays.toString(OutputFormat.Kind.values())));
            return Optional.of(2);
        }
        String caseDir = take(rest, "--case");
        if (caseDir != null) {
            session.kernel().cases().open(java.nio.file.Path.of(caseDir));
        }
        CommandSpec<?> spec = bus.find(name).orElseThrow();
        CommandArgs args = CommandArgs.parse(rest);
        Map<String, Object> values = args.forRecord(spec.argType());
        if (values == null) {
            session.error(session.text("run.positional", String.join(" ", args.positional()), arguments(spec)));
            return Optional.of(2);
        }
        Object result = bus.executeText(name, values, new PluginCommands.StderrProgress(session));
        ResultPrinter.print(session, format, result);
        return Optional.of(result instanceof dev.triage.core.command.CommandOutput o ? o.exitCode() : 0);
    }

    /** A command belongs under a first word when its plugin has that id or its name starts with that word and a dot. */
    private static boolean offeredUnder(CommandSpec<?> command, String word) {
        return command.pluginId().equals(word) || command.name().startsWith(word + ".");
    }

    /** Removes {@code --format} from the words and returns its value; text when absent, null when unknown. */
    private static OutputFormat.Kind takeFormat(List<String> rest) {
        String value = take(rest, "--format");
        if (value == null) {
            return OutputFormat.Kind.text;
        }
        return Arrays.stream(OutputFormat.Kind.values()).filter(k -> k.name().equals(value)).findFirst().orElse(null);
    }

    /** Removes a CLI-level option ({@code --name value} or {@code --name=value}) from the words and returns its value. */
    private static String take(List<String> rest, String option) {
        String value = null;
        for (int i = 0; i < rest.size(); i++) {
            if (rest.get(i).equals(option) && i + 1 < rest.size()) {
                value = rest.get(i + 1);
                rest.subList(i, i + 2).clear();
                i--;
            } else if (rest.get(i).startsWith(option + "=")) {
                value = rest.get(i).substring(option.length() + 1);
                rest.remove(i--);
            }
        }
        return value;
    }

    private static void help(CliSession session, String plugin, List<CommandSpec<?>> offered) {
        session.out().println(session.text("plugincli.usage", plugin));
        TextTable t = new TextTable("", "", "");
        for (CommandSpec<?> c : offered) {
            t.row(verb(c, plugin), arguments(c), c.description());
        }
        t.print(session.out());
    }

    private static String verb(CommandSpec<?> c, String word) {
        return c.name().equals(word) ? "" : c.name().startsWith(word + ".") ? c.name().substring(word.length() + 1) : c.name();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    static String arguments(CommandSpec<?> c) {
        if (!c.argType().isRecord()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (RecordComponent rc : c.argType().getRecordComponents()) {
            out.add(List.class.isAssignableFrom(rc.getType()) ? rc.getName() + "..." : "--" + kebab(rc.getName()));
        }
        return String.join(" ", out);
    }
}
