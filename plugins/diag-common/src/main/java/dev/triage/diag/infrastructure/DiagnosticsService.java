package dev.triage.diag.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.CaseService;
import dev.triage.core.connection.ConnectionStore;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.diagnostics.Capture;
import dev.triage.core.diagnostics.CaptureItem;
import dev.triage.core.diagnostics.Diagnosis;
import dev.triage.core.diagnostics.MiddlewareDiagnostics;
import dev.triage.core.finding.FindingStore;
import dev.triage.core.service.ServiceRegistry;
import dev.triage.core.task.TaskContext;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs diagnostics for the commands and views: offline dumps and saved captures, live targets from saved connections,
 * captures saved into the open case, findings stored in the case (replacing earlier ones on the same target).
 */
public final class DiagnosticsService {

    private final ServiceRegistry services;
    private final CaseService cases;
    private final Supplier<ConnectionStore> connections;

    /**
     * Creates the service.
     *
     * @param services where the MiddlewareDiagnostics are published
     * @param cases the current case
     * @param connections the saved connections
     */
    public DiagnosticsService(ServiceRegistry services, CaseService cases, Supplier<ConnectionStore> connections) {
        this.services = services;
        this.cases = cases;
        this.connections = connections;
    }

    /**
     * Diagnoses dumps and saved captures ({@code diag.file}).
     *
     * @param args the files and options
     * @param task progress and cancel
     * @return one result per file, and the files that could not be read
     * @throws Exception when a rules file is invalid or the case cannot be written
     */
    public DiagnosisResults diagnoseFiles(FileArgs args, TaskContext task) throws Exception {
        if (args == null || args.files() == null || args.files().isEmpty()) {
            throw new IllegalArgumentException("Give one or more dump files: triage diag file DUMP... [--kind K]");
        }
        List<DiagnosisResult> results = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int n = 0;
        for (String name : args.files()) {
            if (task != null) {
                task.checkCancelled();
                task.progress((double) n++ / args.files().size(), name);
            }
            try {
                Diagnosis d = diagnoseFile(Path.of(name), args.kind(), categories(args.category()), args.rules());
                results.add(DiagnosisResult.of(d, null));
            } catch (SkippedFile e) {
                skipped.add(e.getMessage());
            }
        }
        if (task != null) {
            task.progress(1, "done");
        }
        return new DiagnosisResults(results, skipped);
    }

    /** A dump that is not diagnosed, with the reason naming the file. */
    public static final class SkippedFile extends Exception {
        private static final long serialVersionUID = 1L;

        SkippedFile(String message) {
            super(message);
        }
    }

