package dev.triage.plugin.overview.ui;

import dev.triage.core.finding.Severity;
import dev.triage.core.task.TaskExecutor;
import dev.triage.core.ui.View;
import dev.triage.plugin.overview.application.AlertRuleFiles;
import dev.triage.plugin.overview.application.CollectorSettings;
import dev.triage.plugin.overview.domain.AlertRule;
import dev.triage.plugin.overview.domain.Numbers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The alert rule editor: the rules in effect in a table, a form for the selected rule, and Save, which validates every rule
 * (names unique, metric, comparison, threshold, durations, target pattern) before writing {@code alert-rules.json}.
 */
public final class AlertRulesView implements View {

    /** Style class of the root. */
    public static final String STYLE_CLASS = "alert-rules-view";

    private final AlertRuleFiles files;
    private final TaskExecutor tasks;
    private final BorderPane root = new BorderPane();
    private final TableView<AlertRule> table = new TableView<>();
    private final TextField name = field("name");
    private final TextField metric = field("metric");
    private final ComboBox<String> op = new ComboBox<>();
    private final TextField threshold = field("threshold");
    private final TextField forDuration = field("for");
    private final TextField keepFiring = field("keep-firing-for");
    private final ComboBox<Severity> severity = new ComboBox<>();
    private final TextField targets = field("targets");
    private final TextField summary = field("summary");
    private final TextField labels = field("labels");
    private final Label status = new Label();

    private AlertRulesView(AlertRuleFiles files, TaskExecutor tasks) {
        this.files = files;
        this.tasks = tasks;
        root.getStyleClass().add(STYLE_CLASS);
        root.getStylesheets().add(OverviewView.class.getResource("overview.css").toExternalForm());
        table.getColumns().add(column("Name", AlertRule::name));
        table.getColumns().add(column("Condition", r -> r.metric() + " " + r.op().symbol() + " " + Numbers.format(r.threshold())));
        table.getColumns().add(column("For", r -> r.forDuration().toString().substring(2).toLowerCase(java.util.Locale.ROOT)));
        table.getColumns().add(column("Severity", r -> r.severity().name()));
        table.getColumns().add(column("Targets", AlertRule::targets));
        table.getColumns().add(column("Labels", r -> labelsText(r.labels())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> fill(b));
        for (AlertRule.Op o : AlertRule.Op.values()) {
            op.getItems().add(o.symbol());
        }
        op.setValue(">");
        op.getStyleClass().add("rule-op");
        severity.getItems().setAll(Severity.INFO, Severity.WARNING, Severity.CRITICAL);
        severity.setValue(Severity.WARNING);
        severity.getStyleClass().add("rule-severity");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.setPadding(new Insets(8));
        row(form, 0, "Name", name, "Metric", metric);
        row(form, 1, "Comparison", op, "Threshold", threshold);
        row(form, 2, "For", forDuration, "Keep firing for", keepFiring);
        row(form, 3, "Severity", severity, "Targets (regex)", targets);
        row(form, 4, "Summary", summary, "Labels (k=v, ...)", labels);
        Button add = new Button("Add");
        add.getStyleClass().add("rule-add");
        add.setOnAction(e -> apply(false));
        Button update = new Button("Update");
        update.getStyleClass().add("rule-update");
        update.setOnAction(e -> apply(true));
        Button delete = new Button("Delete");
        delete.getStyleClass().add("rule-delete");
        delete.setOnAction(e -> {
            AlertRule r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                table.getItems().remove(r);
            }
        });
        Button save = new Button("Save");
        save.getStyleClass().addAll("rule-save", "accent");
        save.setOnAction(e -> save());
        Button reload = new Button("Reload");
        reload.setOnAction(e -> load());
        status.getStyleClass().add("rule-status");
        status.setWrapText(true);
        HBox buttons = new HBox(8, add, update, delete, new javafx.scene.layout.Region(), reload, save);
        HBox.setHgrow(buttons.getChildren().get(3), Priority.ALWAYS);
        buttons.setPadding(new Insets(0, 8, 8, 8));
        VBox bottom = new VBox(4, form, buttons, status);
        VBox.setMargin(status, new Insets(0, 8, 8, 8));
        root.setCenter(table);
        root.setBottom(bottom);
        load();
    }

    /**
     * Creates the view and loads the rules in effect off the JavaFX thread.
     *
     * @param files where the rules are read and written
     * @param tasks the kernel's tasks
     * @return the view
     */
    public static AlertRulesView create(AlertRuleFiles files, TaskExecutor tasks) {
        return new AlertRulesView(files, tasks);
    }

    @Override
    public Node node() {
        return root;
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId("rule-" + id);
        return f;
    }

