package dev.triage.plugin.rca.ui;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.CaseService;
import dev.triage.core.command.CommandBus;
import dev.triage.core.i18n.Messages;
import dev.triage.core.task.TaskExecutor;
import dev.triage.core.ui.View;
import dev.triage.plugin.rca.application.KnownIssueArgs;
import dev.triage.plugin.rca.domain.EvidenceItem;
import dev.triage.plugin.rca.domain.Hypothesis;
import dev.triage.plugin.rca.infrastructure.CaseAnalyser;
import dev.triage.plugin.rca.infrastructure.FindingText;
import dev.triage.plugin.rca.infrastructure.KnownIssueLookup;
import dev.triage.plugin.rca.infrastructure.RcaResult;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The RCA view: hypotheses, most confident first; the selected one's explanation, suggestion and evidence, each piece of
 * evidence a link that asks the view owning it to show it (through the {@code <kind>.show} command when one is offered);
 * and the known issues matching the versions found in the case.
 */
public final class RcaView implements View, dev.triage.core.ui.Revealing {

    private final CaseAnalyser analyser;
    private final KnownIssueLookup known;
    private final CaseService cases;
    private final TaskExecutor tasks;
    private final CommandBus commands;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final ListView<Hypothesis> hypotheses = new ListView<>();
    private final VBox details = new VBox(6);
    private final VBox issues = new VBox(4);
    private final Label status = new Label();

