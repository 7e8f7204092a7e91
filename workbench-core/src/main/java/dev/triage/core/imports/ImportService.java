package dev.triage.core.imports;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.CaseEvents;
import dev.triage.core.cases.CaseException;
import dev.triage.core.cases.ImportSummary;
import dev.triage.core.event.EventBus;
import dev.triage.core.service.ServiceRegistry;
import dev.triage.core.task.TaskExecutor;
import dev.triage.core.task.TaskHandle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Imports files into a case through whichever registered {@link FileImporter} claims each one, as one atomic task. */
public final class ImportService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImportService.class);

    private final ServiceRegistry registry;
    private final TaskExecutor tasks;
    private final EventBus events;

    /**
     * Creates the service.
     *
     * @param registry where importers are registered
     * @param tasks where imports run
     * @param events where {@link CaseEvents.Imported} is published
     */
    public ImportService(ServiceRegistry registry, TaskExecutor tasks, EventBus events) {
        this.registry = registry;
        this.tasks = tasks;
        this.events = events;
    }

    /**
     * Replaces folders by the regular files under them (hidden ones skipped), sorted, keeping files as given.
     *
     * @param paths files and folders
     * @return the files to import
     * @throws IOException when a path does not exist or a folder cannot be read
     */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new java.util.ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new java.nio.file.NoSuchFileException(p.toString(), null, "no such file or folder");
            }
            if (!Files.isDirectory(p)) {
                out.add(p);
                continue;
            }
            try (var walk = Files.walk(p)) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> java.util.stream.StreamSupport.stream(p.relativize(f).spliterator(), false)
                                .noneMatch(part -> part.toString().startsWith(".")))
                        .sorted().forEach(out::add);
            }
        }
        return out;
    }

    /**
     * Finds the importer that claims a file most strongly.
     *
     * @param file the file
     * @return the importer, or empty when none claims it
     * @throws IOException when the file cannot be read
     */
    public Optional<FileImporter> importerFor(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        FileImporter best = null;
        int bestClaim = 0;
        for (FileImporter i : registry.findAll(FileImporter.class)) {
            int claim;
            try {
                claim = i.claim(file, head);
            } catch (RuntimeException e) {
                LOG.warn("Importer {} failed to look at {}: {}", i.id(), file, e.toString());
                continue;
            }
            if (claim > bestClaim) {
                best = i;
                bestClaim = claim;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Starts importing files into a case as one task; all files commit together or none does.
     *
     * @param target the case
     * @param paths the files and folders (a folder imports the files under it)
     * @return the task handle, whose result is the summary
     */
    public TaskHandle<ImportSummary> importFiles(Case target, List<Path> paths) {
        String label = paths.size() == 1 ? paths.get(0).getFileName().toString() : paths.size() + " files";
        return tasks.submit("Import " + label, ctx -> {
            List<Path> files = expand(paths);
            ImportSummary s = target.importAtomically(label, ctx, session -> {
                for (int i = 0; i < files.size(); i++) {
                    Path f = files.get(i);
                    ctx.checkCancelled();
                    ctx.progress((double) i / files.size(), "Importing " + f.getFileName());
                    FileImporter imp = importerFor(f).orElseThrow(
                            () -> new CaseException("No plugin can import " + f + " (unknown file type)", null));
                    try {
                        session.importing(imp.id());
                        imp.importFile(f, session);
                        session.fileDone();
                    } catch (CaseException | java.util.concurrent.CancellationException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new CaseException(f + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
                    }
                }
                ctx.progress(1, "Committing");
            });
            events.publish(new CaseEvents.Imported(target.folder(), s));
            return s;
        });
    }
}
