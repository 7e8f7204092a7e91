package dev.triage.app.cli;

import dev.triage.core.command.CommandSpec;
import dev.triage.core.plugin.Health;
import dev.triage.core.plugin.ManagedPlugin;
import dev.triage.core.plugin.PluginManager;
import dev.triage.core.task.TaskContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code triage plugin list|run}. */
@Command(name = "plugin", mixinStandardHelpOptions = true,
        subcommands = {PluginCommands.ListPlugins.class, PluginCommands.Run.class})
final class PluginCommands {

    /** One row of {@code plugin list}. */
    record Row(String id, String name, String version, String state, String failure, String origin,
               Health health, Map<String, Long> timingsMicros) {
        static Row of(ManagedPlugin p, PluginManager manager) {
            return new Row(p.id(), p.descriptor().name(), p.descriptor().version().toString(), p.state().name(),
                    p.failure(), p.origin().map(Object::toString).orElse("built-in"), manager.health(p), p.timingsMicros());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListPlugins extends SessionCommand {

        ListPlugins(CliSession session) {
            super(session);
        }

        @Override
        public Integer call() throws Exception {
            PluginManager manager = session.kernel().plugins();
            List<Row> rows = manager.plugins().stream().map(p -> Row.of(p, manager)).toList();
            if (format.json()) {
                session.printJson(rows);
            } else {
                TextTable t = new TextTable(session.text("plugins.id"), session.text("plugins.version"),
                        session.text("plugins.state"), session.text("plugins.name"));
                rows.forEach(r -> t.row(r.id(), r.version(), r.state(), r.name() + (r.failure().isEmpty() ? "" : " — " + r.failure())));
                t.print(session.out());
            }
            return rows.stream().anyMatch(r -> r.state().equals("FAILED")) ? 1 : 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true)
    static final class Run extends SessionCommand {
        @Parameters(index = "0", paramLabel = "<id>", descriptionKey = "id")
        String id;
        @Parameters(index = "1..*", paramLabel = "key=value", descriptionKey = "args")
        List<String> args = new ArrayList<>();

        Run(CliSession session) {
            super(session);
        }

        @Override
        public Integer call() throws Exception {
            var bus = session.kernel().commands();
            if (bus.find(id).isEmpty()) {
                List<String> offered = bus.commands().stream().filter(c -> c.pluginId().equals(id)).map(CommandSpec::name).toList();
                String plugin = session.kernel().plugins().find(id).map(p -> p.failure().isEmpty()
                        ? session.text("run.pluginState", id, p.state())
                        : session.text("run.pluginFailed", id, p.state(), p.failure())).orElse(session.text("run.noSuchPlugin", id));
                session.error(session.text("run.noCommand", id, offered.isEmpty() ? plugin : session.text("run.tryOneOf", offered)));
                return 2;
            }
            CommandArgs named = new CommandArgs();
            for (String a : args) {
                int eq = a.indexOf('=');
                if (eq <= 0) {
                    session.error(session.text("run.notKeyValue", a));
                    return 2;
                }
                named.put(a.substring(0, eq), a.substring(eq + 1));
            }
            Object result = bus.executeText(id, named.named(), new StderrProgress(session));
            ResultPrinter.print(session, format.kind, result);
            return result instanceof dev.triage.core.command.CommandOutput o ? o.exitCode() : 0;
        }
    }

    /** Prints task progress on stderr as the CLI's progress line, skipping repeats. */
    static final class StderrProgress implements TaskContext {
        private final CliSession session;
        private String last = "";

        StderrProgress(CliSession session) {
            this.session = session;
        }

        @Override
        public synchronized void progress(double fraction, String message) {
            String line = String.format("%3d%% %s", Math.round(Math.max(0, fraction) * 100), message);
            if (fraction < 0 || line.equals(last)) {
                return;
            }
            session.err().print("\r" + line + " ".repeat(Math.max(0, last.length() - line.length())));
            if (fraction >= 1) {
                session.err().println();
            }
            session.err().flush();
            last = line;
        }

        @Override
        public boolean isCancelled() {
            return Thread.currentThread().isInterrupted();
        }
    }
}
