package dev.triage.plugin.sql.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.task.TaskContext;
import dev.triage.core.ui.View;
import dev.triage.core.ui.ViewContribution;
import dev.triage.plugin.sql.MariaDb;
import dev.triage.plugin.sql.domain.ExplainParser;
import dev.triage.testkit.JavaFxToolkit;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(MariaDb.class)
class SqlViewTest {

    static final TaskContext NONE = dev.triage.plugin.sql.NoTask.NONE;

    @TempDir
    Path home;

    /** Real worker threads, as in the app: the view must stay responsive while a statement runs (and be cancellable). */
    private dev.triage.core.kernel.Kernel kernel;

    @BeforeEach
    void start() {
        kernel = dev.triage.core.kernel.Kernel.create(dev.triage.core.config.AppPaths.under(home),
                dev.triage.core.config.SettingsStore.inMemory(), new dev.triage.core.task.DefaultTaskExecutor(2),
                java.time.Duration.ofSeconds(10)).startPlugins();
    }

    @AfterEach
    void stop() {
        kernel.close();
    }

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (JavaFxToolkit.call(() -> {
                try {
                    return condition.call();
                } catch (Exception e) {
                    return false;
                }
            })) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    @Test
    void runsTheStatementUnderTheCaretOnCtrlEnterPagesResultsAndOpensTabsForSqlOpen() throws Exception {
        try (java.sql.Connection c = MariaDb.get().root(); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS orders_by_region (id INT PRIMARY KEY, region VARCHAR(20), total DECIMAL(10,2), "
                    + "KEY by_region (region))");
        }
        kernel.connections().secrets().unlock("pass".toCharArray());
        kernel.connections().save(MariaDb.get().target("dev", false), MariaDb.PASSWORD.toCharArray());
        ViewContribution contribution = kernel.services().findAll(ViewContribution.class).stream()
                .filter(v -> v.id().equals("sql.view")).findFirst().orElseThrow();
        // a sql.open before the view exists is kept for it
        // as another plugin calls it, knowing only the command's name: arguments as text
        kernel.commands().executeText("sql.open", Map.of("text", "SELECT 42,  'two  spaces'\nFROM dual", "connection", "dev"),
                NONE);
        View view = JavaFxToolkit.call(() -> contribution.factory().get());
        Parent root = (Parent) view.node();
        Scene scene = JavaFxToolkit.call(() -> {
            Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
            Scene s = new Scene(root, 1280, 760);
            javafx.stage.Stage stage = new javafx.stage.Stage();
            stage.setScene(s);
            stage.show();
            root.applyCss();
            root.layout();
            return s;
        });
        SqlView sql = (SqlView) view;
        assertThat(root.getStyleClass()).contains(SqlView.STYLE_CLASS);
        waitFor("the sql.open tab", () -> sql.current() != null && sql.current().area().getText().equals("SELECT 42,  'two  spaces'\nFROM dual")
                && "dev".equals(sql.current().connection()));

        JavaFxToolkit.call(() -> {
            EditorTab t = sql.current();
            t.area().replaceText("SELECT name FROM items;\n\nSELECT seq, CONCAT('row ', seq) AS label, IF(seq % 7 = 0, NULL, seq * 1.5) AS price\n"
                    + "FROM seq_1_to_5000\nWHERE (seq % 2 = 0 OR seq < 10);\n");
            t.area().moveTo(40);
            root.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, true, false, false));
            return null;
        });
        waitFor("the first page", () -> grid(sql) != null && grid(sql).getItems().size() == ResultGrid.PAGE);
        assertThat(JavaFxToolkit.call(() -> grid(sql).getColumns().stream().map(c -> c.getText()).toList()))
                .containsExactly("seq", "label", "price");
        assertThat(JavaFxToolkit.call(() -> sql.statusLabel().getText())).startsWith("500+ row(s)");
        JavaFxToolkit.call(() -> {
            grid(sql).requestMore();
            return null;
        });
        waitFor("the second page", () -> grid(sql).getItems().size() == 2 * ResultGrid.PAGE);
        String copied = JavaFxToolkit.call(() -> {
            grid(sql).getSelectionModel().select(6);
            return grid(sql).copySelection();
        });
        assertThat(copied).isEqualTo("seq\tlabel\tprice\n7\trow 7\tNULL\n");

        // completion, find/replace, schema tree and plan tree
        List<String> completions = JavaFxToolkit.call(() -> {
            EditorTab t = sql.current();
            t.area().moveTo(2);
            return t.showCompletion();
        });
        assertThat(completions).contains("SELECT", "SET");
        int replaced = JavaFxToolkit.call(() -> {
            EditorTab t = sql.current();
            t.findField().setText("seq_1_to_5000");
            t.replaceField().setText("seq_1_to_10");
            return t.replaceAll();
        });
        assertThat(replaced).isEqualTo(1);
        String formatted = JavaFxToolkit.call(() -> {
            sql.current().area().replaceText("select a from t where x = 1 and y = 2; select 1");
            sql.formatSql();
            return sql.current().area().getText();
        });
        assertThat(formatted).isEqualTo("SELECT a\nFROM t\nWHERE x = 1\n  AND y = 2; SELECT 1");
        waitFor("the schema tree", () -> {
            TreeView<?> tree = (TreeView<?>) root.lookup(".schema-tree");
            return tree.getRoot() != null && tree.getRoot().getChildren().stream().anyMatch(i -> "triage".equals(i.getValue()));
        });
        List<String> tables = JavaFxToolkit.call(() -> {
            EditorTab t = sql.current();
            t.area().replaceText("SELECT * FROM orders_by");
            t.area().moveTo(t.area().getLength());
            return t.showCompletion();
        });
        assertThat(tables).containsExactly("orders_by_region");
        JavaFxToolkit.call(() -> {
            sql.showPlan(ExplainParser.fromTable(List.of(Map.of("id", "1", "select_type", "SIMPLE", "table", "items", "type", "ALL",
                    "rows", "50000", "Extra", "Using filesort"))));
            return null;
        });
        assertThat(JavaFxToolkit.call(() -> sql.resultTabs().getSelectionModel().getSelectedItem().getText())).isEqualTo("Plan");
        JavaFxToolkit.call(() -> {
            sql.resultTabs().getSelectionModel().select(0);
            sql.current().area().replaceText("SELECT seq, CONCAT('row ', seq) AS label, IF(seq % 7 = 0, NULL, seq * 1.5) AS price\n"
                    + "FROM seq_1_to_5000\nWHERE (seq % 2 = 0 OR seq < 10);\n");
            sql.current().area().moveTo(52);
            TreeView<?> tree = (TreeView<?>) root.lookup(".schema-tree");
            tree.getRoot().getChildren().stream().filter(i -> "triage".equals(i.getValue())).forEach(i -> i.setExpanded(true));
            root.applyCss();
            root.layout();
            return null;
        });
        JavaFxToolkit.call(() -> {
            sql.showPlan(ExplainParser.fromTable(List.of(Map.of("id", "1", "select_type", "SIMPLE", "table", "items", "type", "ALL",
                    "rows", "50000", "Extra", "Using filesort"))));
            return null;
        });
        Path png = Path.of("target", "sql-view.png");
        BufferedImage image = JavaFxToolkit.call(() -> SwingFXUtils.fromFXImage(scene.snapshot(null), null));
        ImageIO.write(image, "png", png.toFile());
        assertThat(Files.size(png)).isGreaterThan(10_000);
        JavaFxToolkit.call(() -> {
            view.dispose();
            ((javafx.stage.Stage) scene.getWindow()).close();
            return null;
        });
    }

    @Test
    void theCancelButtonStopsASleepingQueryWithinTwoSeconds() throws Exception {
        SqlView sql = openOnDev();
        Parent root = (Parent) sql.node();
        assertThat(JavaFxToolkit.call(() -> sql.cancelButton().isDisabled())).as("nothing runs yet").isTrue();
        String marker = "SELECT SLEEP(30) AS cancel_me_" + System.nanoTime();
        JavaFxToolkit.call(() -> {
            sql.current().area().replaceText(marker);
            sql.current().area().moveTo(3);
            root.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, true, false, false));
            return null;
        });
        // the server runs it
        try (java.sql.Connection c = MariaDb.get().root(); java.sql.Statement st = c.createStatement()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            boolean seen = false;
            while (!seen && System.nanoTime() < deadline) {
                try (java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.processlist WHERE info = '"
                        + marker + "'")) {
                    rs.next();
                    seen = rs.getInt(1) > 0;
                }
            }
            assertThat(seen).as("the statement reached the server").isTrue();
            assertThat(JavaFxToolkit.call(() -> sql.isRunning() && !sql.cancelButton().isDisabled())).isTrue();
            long t0 = System.nanoTime();
            JavaFxToolkit.call(() -> {
                sql.cancelButton().fire();
                return null;
            });
            long deadline2 = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (JavaFxToolkit.call(sql::isRunning) && System.nanoTime() < deadline2) {
                Thread.onSpinWait();
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(millis).as("ms from pressing Cancel to the run ending").isLessThan(2_000);
            // the server drops the statement too (it can still show for a moment after its result was sent)
            boolean gone = false;
            while (!gone && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2)) {
                try (java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.processlist WHERE info = '"
                        + marker + "'")) {
                    rs.next();
                    gone = rs.getInt(1) == 0;
                }
            }
            assertThat(gone).as("the server no longer runs it 2 s after Cancel").isTrue();
        }
        assertThat(JavaFxToolkit.call(() -> sql.cancelButton().isDisabled())).isTrue();
        // MariaDB ends a killed SLEEP with 1 or an "interrupted" error; the session still works afterwards
        JavaFxToolkit.call(() -> {
            sql.current().area().replaceText("SELECT 'still here' AS after_cancel");
            sql.current().area().moveTo(3);
            root.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, true, false, false));
            return null;
        });
        waitFor("a statement after the cancel", () -> grid(sql) != null && !grid(sql).getItems().isEmpty()
                && "still here".equals(grid(sql).getItems().get(0)[0]));
        close(sql);
    }

    @Test
    @SuppressWarnings("unchecked")
    void analyzeShowsThePlanTreeWithTheRealRowsAndTimeOfEachStep() throws Exception {
        try (java.sql.Connection c = MariaDb.get().root(); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE analysed (id INT PRIMARY KEY, grp INT, note VARCHAR(20))");
            st.execute("INSERT INTO analysed SELECT seq, seq % 10, CONCAT('n', seq) FROM seq_1_to_3000");
        }
        SqlView sql = openOnDev();
        JavaFxToolkit.call(() -> {
            sql.current().area().replaceText("SELECT note FROM analysed WHERE grp = 3 ORDER BY note");
            sql.current().area().moveTo(3);
            sql.analyze();
            return null;
        });
        waitFor("the plan tab", () -> "Plan".equals(sql.resultTabs().getSelectionModel().getSelectedItem().getText()));
        TreeView<dev.triage.plugin.sql.domain.PlanNode> tree = JavaFxToolkit.call(() ->
                (TreeView<dev.triage.plugin.sql.domain.PlanNode>) sql.resultTabs().getSelectionModel().getSelectedItem().getContent());
        dev.triage.plugin.sql.domain.PlanNode table = JavaFxToolkit.call(() -> tree.getRoot().getValue()).flagged().stream()
                .filter(n -> n.table().equals("analysed")).findFirst().orElseThrow();
        assertThat(table.flags()).contains(dev.triage.plugin.sql.domain.PlanFlag.FULL_SCAN);
        assertThat(table.actualRows()).as("MariaDB's r_rows: every row read by the full scan").isEqualTo(3000);
        assertThat(table.actualMillis()).isGreaterThanOrEqualTo(0);
        List<String> cells = JavaFxToolkit.call(() -> {
            tree.applyCss();
            tree.layout();
            return tree.lookupAll(".tree-cell").stream().map(n -> ((javafx.scene.control.TreeCell<?>) n).getText())
                    .filter(java.util.Objects::nonNull).toList();
        });
        assertThat(cells).anySatisfy(t -> assertThat(t).contains("table analysed").contains("rows≈").contains("actual rows=3000")
                .contains("time="));
        // ANALYZE really runs the statement: it is refused for a write
        JavaFxToolkit.call(() -> {
            sql.current().area().replaceText("DELETE FROM analysed");
            sql.current().area().moveTo(3);
            sql.analyze();
            return null;
        });
        waitFor("the refusal", () -> sql.statusLabel().getText().contains("queries only"));
        try (java.sql.Connection c = MariaDb.get().root(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM analysed")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(3000);
        }
        close(sql);
    }

    /** Opens the view in a window on a saved connection {@code dev} to the test MariaDB. */
    private SqlView openOnDev() throws Exception {
        kernel.connections().secrets().unlock("pass".toCharArray());
        kernel.connections().save(MariaDb.get().target("dev", false), MariaDb.PASSWORD.toCharArray());
        ViewContribution contribution = kernel.services().findAll(ViewContribution.class).stream()
                .filter(v -> v.id().equals("sql.view")).findFirst().orElseThrow();
        SqlView sql = (SqlView) JavaFxToolkit.call(() -> contribution.factory().get());
        JavaFxToolkit.call(() -> {
            javafx.stage.Stage stage = new javafx.stage.Stage();
            stage.setScene(new Scene((Parent) sql.node(), 1024, 700));
            stage.show();
            return null;
        });
        waitFor("the connection", () -> "dev".equals(sql.current().connection()));
        return sql;
    }

    private static void close(SqlView sql) throws Exception {
        JavaFxToolkit.call(() -> {
            sql.dispose();
            ((javafx.stage.Stage) sql.node().getScene().getWindow()).close();
            return null;
        });
    }

    private static ResultGrid grid(SqlView sql) {
        for (Tab t : sql.resultTabs().getTabs()) {
            if (t.getContent() instanceof BorderPane p && p.getCenter() instanceof ResultGrid g) {
                return g;
            }
        }
        return null;
    }
}
