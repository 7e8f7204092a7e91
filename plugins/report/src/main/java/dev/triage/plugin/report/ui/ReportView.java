package dev.triage.plugin.report.ui;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.CaseService;
import dev.triage.core.i18n.Messages;
import dev.triage.core.report.MarkdownReportWriter;
import dev.triage.core.report.Report;
import dev.triage.core.report.ReportExport;
import dev.triage.core.task.TaskExecutor;
import dev.triage.core.ui.View;
import dev.triage.plugin.report.ReportPlugin;
import dev.triage.plugin.report.application.ReportComposer;
import dev.triage.plugin.report.domain.ReportLayout;
import dev.triage.plugin.report.infrastructure.LayoutStore;
import dev.triage.plugin.report.infrastructure.ReportService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The report view: the sections every plugin contributes with a checkbox each, dragged into the wanted order, the
 * conclusion and options, a live rendered preview of the Markdown, export buttons and copy to the clipboard.
 */
public final class ReportView implements View {

    /** One section row: its title and whether it is written. */
    static final class Item {
        final String title;
        final BooleanProperty included = new SimpleBooleanProperty(true);

        Item(String title, boolean included) {
            this.title = title;
            this.included.set(included);
        }

        @Override
        public String toString() {
            return title;
        }
    }

    private final ReportService service;
    private final CaseService cases;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final ListView<Item> sections = new ListView<>();
    private final TextArea conclusion = new TextArea();
    private final CheckBox notes = new CheckBox();
    private final CheckBox mask = new CheckBox();
    private final ScrollPane preview = new ScrollPane();
    private final Label status = new Label();
    private final AtomicInteger generation = new AtomicInteger();
    private volatile Report raw;
    private volatile ReportLayout layout = ReportLayout.defaults();
    private volatile String markdown = "";
    private boolean loading;

    private ReportView(ReportService service, CaseService cases, TaskExecutor tasks, Messages messages) {
        this.service = service;
        this.cases = cases;
        this.tasks = tasks;
        this.messages = messages;
        root.getStyleClass().add("report-view");
        root.setTop(toolbar());
        SplitPane split = new SplitPane(side(), previewPane());
        split.setDividerPositions(0.3);
        root.setCenter(split);
        status.setId("report-status");
        status.setPadding(new Insets(4, 8, 4, 8));
        status.setStyle("-fx-text-fill: -color-fg-muted;");
        root.setBottom(status);
        refresh();
    }

    /**
     * Creates the view and starts building the open case's report in the background.
     *
     * @param service builds, composes and writes reports
     * @param cases the open case
     * @param tasks where the work runs
     * @param messages the plugin's texts
     * @return the view
     */
    public static ReportView create(ReportService service, CaseService cases, TaskExecutor tasks, Messages messages) {
        return new ReportView(service, cases, tasks, messages);
    }

    @Override
    public Node node() {
        return root;
    }

