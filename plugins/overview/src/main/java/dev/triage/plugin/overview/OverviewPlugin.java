package dev.triage.plugin.overview;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.SchemaMigrations;
import dev.triage.core.command.CommandSpec;
import dev.triage.core.command.NoArgs;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.ViewContribution;
import dev.triage.plugin.overview.application.AckArgs;
import dev.triage.plugin.overview.application.AlertBench;
import dev.triage.plugin.overview.application.AlertTestArgs;
import dev.triage.plugin.overview.application.SilenceArgs;
import dev.triage.plugin.overview.infrastructure.AlertNotifications;
import dev.triage.plugin.overview.application.AlertsReport;
import dev.triage.plugin.overview.application.Collector;
import dev.triage.plugin.overview.application.OverviewArgs;
import dev.triage.plugin.overview.application.OverviewReport;
import dev.triage.plugin.overview.application.OverviewReportSection;
import dev.triage.plugin.overview.application.OverviewService;
import dev.triage.plugin.overview.application.Watch;
import dev.triage.plugin.overview.application.WatchArgs;
import dev.triage.plugin.overview.domain.AlertEngine;
import dev.triage.plugin.overview.domain.AlertRule;
import dev.triage.plugin.overview.infrastructure.AlertRulesFile;
import dev.triage.plugin.overview.infrastructure.DiagnosticsMetricSource;
import dev.triage.plugin.overview.infrastructure.DuckDbSampleStore;
import dev.triage.plugin.overview.infrastructure.MySqlMetricSource;
import dev.triage.plugin.overview.infrastructure.OverviewSchema;
import dev.triage.plugin.overview.ui.AlertRulesView;
import dev.triage.plugin.overview.ui.OverviewView;
import dev.triage.plugin.overview.application.AlertRuleFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Built-in plugin: collects samples of the saved targets into the case, shows an overview, forecasts storage and raises alerts. */
public final class OverviewPlugin implements Plugin {

    /** The id of the overview view. */
    public static final String VIEW_ID = "overview.view";
    /** The id of the alert rule editor. */
    public static final String RULES_VIEW_ID = "overview.rules";