    private static void row(GridPane g, int r, String l1, Node n1, String l2, Node n2) {
        g.addRow(r, new Label(l1), n1, new Label(l2), n2);
        GridPane.setHgrow(n1, Priority.ALWAYS);
        GridPane.setHgrow(n2, Priority.ALWAYS);
    }

    private static TableColumn<AlertRule, String> column(String title, java.util.function.Function<AlertRule, String> value) {
        TableColumn<AlertRule, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private static String labelsText(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private void fill(AlertRule r) {
        if (r == null) {
            return;
        }
        name.setText(r.name());
        metric.setText(r.metric());
        op.setValue(r.op().symbol());
        threshold.setText(Numbers.format(r.threshold()).replace(",", ""));
        forDuration.setText(text(r.forDuration()));
        keepFiring.setText(text(r.keepFiringFor()));
        severity.setValue(r.severity());
        targets.setText(r.targets());
        summary.setText(r.summary());
        labels.setText(labelsText(r.labels()));
    }

    private static String text(Duration d) {
        if (d.getNano() != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.getSeconds();
        return s != 0 && s % 3600 == 0 ? s / 3600 + "h" : s != 0 && s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    /** The rule in the form, or an error naming the field. */
    AlertRule formRule() {
        double value;
        try {
            value = Double.parseDouble(threshold.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Threshold: '" + threshold.getText() + "' is not a number");
        }
        Duration f = duration("For", forDuration.getText());
        Duration k = duration("Keep firing for", keepFiring.getText());
        Map<String, String> l = new LinkedHashMap<>();
        for (String pair : labels.getText().split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            if (kv.length != 2 || !kv[0].trim().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("Labels: '" + pair.trim() + "' is not label=value");
            }
            l.put(kv[0].trim(), kv[1].trim());
        }
        if (!targets.getText().isBlank()) {
            try {
                com.google.re2j.Pattern.compile(targets.getText().trim());
            } catch (com.google.re2j.PatternSyntaxException e) {
                throw new IllegalArgumentException("Targets: not a regular expression: " + e.getDescription());
            }
        }
        return new AlertRule(name.getText().trim(), metric.getText().trim(), AlertRule.Op.parse(op.getValue()), value, f,
                severity.getValue(), targets.getText().trim(), summary.getText().trim(), k, l);
    }

    private static Duration duration(String field, String text) {
        if (text == null || text.isBlank()) {
            return Duration.ZERO;
        }
        try {
            return CollectorSettings.parseDuration(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a duration such as 30s, 5m or 1h");
        }
    }

    private void apply(boolean replace) {
        AlertRule r;
        try {
            r = formRule();
        } catch (RuntimeException e) {
            error(e.getMessage());
            return;
        }
        int selected = table.getSelectionModel().getSelectedIndex();
        if (replace && selected >= 0) {
            table.getItems().set(selected, r);
        } else {
            table.getItems().add(r);
        }
        table.getSelectionModel().select(r);
        List<String> problems = AlertRuleFiles.problems(table.getItems());
        if (problems.isEmpty()) {
            ok((replace ? "Updated " : "Added ") + r.name() + " (not saved yet)");
        } else {
            error(String.join("\n", problems));
        }
    }

    private void save() {
        List<AlertRule> rules = new ArrayList<>(table.getItems());
        List<String> problems = AlertRuleFiles.problems(rules);
        if (!problems.isEmpty()) {
            error("Not saved: " + String.join("\n", problems));
            return;
        }
        tasks.submit("Save alert rules", ctx -> files.save(rules)).result().whenComplete((file, err) -> Platform.runLater(() -> {
            if (err != null) {
                error("Not saved: " + rootMessage(err));
            } else {
                ok("Saved " + rules.size() + " rules to " + file);
            }
        }));
    }

    private void load() {
        tasks.submit("Load alert rules", ctx -> files.load()).result().whenComplete((loaded, err) -> Platform.runLater(() -> {
            if (err != null) {
                error(rootMessage(err));
            } else {
                table.getItems().setAll(loaded.rules());
                ok(loaded.rules().size() + " rules from " + loaded.source() + "; Save writes " + loaded.target());
            }
        }));
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && (c instanceof java.util.concurrent.CompletionException || c.getMessage() == null)) {
            c = c.getCause();
        }
        return c.getMessage();
    }

    private void ok(String text) {
        status.setText(text);
        status.getStyleClass().remove("error");
    }

    private void error(String text) {
        status.setText(text);
        if (!status.getStyleClass().contains("error")) {
            status.getStyleClass().add("error");
        }
    }

    /**
     * The rules in the table (for tests).
     *
     * @return the rules
     */
    List<AlertRule> rules() {
        return List.copyOf(table.getItems());
    }

    /**
     * The status line (for tests).
     *
     * @return the text
     */
    String statusText() {
        return status.getText();
    }
}