    private ToolBar toolbar() {
        Button refresh = button("report-refresh", "view.refresh", this::refresh);
        Button md = button("report-export-md", "view.export.md", () -> export(ReportService.Format.MD));
        Button json = button("report-export-json", "view.export.json", () -> export(ReportService.Format.JSON));
        Button html = button("report-export-html", "view.export.html", () -> export(ReportService.Format.HTML));
        Button copy = button("report-copy", "view.copy", () -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(markdown);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            status.setText(messages.get("view.copied"));
        });
        return new ToolBar(refresh, md, json, html, copy);
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(messages.get(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node side() {
        sections.setId("report-sections");
        sections.setCellFactory(v -> new SectionCell());
        VBox.setVgrow(sections, Priority.ALWAYS);
        conclusion.setId("report-conclusion");
        conclusion.setPromptText(messages.get("view.conclusion.prompt"));
        conclusion.setWrapText(true);
        conclusion.setPrefRowCount(5);
        conclusion.focusedProperty().addListener((o, was, is) -> {
            if (!is && !conclusion.getText().equals(layout.conclusion())) {
                changed(layout.withConclusion(conclusion.getText()));
            }
        });
        notes.setId("report-notes");
        notes.setText(messages.get("view.notes"));
        notes.setOnAction(e -> changed(layout.withOptions(notes.isSelected(), mask.isSelected())));
        mask.setId("report-mask");
        mask.setText(messages.get("view.mask"));
        mask.setOnAction(e -> changed(layout.withOptions(notes.isSelected(), mask.isSelected())));
        PasswordField secret = new PasswordField();
        secret.setId("report-sensitive");
        secret.setPromptText(messages.get("view.sensitive.prompt"));
        Button mark = button("report-sensitive-add", "view.sensitive.add", () -> {
            if (!secret.getText().isEmpty()) {
                changed(layout.withSensitive(ReportPlugin.sensitive(secret.getText())));
                secret.clear();
            }
        });
        HBox.setHgrow(secret, Priority.ALWAYS);
        Label title = new Label(messages.get("view.sections"));
        title.getStyleClass().add("title-4");
        VBox box = new VBox(8, title, sections, new Label(messages.get("view.conclusion")), conclusion, notes, mask,
                new HBox(6, secret, mark));
        box.setPadding(new Insets(8));
        box.setMinWidth(260);
        return box;
    }

    private Node previewPane() {
        preview.setId("report-preview");
        preview.setFitToWidth(true);
        return preview;
    }

    /** Rebuilds the report every plugin contributes, then the section list and the preview. */
    private void refresh() {
        Case c = cases.current().orElse(null);
        if (c == null) {
            status.setText(messages.get("view.noCase"));
            return;
        }
        status.setText(messages.get("view.building"));
        tasks.submit(messages.get("view.task"), ctx -> {
            Report r = service.raw(c, Instant.now());
            ReportLayout l = LayoutStore.load(c);
            raw = r;
            layout = l;
            return l.ordered(ReportComposer.titles(r));
        }).result().whenComplete((titles, error) -> Platform.runLater(() -> {
            if (error != null) {
                status.setText(messages.get("view.failed", String.valueOf(error.getMessage())));
                return;
            }
            loading = true;
            sections.getItems().setAll(titles.stream().map(t -> new Item(t, !layout.hidden().contains(t))).toList());
            conclusion.setText(layout.conclusion());
            notes.setSelected(layout.includeNotes());
            mask.setSelected(layout.maskLiterals());
            loading = false;
            render();
        }));
    }

    /** Saves a changed layout in the case and renders the preview again. */
    private void changed(ReportLayout next) {
        if (loading) {
            return;
        }
        layout = next;
        Case c = cases.current().orElse(null);
        if (c == null) {
            return;
        }
        tasks.submit(messages.get("view.task"), ctx -> {
            LayoutStore.save(c, next);
            return next;
        }).result().whenComplete((l, e) -> Platform.runLater(this::render));
    }

    private void sectionsChanged() {
        List<String> order = sections.getItems().stream().map(i -> i.title).toList();
        Set<String> hidden = new LinkedHashSet<>();
        sections.getItems().stream().filter(i -> !i.included.get()).forEach(i -> hidden.add(i.title));
        changed(layout.withSections(order, hidden));
    }

    /** Composes the report with the current choices off the FX thread and shows the rendered Markdown. */
    private void render() {
        Case c = cases.current().orElse(null);
        Report r = raw;
        if (c == null || r == null) {
            return;
        }
        int gen = generation.incrementAndGet();
        ReportLayout l = layout;
        tasks.submit(messages.get("view.task"), ctx -> {
            Path dir = Files.createTempDirectory("triage-report-preview");
            Path md = new MarkdownReportWriter().write(service.compose(c, r, l), dir);
            return new Object[] {dir, Files.readString(md, StandardCharsets.UTF_8)};
        }).result().whenComplete((out, error) -> Platform.runLater(() -> {
            if (error != null) {
                status.setText(messages.get("view.failed", String.valueOf(error.getMessage())));
            } else if (gen == generation.get()) {
                markdown = (String) out[1];
                preview.setContent(preview((Path) out[0], markdown));
                status.setText(messages.get("view.ready", sections.getItems().stream().filter(i -> i.included.get()).count()));
            }
        }));
    }

    private void export(ReportService.Format format) {
        Case c = cases.current().orElse(null);
        Report r = raw;
        if (c == null || r == null) {
            status.setText(messages.get("view.noCase"));
            return;
        }
        ReportLayout l = layout;
        tasks.submit(messages.get("view.export.task"), ctx -> ReportService.write(service.compose(c, r, l),
                ReportExport.defaultFolder(c, Instant.now()), EnumSet.of(format))).result()
                .whenComplete((w, error) -> Platform.runLater(() -> status.setText(error != null
                        ? messages.get("view.failed", String.valueOf(error.getMessage()))
                        : messages.get("view.exported", w.files().get(0)))));
    }

    ScrollPane preview() {
        return preview;
    }

    ListView<Item> sections() {
        return sections;
    }

    Label status() {
        return status;
    }

    /** Moves a section to another place, as dragging does. */
    void move(int from, int to) {
        if (from == to || from < 0 || to < 0 || from >= sections.getItems().size() || to >= sections.getItems().size()) {
            return;
        }
        Item item = sections.getItems().remove(from);
        sections.getItems().add(to, item);
        sections.getSelectionModel().select(to);
        sectionsChanged();
    }

    /** A section row: a checkbox for the selection, dragged to reorder. */
    private final class SectionCell extends ListCell<Item> {
        private static final DataFormat INDEX = new DataFormat("application/x-triage-report-section");
        private final CheckBox box = new CheckBox();

        SectionCell() {
            box.setOnAction(e -> {
                if (getItem() != null) {
                    getItem().included.set(box.isSelected());
                    sectionsChanged();
                }
            });
            setOnDragDetected(e -> {
                if (getItem() != null) {
                    Dragboard db = startDragAndDrop(TransferMode.MOVE);
                    ClipboardContent content = new ClipboardContent();
                    content.put(INDEX, getIndex());
                    db.setContent(content);
                    e.consume();
                }
            });
            setOnDragOver(e -> {
                if (e.getDragboard().hasContent(INDEX)) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                Object from = e.getDragboard().getContent(INDEX);
                if (from instanceof Integer f) {
                    move(f, Math.min(getIndex(), sections.getItems().size() - 1));
                    e.setDropCompleted(true);
                }
                e.consume();
            });
        }

        @Override
        protected void updateItem(Item item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
            } else {
                box.setText(item.title);
                box.setSelected(item.included.get());
                setGraphic(box);
                setText(null);
            }
        }
    }

    /** Renders the exported Markdown; only the report's own {@code assets/} images are loaded. */
    private static javafx.scene.Node preview(Path folder, String markdown) {
        try {
            java.net.URL base = folder.toUri().toURL();
            String root = base.toExternalForm();
            return new dev.triage.core.ui.MarkdownNodes(base, link -> { }, url -> url.toExternalForm().startsWith(root)
                    && !url.getPath().contains("/../")).imageWidth(760).render(markdown);
        } catch (java.net.MalformedURLException e) {
            return new javafx.scene.control.Label(markdown);
        }
    }
}