    private final Clock clock = Clock.systemUTC();
    private volatile OverviewService current;
    private volatile Case currentCase;
    private volatile AlertNotifications notifications;

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(OverviewService.PLUGIN, "Cluster overview and alerts", "0.1.0", "core@[0.1,1.0)")
                .withCapabilities("view", "collect:mysql");
    }

    @Override
    public void init(PluginContext context) {
        context.register(SchemaMigrations.class, OverviewSchema.MIGRATIONS);
        AlertNotifications notify = new AlertNotifications(context, clock, () -> System.in);
        notifications = notify;
        DuckDbSampleStore store = new DuckDbSampleStore(context.cases());
        MySqlMetricSource mysql = new MySqlMetricSource(clock);
        DiagnosticsMetricSource others = new DiagnosticsMetricSource(context.services(), clock);
        Watch watch = new Watch(context.tasks(), wanted -> targets(context, wanted), List.of(mysql, others), () -> service(context, store),
                clock);
        context.command(new CommandSpec<>("watch", "Collect samples of the saved targets",
                "Samples every saved MySQL/MariaDB/TiDB target (and Redis/Kafka through the diagnostics plugins) into the case until Ctrl+C:"
                        + " --case DIR [--targets a,b] [--interval 30s] [--duration 10m] [--timeout 10s] [--concurrency 4]", WatchArgs.class),
                (args, task) -> {
                    if (context.cases().current().isEmpty()) {
                        throw new IllegalArgumentException("No case is open: give --case DIR (create one with: triage case new DIR)");
                    }
                    return watch.run(args == null ? new WatchArgs(null, null, null, null, null) : args, task);
                });
        context.command(new CommandSpec<>("overview", "Overview of the watched targets",
                "Latest state, key numbers, storage forecast and active alerts of each target of the case: --case DIR", NoArgs.class),
                (args, task) -> OverviewReport.of(service(context, store)));
        context.command(new CommandSpec<>("alerts.list", "List the alert rules",
                "The alert rules in effect (alert-rules.json of the case, else of the settings folder, else the defaults)", NoArgs.class),
                (args, task) -> new AlertsReport(rules(context), List.of()));
        context.command(new CommandSpec<>("alerts.test", "Try an alert rule",
                "Evaluates a rule on the latest sample of each target of the case, without raising anything: alerts test RULE --case DIR",
                AlertTestArgs.class), (args, task) -> {
                    if (args == null || args.rule() == null || args.rule().size() != 1) {
                        throw new IllegalArgumentException("Give one rule name: triage alerts test RULE --case DIR");
                    }
                    return AlertsReport.test(service(context, store), args.rule().get(0));
                });
        context.command(new CommandSpec<>("alerts.history", "Alert state changes",
                "The recorded alert transitions of the case, newest first: --case DIR [--limit 50]", OverviewArgs.class),
                (args, task) -> new AlertsReport(List.of(), store.history(args == null || args.limit() == null ? 50 : args.limit())));
        context.command(new CommandSpec<>("alerts.silence", "Silence alert notifications",
                "Mutes the notifications of alerts whose labels match (alertname, target, severity, metric, rule labels):"
                        + " alerts silence target=db-1 alertname=~repl.* --duration 2h --comment TEXT --case DIR", SilenceArgs.class),
                (args, task) -> notify.silence(args));
        context.command(new CommandSpec<>("alerts.silences", "Active silences", "The silences of the case that have not ended: --case DIR",
                NoArgs.class), (args, task) -> notify.listSilences());
        context.command(new CommandSpec<>("alerts.unsilence", "End a silence", "Ends a silence now: alerts unsilence ID --case DIR",
                AckArgs.class), (args, task) -> notify.unsilence(args));
        context.command(new CommandSpec<>("alerts.ack", "Acknowledge an alert",
                "Stops the repeats of a firing alert until it resolves: alerts ack RULE TARGET --comment TEXT --case DIR", AckArgs.class),
                (args, task) -> notify.acknowledge(args));
        context.command(new CommandSpec<>("alerts.secret", "Store a notifier secret",
                "Stores the first line of standard input (a webhook URL, a signing secret, an SMTP password) in the secret store under"
                        + " KEY, the name alert-notify.json gives: echo URL | triage alerts secret alerts/ops-slack/url", AckArgs.class),
                (args, task) -> notify.secret(args));
        context.command(new CommandSpec<>("alerts.notify", "Send a test notification",
                "Sends a test alert to every receiver its routes reach (alert-notify.json of the case or the settings folder): --case DIR",
                NoArgs.class), (args, task) -> notify.test());
        context.command(new CommandSpec<>("alerts.deliveries", "Notification deliveries",
                "The latest notifications sent or failed, newest first: --case DIR [--limit 50]", OverviewArgs.class),
                (args, task) -> notify.deliveries(args == null || args.limit() == null ? 50 : args.limit()));
        context.command(new CommandSpec<>("alerts.bench", "Benchmark the alert engine",
                "Evaluates synthetic rules on synthetic targets round after round and prints the CPU time per round:"
                        + " alerts bench [--rules 1000] [--targets 20] [--rounds 60]", AlertBench.Args.class),
                (args, task) -> AlertBench.run(args));
        AlertRuleFiles ruleFiles = new AlertRuleFiles() {
            @Override
            public Loaded load() throws Exception {
                java.nio.file.Path file = AlertRulesFile.find(context.cases().current().map(Case::folder).orElse(null), context.paths().config());
                return new Loaded(rules(context), file == null ? "the shipped defaults" : file.toString(), target().toString());
            }

            /** The case's file (else the settings folder's), in the format of the file already there, TOML for a new one. */
            private java.nio.file.Path target() {
                java.nio.file.Path folder = context.cases().current().map(Case::folder).orElse(context.paths().config());
                boolean json = java.nio.file.Files.isRegularFile(folder.resolve(AlertRulesFile.FILE))
                        && !java.nio.file.Files.isRegularFile(folder.resolve(AlertRulesFile.TOML_FILE));
                return folder.resolve(json ? AlertRulesFile.FILE : AlertRulesFile.TOML_FILE);
            }

            @Override
            public String save(List<AlertRule> rules) throws Exception {
                java.nio.file.Path file = target();
                if (file.getFileName().toString().endsWith(".toml")) {
                    AlertRulesFile.writeToml(rules, file);
                } else {
                    AlertRulesFile.write(rules, file);
                }
                synchronized (OverviewPlugin.this) {
                    current = null;
                }
                return file.toString();
            }
        };
        context.register(ViewContribution.class, new ViewContribution(RULES_VIEW_ID, "Alert rules", "mdi2b-bell-outline", DockArea.CENTER,
                () -> AlertRulesView.create(ruleFiles, context.tasks())));
        context.register(ReportContributor.class, new OverviewReportSection(store, () -> service(context, store)));
        context.register(ViewContribution.class, new ViewContribution(VIEW_ID, "Overview", "mdi2v-view-dashboard-outline", DockArea.CENTER,
                () -> OverviewView.create(() -> service(context, store), context.cases(), context.tasks(), context.events(), watch,
                        notify.inbox())));
    }

    @Override
    public void stop() {
        AlertNotifications notify = notifications;
        if (notify != null) {
            notify.stop();
        }
    }

    private static List<AlertRule> rules(PluginContext context) {
        try {
            return AlertRulesFile.load(context.cases().current().map(Case::folder).orElse(null), context.paths().config());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The service of the open case, built again when another case is opened (its rules are read then). */
    private synchronized OverviewService service(PluginContext context, DuckDbSampleStore store) {
        Case open = context.cases().current().orElse(null);
        if (current == null || open != currentCase) {
            currentCase = open;
            current = new OverviewService(store, new AlertEngine(rules(context)), clock);
            AlertNotifications notify = notifications;
            if (notify != null) {
                current.onTransitions(notify::accept);
            }
            if (open != null) {
                try {
                    current.restoreAlerts();
                } catch (Exception e) {
                    context.log().warn("Cannot read the alert history of {}: {}", open.folder(), e.getMessage());
                }
            }
        }
        return current;
    }

    private static Collector.Targets targets(PluginContext context, Set<String> wanted) {
        return new Collector.Targets() {
            @Override
            public List<ConnectionTarget> list() throws IOException {
                return Watch.filter(context.connections().list(), wanted);
            }

            @Override
            public char[] password(ConnectionTarget target) {
                try {
                    return context.connections().password(target.id()).orElse(null);
                } catch (Exception e) {
                    return null;
                }
            }
        };
    }
}
