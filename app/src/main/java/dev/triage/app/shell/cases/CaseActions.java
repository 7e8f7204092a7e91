package dev.triage.app.shell.cases;

import dev.triage.app.shell.ShellActions;
import dev.triage.app.shell.notify.Notifications;
import dev.triage.core.cases.Case;
import dev.triage.core.cases.ImportSummary;
import dev.triage.core.i18n.Messages;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.task.TaskHandle;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/** Opens, creates and imports into cases as kernel tasks, and reports the outcome as notifications. */
public final class CaseActions implements ShellActions {

    private final Kernel kernel;
    private final Messages messages;
    private final Notifications notes;
    private final ShellDialogs dialogs;

    /**
     * Creates the actions.
     *
     * @param kernel the kernel
     * @param messages the shell's texts
     * @param notes where outcomes are shown
     * @param dialogs how the user is asked
     */
    public CaseActions(Kernel kernel, Messages messages, Notifications notes, ShellDialogs dialogs) {
        this.kernel = kernel;
        this.messages = messages;
        this.notes = notes;
        this.dialogs = dialogs;
    }

    @Override
    public void openCase(Path folder) {
        TaskHandle<Case> h = kernel.tasks().submit(messages.get("task.openCase", folder.getFileName()),
                ctx -> kernel.cases().open(folder));
        h.result().whenComplete((c, e) -> report(e, () -> notes.success(messages.get("case.opened", c.name())),
                msg -> notes.error(messages.get("case.openFailed", folder, msg))));
    }

    /**
     * Closes the open case as a task; its layout is saved by the shell when the case-closed event arrives.
     *
     * @return the task, or null when no case is open
     */
    public TaskHandle<Void> closeCase() {
        if (kernel.cases().current().isEmpty()) {
            notes.info(messages.get("status.noCase"));
            return null;
        }
        TaskHandle<Void> h = kernel.tasks().submit(messages.get("task.closeCase"), ctx -> {
            kernel.cases().close();
            return null;
        });
        h.result().whenComplete((v, e) -> report(e, () -> { }, msg -> notes.error(messages.get("case.closeFailed", msg))));
        return h;
    }

    @Override
    public void chooseCaseFolder() {
        dialogs.chooseFolder(messages.get("dialog.openCase")).ifPresent(this::openCase);
    }

    @Override
    public void newCase() {
        newCase(null);
    }

    private void newCase(List<Path> thenImport) {
        Optional<String> name = dialogs.askText(messages.get("dialog.newCase"), messages.get("dialog.newCase.name"),
                messages.get("dialog.newCase.default"));
        if (name.isEmpty()) {
            return;
        }
        Optional<Path> parent = dialogs.chooseFolder(messages.get("dialog.newCase.where"));
        if (parent.isEmpty()) {
            return;
        }
        createCase(parent.get().resolve(folderName(name.get())), name.get(), thenImport);
    }

    /**
     * Creates a case as a task and makes it current, then imports files into it if given.
     *
     * @param folder the new case folder
     * @param name the case name
     * @param thenImport files to import once created, or null
     * @return the task
     */
    public TaskHandle<Case> createCase(Path folder, String name, List<Path> thenImport) {
        TaskHandle<Case> h = kernel.tasks().submit(messages.get("task.newCase", name), ctx -> kernel.cases().create(folder, name));
        h.result().whenComplete((c, e) -> report(e, () -> {
            notes.success(messages.get("case.created", c.name(), folder));
            if (thenImport != null) {
                importInto(c, thenImport);
            }
        }, msg -> notes.error(messages.get("case.createFailed", folder, msg))));
        return h;
    }

    static String folderName(String name) {
        String s = name.strip().replaceAll("[\\\\/:*?\"<>|]", "-");
        return s.isEmpty() ? "case" : s;
    }

    @Override
    public void importFiles(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        Optional<Case> current = kernel.cases().current();
        if (current.isPresent()) {
            importInto(current.get(), files);
        } else if (dialogs.confirm(messages.get("dialog.noCase"), messages.get("dialog.noCase.question", files.size()))) {
            newCase(files);
        } else {
            notes.warn(messages.get("import.noCase"));
        }
    }

    /**
     * Imports files into a case as a task and reports the summary.
     *
     * @param target the case
     * @param files the files
     * @return the task
     */
    public TaskHandle<ImportSummary> importInto(Case target, List<Path> files) {
        TaskHandle<ImportSummary> h = kernel.imports().importFiles(target, files);
        h.result().whenComplete((s, e) -> report(e,
                () -> notes.success(messages.get("import.done", s.files(), s.rows(), s.skipped())),
                msg -> notes.error(messages.get("import.failed", msg))));
        return h;
    }

    /** File > Import files: asks for files and imports them into the open case (offering a new case when none is). */
    public void chooseFilesToImport() {
        importFiles(dialogs.chooseFiles(messages.get("action.importFiles")));
    }

    /**
     * File > Export report: builds the open case's report as a task and writes it under the case's reports folder.
     *
     * @return the task, or null when no case is open (the user is told)
     */
    public TaskHandle<dev.triage.core.report.ReportExport.Written> exportReport() {
        Optional<Case> current = kernel.cases().current();
        if (current.isEmpty()) {
            notes.warn(messages.get("report.noCase"));
            return null;
        }
        Case c = current.get();
        TaskHandle<dev.triage.core.report.ReportExport.Written> h = kernel.tasks().submit(messages.get("action.exportReport"), ctx -> {
            java.time.Instant now = java.time.Instant.now();
            ctx.progress(-1, messages.get("action.exportReport"));
            var request = new dev.triage.core.report.ReportRequest(c, now);
            var report = dev.triage.core.report.ReportFinisher.finishAll(kernel.services(), request, kernel.reports().build(c.name(), request));
            return dev.triage.core.report.ReportExport.write(report, dev.triage.core.report.ReportExport.defaultFolder(c, now));
        });
        h.result().whenComplete((w, e) -> report(e, () -> notes.success(messages.get("report.done", w.markdown())),
                msg -> notes.error(messages.get("report.failed", msg))));
        return h;
    }

    private void report(Throwable error, Runnable ok, Consumer<String> failed) {
        if (error == null) {
            ok.run();
            return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CancellationException) {
            notes.info(messages.get("task.cancelled"));
        } else {
            failed.accept(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        }
    }
}