    private RcaView(CaseAnalyser analyser, KnownIssueLookup known, CaseService cases, TaskExecutor tasks, CommandBus commands,
                    Messages messages) {
        this.analyser = analyser;
        this.known = known;
        this.cases = cases;
        this.tasks = tasks;
        this.commands = commands;
        this.messages = messages;
        Button refresh = new Button(messages.get("view.refresh"));
        refresh.setId("rca-refresh");
        refresh.setOnAction(e -> refresh());
        Button online = new Button(messages.get("view.known.online"));
        online.setId("rca-known-online");
        online.setOnAction(e -> searchOnline());
        root.setTop(new ToolBar(refresh, online));
        hypotheses.setId("rca-hypotheses");
        hypotheses.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Hypothesis h, boolean empty) {
                super.updateItem(h, empty);
                setWrapText(true);
                setPrefWidth(0); // wrap to the list's width instead of widening the cell
                setText(empty || h == null ? null : String.format(Locale.ROOT, "%3.0f%%  %s", h.confidence() * 100, h.rule().title()));
            }
        });
        hypotheses.getSelectionModel().selectedItemProperty().addListener((o, a, h) -> show(h));
        details.setId("rca-details");
        details.setPadding(new Insets(8));
        issues.setId("rca-known-issues");
        issues.setPadding(new Insets(8));
        ScrollPane detailPane = new ScrollPane(details);
        detailPane.setFitToWidth(true);
        ScrollPane issuePane = new ScrollPane(issues);
        issuePane.setFitToWidth(true);
        SplitPane right = new SplitPane(detailPane, issuePane);
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setDividerPositions(0.65);
        SplitPane split = new SplitPane(hypotheses, right);
        split.setDividerPositions(0.4);
        root.setCenter(split);
        status.setId("rca-status");
        status.setPadding(new Insets(4, 8, 4, 8));
        status.setStyle("-fx-text-fill: -color-fg-muted;");
        root.setBottom(status);
        refresh();
    }

    /**
     * Creates the view and starts the analysis of the open case in the background.
     *
     * @param analyser runs the rules
     * @param known the known-issue lookup
     * @param cases the open case
     * @param tasks where the analysis runs
     * @param commands where evidence links are sent
     * @param messages the plugin's texts
     * @return the view
     */
    public static RcaView create(CaseAnalyser analyser, KnownIssueLookup known, CaseService cases, TaskExecutor tasks,
                                 CommandBus commands, Messages messages) {
        return new RcaView(analyser, known, cases, tasks, commands, messages);
    }

    @Override
    public Node node() {
        return root;
    }

    private void refresh() {
        Case c = cases.current().orElse(null);
        if (c == null) {
            status.setText(messages.get("view.noCase"));
            return;
        }
        status.setText(messages.get("view.running"));
        tasks.submit(messages.get("view.task"), ctx -> new Object[] {analyser.analyse(c), known.run(null, c)}).result()
                .whenComplete((out, error) -> Platform.runLater(() -> {
                    if (error != null) {
                        status.setText(messages.get("view.failed", String.valueOf(error.getMessage())));
                        return;
                    }
                    RcaResult r = (RcaResult) out[0];
                    hypotheses.getItems().setAll(r.hypotheses());
                    if (!r.hypotheses().isEmpty()) {
                        hypotheses.getSelectionModel().select(0);
                    }
                    showIssues((KnownIssueLookup.Result) out[1]);
                    status.setText(messages.get("view.done", r.hypotheses().size(), r.skipped().size()));
                }));
    }

    private void show(Hypothesis h) {
        details.getChildren().clear();
        if (h == null) {
            return;
        }
        Label title = new Label(h.rule().title());
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        Label why = new Label(h.rule().explanation());
        why.setWrapText(true);
        Label todo = new Label(messages.get("view.suggestion", h.rule().suggestion()));
        todo.setWrapText(true);
        details.getChildren().addAll(title, why, todo);
        for (Hypothesis.Match m : h.evidence()) {
            Label head = new Label(m.spec().describe());
            head.setStyle("-fx-font-weight: bold;");
            details.getChildren().add(head);
            for (EvidenceItem i : m.items()) {
                Hyperlink link = new Hyperlink((i.at() == null ? "" : i.at() + "  ") + i.text().lines().findFirst().orElse(""));
                link.getStyleClass().add("rca-evidence");
                link.setOnAction(e -> open(i.ref()));
                details.getChildren().add(link);
            }
        }
    }

    /** Shows a case finding (a {@code finding:<title>} evidence link) in the detail pane, with a link back to the hypothesis. */
    @Override
    public void reveal(String title) {
        Case c = cases.current().orElse(null);
        if (c == null) {
            status.setText(messages.get("view.noCase"));
            return;
        }
        tasks.submit(messages.get("view.task"), ctx -> FindingText.describe(FindingText.find(c, title))).result()
                .whenComplete((text, error) -> Platform.runLater(() -> {
                    if (error != null) {
                        Throwable t = error.getCause() != null ? error.getCause() : error;
                        status.setText(messages.get("view.failed", String.valueOf(t.getMessage())));
                        return;
                    }
                    details.getChildren().clear();
                    Hyperlink back = new Hyperlink(messages.get("view.finding.back"));
                    back.setOnAction(e -> show(hypotheses.getSelectionModel().getSelectedItem()));
                    Label body = new Label(text);
                    body.setId("rca-finding");
                    body.setWrapText(true);
                    details.getChildren().addAll(back, body);
                }));
    }

    private void searchOnline() {
        Case c = cases.current().orElse(null);
        status.setText(messages.get("view.known.searching"));
        tasks.submit(messages.get("view.known.online"), ctx -> known.run(new KnownIssueArgs(null, null, null, true), c)).result()
                .whenComplete((r, error) -> Platform.runLater(() -> {
                    if (error != null) {
                        status.setText(messages.get("view.failed", String.valueOf(error.getMessage())));
                        return;
                    }
                    showIssues(r);
                    status.setText(r.online().isEmpty() ? messages.get("view.known.none")
                            : r.online().stream().map(o -> o.product() + ": " + o.note()).collect(java.util.stream.Collectors.joining("; ")));
                }));
    }

    private void showIssues(KnownIssueLookup.Result r) {
        issues.getChildren().clear();
        Label head = new Label(r.detected().isEmpty() ? messages.get("view.known.none")
                : messages.get("view.known", String.join(", ", r.detected())));
        head.getStyleClass().add("title-4");
        issues.getChildren().add(head);
        for (KnownIssueLookup.Match m : r.matches()) {
            Label l = new Label(m.issue().id() + "  " + m.issue().title() + (m.symptoms().isEmpty() ? "" : "  ★"));
            l.setWrapText(true);
            issues.getChildren().add(l);
        }
        for (var o : r.online()) {
            Label h = new Label(messages.get("view.known.fetched", o.product() + " " + o.version(), o.issues().size(), o.note()));
            h.getStyleClass().add("title-4");
            h.setWrapText(true);
            issues.getChildren().add(h);
            for (var i : o.issues()) {
                Hyperlink l = new Hyperlink(i.repository() + "#" + i.number() + "  [" + i.state() + "] " + i.title());
                l.setWrapText(true);
                l.setOnAction(e -> copy(i.url(), messages.get("view.known.copied", i.url())));
                issues.getChildren().add(l);
            }
        }
    }

    /** Sends an evidence link to the view that owns it: {@code slowlog:X} runs {@code slowlog.show} with {@code ref=X}. */
    void open(String ref) {
        int colon = ref.indexOf(':');
        String kind = colon > 0 ? ref.substring(0, colon) : ref;
        String command = kind + ".show";
        if (commands.find(command).isPresent()) {
            tasks.submit(command, ctx -> commands.executeText(command, Map.of("ref", ref.substring(colon + 1)), ctx));
            status.setText(messages.get("view.opening", ref));
        } else {
            copy(ref, messages.get("view.noShow", command, ref));
        }
    }

    private void copy(String text, String said) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        status.setText(said);
    }

    ListView<Hypothesis> hypotheses() {
        return hypotheses;
    }

    VBox details() {
        return details;
    }

    VBox knownIssues() {
        return issues;
    }

    Label status() {
        return status;
    }
}
