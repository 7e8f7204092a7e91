package dev.triage.app.cli;

import dev.triage.core.command.CommandBus;
import dev.triage.core.command.CommandSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Writes the CLI reference (docs/guide/cli.md) from the commands themselves: picocli's usage of every built-in command and
 * the arguments and description of every plugin command, so the document cannot drift from the code.
 */
final class CliReference {

    private CliReference() {
    }

    static String markdown(CommandLine root, CommandBus bus) {
        StringBuilder sb = new StringBuilder("# Triage command-line reference\n\n")
                .append("Generated from the commands themselves (`./triage docs cli > docs/guide/cli.md`); a test fails when it is out\n")
                .append("of date. Every command also prints its own help with `--help`. Plugin commands accept `--case DIR` (open that\n")
                .append("case first) and `--format text|json|markdown`.\n\n## Built-in commands\n");
        builtIn(sb, root);
        sb.append("\n## Plugin commands\n\nRun as `triage <word> <verb> [files...] [--option value...]`, ")
                .append("or as `triage plugin run <name> key=value...`.\n");
        Map<String, List<CommandSpec<?>>> byWord = new TreeMap<>(bus.commands().stream()
                .collect(Collectors.groupingBy(c -> c.name().contains(".") ? c.name().substring(0, c.name().indexOf('.')) : c.name())));
        for (Map.Entry<String, List<CommandSpec<?>>> e : byWord.entrySet()) {
            sb.append("\n### triage ").append(e.getKey()).append("\n\n| Command | Arguments | What it does |\n| --- | --- | --- |\n");
            for (CommandSpec<?> c : e.getValue().stream().sorted(Comparator.comparing(CommandSpec::name)).toList()) {
                String verb = c.name().equals(e.getKey()) ? "" : " " + c.name().substring(e.getKey().length() + 1);
                sb.append("| `triage ").append(e.getKey()).append(verb).append("` | ")
                        .append(PluginCli.arguments(c).isEmpty() ? "" : "`" + PluginCli.arguments(c) + "`").append(" | ")
                        .append(c.description().replace("|", "\\|").replace("\n", " ")).append(" |\n");
            }
        }
        return sb.toString();
    }

    private static void builtIn(StringBuilder sb, CommandLine cl) {
        if (cl.getCommandSpec().usageMessage().hidden()) {
            return;
        }
        sb.append("\n### ").append(cl.getCommandSpec().qualifiedName()).append("\n\n```text\n")
                .append(cl.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing()).append("\n```\n");
        for (CommandLine sub : cl.getSubcommands().values().stream().distinct()
                .sorted(Comparator.comparing(c -> c.getCommandName())).toList()) {
            builtIn(sb, sub);
        }
    }
}
