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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Imports files into a case through whichever registered {@link FileImporter} claims each one, as one atomic task. */
public final class ImportService {

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
        return registry.findAll(FileImporter.class).stream()
                .filter(i -> i.claim(file, head) > 0)
                .max(Comparator.comparingInt(i -> i.claim(file, head)));
    }

    /**
     * Starts importing files into a case as one task; all files commit together or none does.
     *
     * @param target the case
     * @param files the files
     * @return the task handle, whose result is the summary
     */
    public TaskHandle<ImportSummary> importFiles(Case target, List<Path> files) {
        String label = files.size() == 1 ? files.get(0).getFileName().toString() : files.size() + " files";
        return tasks.submit("Import " + label, ctx -> {
            ImportSummary s = target.importAtomically(label, ctx, session -> {
                for (int i = 0; i < files.size(); i++) {
                    Path f = files.get(i);
                    ctx.checkCancelled();
                    ctx.progress((double) i / files.size(), "Importing " + f.getFileName());
                    FileImporter imp = importerFor(f).orElseThrow(
                            () -> new CaseException("No plugin can import " + f + " (unknown file type)", null));
                    imp.importFile(f, session);
                }
                ctx.progress(1, "Committing");
            });
            events.publish(new CaseEvents.Imported(target.folder(), s));
            return s;
        });
    }
}
