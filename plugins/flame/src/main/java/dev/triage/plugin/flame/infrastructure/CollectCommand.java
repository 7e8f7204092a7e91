package dev.triage.plugin.flame.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.CaseService;
import dev.triage.core.cases.ImportSummary;
import dev.triage.core.command.CommandException;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.flame.application.CollectArgs;
import dev.triage.plugin.flame.application.Collector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** {@code flame.collect}: captures a pprof or JFR profile for N seconds and stores it in the open case with target and time. */
public final class CollectCommand {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Collector collector;
    private final CaseService cases;

    /**
     * Creates the command.
     *
     * @param collector captures profiles
     * @param cases the open case
     */
    public CollectCommand(Collector collector, CaseService cases) {
        this.collector = collector;
        this.cases = cases;
    }

    /**
     * Collects and imports.
     *
     * @param args what to profile and for how long
     * @param context progress and cancellation
     * @return the import summary
     * @throws Exception when collection fails; the case is then unchanged
     */
    public ImportSummary handle(CollectArgs args, TaskContext context) throws Exception {
        Case theCase = cases.current().orElseThrow(() -> new CommandException("flame collect needs an open case: add --case DIR", null));
        int seconds = args.seconds() == null ? 30 : args.seconds();
        if (seconds < 1 || seconds > 3600) {
            throw new CommandException("--seconds must be between 1 and 3600, got " + seconds, null);
        }
        if ((args.pprof() == null) == (args.jfrPid() == null)) {
            throw new CommandException("flame collect needs one of --pprof URL or --jfr-pid PID", null);
        }
        Instant at = Instant.now();
        Path dir = Files.createTempDirectory("triage-collect-");
        try {
            String target;
            Path file;
            if (args.pprof() != null) {
                target = args.pprof();
                file = dir.resolve("pprof-" + host(target) + "-" + STAMP.format(at) + ".pb.gz");
                collector.pprof(args.pprof(), seconds, file, context);
            } else {
                target = "jvm pid " + args.jfrPid();
                file = dir.resolve("jfr-" + args.jfrPid() + "-" + STAMP.format(at) + ".jfr");
                collector.jfr(args.jfrPid(), seconds, file, context);
            }
            context.checkCancelled();
            return theCase.importAtomically("profile of " + target, context,
                    session -> FlameImporter.store(file, session, target, at));
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static String host(String url) {
        try {
            java.net.URI u = java.net.URI.create(url);
            return (u.getHost() + "-" + u.getPort()).replaceAll("[^A-Za-z0-9.-]", "_");
        } catch (IllegalArgumentException e) {
            return "endpoint";
        }
    }
}