    /**
     * Diagnoses one dump or saved capture and stores the findings when a case is open.
     *
     * @param file the file
     * @param kind the dump kind, or null to detect it
     * @param categories the category ids; empty for all
     * @param rulesFile a rules file for this run, or null
     * @return the diagnosis
     * @throws SkippedFile when the file is missing or not recognised (the message names it)
     * @throws Exception when a rules file is invalid or the case cannot be written
     */
    public Diagnosis diagnoseFile(Path file, String kind, Set<String> categories, String rulesFile) throws Exception {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new SkippedFile(name + ": no such file");
        }
        String text = read(file);
        Capture capture;
        MiddlewareDiagnostics diag;
        if (CaptureFiles.isCapture(text)) {
            capture = CaptureFiles.fromJson(text, name);
            diag = byPlugin(capture.pluginId()).orElseThrow(() -> new SkippedFile(name + ": no diagnostics plugin '"
                    + capture.pluginId() + "' is running"));
        } else {
            String k = kind == null || kind.isBlank() ? detect(text).orElse(null) : kind.trim();
            if (k == null) {
                throw new SkippedFile(name + ": not a dump Triage recognises; give --kind, one of " + kinds());
            }
            diag = byKind(k).orElseThrow(() -> new IllegalArgumentException("Unknown --kind '" + k + "', expected one of " + kinds()));
            capture = new Capture(diag.pluginId(), file.getFileName().toString(), Files.getLastModifiedTime(file).toInstant(),
                    List.of(new CaptureItem(k, "file " + file.getFileName(), text)));
        }
        Diagnosis d = diagnose(diag, capture, categories, rulesFile);
        store(d);
        Optional<Case> c = cases.current();
        if (c.isPresent() && !file.toAbsolutePath().normalize().startsWith(c.get().folder().toAbsolutePath().normalize())) {
            CaptureFiles.save(c.get().folder(), capture);
        }
        return d;
    }

    /**
     * Returns the newest capture a plugin saved in the open case.
     *
     * @param pluginId the plugin
     * @return the capture file, or empty when no case is open or it has none
     * @throws IOException when the case folder cannot be listed
     */
    public Optional<Path> latestCapture(String pluginId) throws IOException {
        Optional<Case> c = cases.current();
        if (c.isEmpty()) {
            return Optional.empty();
        }
        Path dir = c.get().folder().resolve("captures").resolve(pluginId);
        List<Path> all = CaptureFiles.list(c.get().folder()).stream().filter(p -> p.startsWith(dir)).toList();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Diagnoses a saved connection live and stores the findings when a case is open.
     *
     * @param diag the diagnostic to use
     * @param args the connection and categories
     * @return the diagnosis
     * @throws Exception when the connection is unknown or the target cannot be read
     */
    public Diagnosis liveDiagnosis(MiddlewareDiagnostics diag, LiveArgs args) throws Exception {
        Capture capture = captureLive(diag, args);
        Diagnosis d = diag.diagnose(capture, categories(args.category()));
        store(d);
        return d;
    }

    /**
     * Diagnoses a saved connection live ({@code diag.redis}, {@code diag.mysql}, {@code diag.kafka}); when a case is open
     * the findings are stored in it.
     *
     * @param diag the diagnostic to use
     * @param args the connection and categories
     * @return the result
     * @throws Exception when the connection is unknown or the target cannot be read
     */
    public DiagnosisResult diagnoseLive(MiddlewareDiagnostics diag, LiveArgs args) throws Exception {
        return DiagnosisResult.of(liveDiagnosis(diag, args), null);
    }

    /**
     * Captures a saved connection's raw state into the open case and diagnoses it ({@code diag.capture}).
     *
     * @param args the connection and categories
     * @return the result, naming the saved capture file
     * @throws Exception when no case is open, the connection is unknown or the target cannot be read
     */
    public DiagnosisResult captureToCase(LiveArgs args) throws Exception {
        CaptureOutcome o = captureDiagnosis(args);
        return DiagnosisResult.of(o.diagnosis(), o.caseFolder().relativize(o.file()).toString());
    }

    /**
     * A capture saved into a case, and its diagnosis.
     *
     * @param caseFolder the case's folder
     * @param file the capture file
     * @param diagnosis the diagnosis
     */
    public record CaptureOutcome(Path caseFolder, Path file, Diagnosis diagnosis) {
    }

    /**
     * Captures a saved connection into the open case and diagnoses it.
     *
     * @param args the connection and categories
     * @return the capture file and the diagnosis
     * @throws Exception when no case is open, the connection is unknown or the target cannot be read
     */
    public CaptureOutcome captureDiagnosis(LiveArgs args) throws Exception {
        Case c = cases.current().orElseThrow(() -> new IllegalStateException(
                "diag capture saves into a case: give --case DIR (or open a case in the window)"));
        ConnectionTarget target = target(args);
        MiddlewareDiagnostics diag = forConnection(target);
        Capture capture = captureLive(diag, args);
        Path file = CaptureFiles.save(c.folder(), capture);
        Diagnosis d = diag.diagnose(capture, categories(args.category()));
        store(d);
        return new CaptureOutcome(c.folder(), file, d);
    }

    /**
     * Diagnoses a capture with the diagnostic that made it, and stores the findings when a case is open.
     *
     * @param capture the capture
     * @param categories the category ids; empty for all
     * @return the diagnosis
     * @throws Exception when no running plugin diagnoses it or the case cannot be written
     */
    public Diagnosis diagnose(Capture capture, Set<String> categories) throws Exception {
        MiddlewareDiagnostics diag = byPlugin(capture.pluginId())
                .orElseThrow(() -> new IllegalStateException("No diagnostics plugin '" + capture.pluginId() + "' is running"));
        Diagnosis d = diag.diagnose(capture, categories);
        store(d);
        return d;
    }

    /**
     * Captures a live target, read-only.
     *
     * @param diag the diagnostic
     * @param args the connection
     * @return the capture
     * @throws Exception when the connection is unknown or the target cannot be read
     */
    public Capture captureLive(MiddlewareDiagnostics diag, LiveArgs args) throws Exception {
        ConnectionTarget target = target(args);
        if (!diag.connectionKinds().contains(target.kind())) {
            throw new IllegalArgumentException("Connection '" + target.name() + "' is " + target.kind() + "; " + diag.pluginId()
                    + " examines " + diag.connectionKinds());
        }
        char[] password = null;
        String locked = null;
        try {
            password = connections.get().password(target.id()).orElse(null);
        } catch (dev.triage.core.connection.SecretStoreException e) {
            locked = e.getMessage();
        }
        try {
            return diag.capture(target, password);
        } catch (Exception e) {
            if (locked != null) {
                throw new IllegalStateException("Cannot read '" + target.name() + "' (" + e.getMessage() + "); its password was not"
                        + " available: " + locked, e);
            }
            throw e;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /**
     * Finds a saved connection by id or name.
     *
     * @param args the arguments naming it
     * @return the connection
     * @throws IOException when the connections file cannot be read
     */
    public ConnectionTarget target(LiveArgs args) throws IOException {
        if (args == null || args.connection() == null || args.connection().isBlank()) {
            throw new IllegalArgumentException("Give a saved connection: --connection NAME (see triage connection list)");
        }
        String want = args.connection().trim();
        return connections.get().list().stream().filter(t -> t.id().equals(want) || t.name().equals(want)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No saved connection '" + want + "'"));
    }

    /**
     * Returns the running diagnostic that examines a connection's kind.
     *
     * @param target the connection
     * @return the diagnostic
     */
    public MiddlewareDiagnostics forConnection(ConnectionTarget target) {
        return services.findAll(MiddlewareDiagnostics.class).stream().filter(d -> d.connectionKinds().contains(target.kind()))
                .findFirst().orElseThrow(() -> new IllegalStateException("No diagnostics plugin for " + target.kind() + " is running"));
    }

    /**
     * Splits a comma-separated category list.
     *
     * @param text such as {@code memory,replication}, or null
     * @return the category ids; empty for all
     */
    public static Set<String> categories(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : text.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private Diagnosis diagnose(MiddlewareDiagnostics diag, Capture capture, Set<String> categories, String rulesFile) throws IOException {
        if (rulesFile != null && !rulesFile.isBlank() && diag instanceof RuleBasedDiagnostics rb) {
            Path p = Path.of(rulesFile);
            if (!Files.isRegularFile(p)) {
                throw new IOException("The rules file " + rulesFile + " does not exist");
            }
            return rb.diagnose(capture, categories, RulesLoader.override(rb.rules(), p));
        }
        return diag.diagnose(capture, categories);
    }

    private void store(Diagnosis d) throws Exception {
        Optional<Case> c = cases.current();
        if (c.isPresent()) {
            new FindingStore(c.get()).replace(d.capture().pluginId(), d.capture().target(), d.plainFindings());
        }
    }

    private Optional<String> detect(String text) {
        for (MiddlewareDiagnostics d : services.findAll(MiddlewareDiagnostics.class)) {
            Optional<String> k = d.detectDumpKind(text);
            if (k.isPresent()) {
                return k;
            }
        }
        return Optional.empty();
    }

    private Optional<MiddlewareDiagnostics> byKind(String kind) {
        return services.findAll(MiddlewareDiagnostics.class).stream().filter(d -> d.dumpKinds().contains(kind)).findFirst();
    }

    private Optional<MiddlewareDiagnostics> byPlugin(String pluginId) {
        return services.findAll(MiddlewareDiagnostics.class).stream().filter(d -> d.pluginId().equals(pluginId)).findFirst();
    }

    private List<String> kinds() {
        return services.findAll(MiddlewareDiagnostics.class).stream().flatMap(d -> d.dumpKinds().stream()).toList();
    }

    private static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    }

    /**
     * Makes a capture of a single pasted dump, as the views do for text pasted by the user.
     *
     * @param diag the diagnostic
     * @param kind the dump kind
     * @param name a name for the target
     * @param text the dump
     * @return the capture
     */
    public static Capture pasted(MiddlewareDiagnostics diag, String kind, String name, String text) {
        return new Capture(diag.pluginId(), name, Instant.now(), List.of(new CaptureItem(kind, "pasted", text)));
    }
}
