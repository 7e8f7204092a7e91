package dev.triage.plugin.logs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.plugin.logs.Fixtures;
import dev.triage.plugin.logs.application.FileRow;
import dev.triage.plugin.logs.application.ImportResult;
import dev.triage.plugin.logs.application.TimelineRow;
import dev.triage.testkit.JavaFxToolkit;
import dev.triage.testkit.KernelExtension;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A GBK log: its encoding shows in the Files tab, can be overridden there, and its Chinese text shows in the timeline. */
class LogsEncodingViewTest {

    static final String GBK_LOG = """
            2026-03-01 18:15:01,000 ERROR [pay-1] 支付回调超时，订单号 A1001，重试第 3 次
            2026-03-01 18:15:02,000 WARN  [pay-2] 库存服务响应缓慢：耗时 2300 毫秒，超过阈值 1000 毫秒，请检查数据库连接池与慢查询日志，以及上游网关的限流配置是否生效
            2026-03-01 18:15:03,000 INFO  [pay-3] 订单 A1001 已退款
            """;

    @RegisterExtension
    final KernelExtension triage = new KernelExtension();

    @Test
    void showsTheEncodingOverridesItAndDisplaysTheChineseText() throws Exception {
        Path dir = Files.createDirectories(triage.home().resolve("logs"));
        Files.write(dir.resolve("app-gbk.log"), GBK_LOG.getBytes(Charset.forName("GBK")));
        triage.kernel().cases().create(triage.home().resolve("case"), "gbk");
        // read with the wrong charset on purpose: Latin-1 decodes any byte, into mojibake
        ImportResult wrong = (ImportResult) triage.kernel().commands().executeText("logs.import",
                Map.of("paths", dir.toString(), "encoding", "ISO-8859-1", "tz", "Asia/Shanghai"), Fixtures.NONE);
        assertThat(wrong.table()).singleElement().satisfies(f -> assertThat(f.encoding()).isEqualTo("ISO-8859-1"));

        LogsView view = ViewTests.open(triage, 1000, 600);
        Parent root = (Parent) view.node();
        Scene scene = root.getScene();
        LogsViewModel model = view.model();
        FilesPane files = view.filesPane();
        assertThat(files).isNotNull();
        ViewTests.await(() -> files.table().getItems().size() == 1 && model.rowsProperty().get() != null
                && model.rowsProperty().get().size() == 3);
        FileRow row = JavaFxToolkit.call(() -> files.table().getItems().get(0));
        assertThat(row.encoding()).isEqualTo("ISO-8859-1");
        assertThat(row.detectedEncoding()).isEqualTo("GBK");

        // override: select the file, choose GB18030, re-import that file
        JavaFxToolkit.call(() -> {
            files.table().getSelectionModel().select(0);
            return null;
        });
        assertThat(JavaFxToolkit.call(() -> files.encoding().getValue())).isEqualTo("ISO-8859-1");
        JavaFxToolkit.call(() -> {
            files.encoding().setValue("GB18030");
            return null;
        });
        JavaFxToolkit.call(files::reimportSelected).get(60, TimeUnit.SECONDS);
        ViewTests.await(() -> files.table().getItems().size() == 1 && "GB18030".equals(files.table().getItems().get(0).encoding()));
        ViewTests.await(() -> {
            var rows = model.rowsProperty().get();
            if (rows == null || rows.size() != 3) {
                return false;
            }
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i) == null) {
                    return false;
                }
            }
            return rows.get(0).message().contains("支付回调超时");
        });
        List<String> messages = JavaFxToolkit.call(() -> {
            List<String> out = new ArrayList<>();
            model.rowsProperty().get().forEach(r -> out.add(r.message()));
            return out;
        });
        assertThat(messages).containsExactly(GBK_LOG.lines().toArray(String[]::new));

        // the rows show the Chinese text; the time, file and level labels keep their full text beside a long message
        @SuppressWarnings("unchecked")
        ListView<TimelineRow> list = JavaFxToolkit.call(() -> (ListView<TimelineRow>) root.lookup(".timeline"));
        ViewTests.await(() -> {
            root.applyCss();
            root.layout();
            return root.lookupAll(".row .message").stream().anyMatch(n -> ((Label) n).getText().contains("库存服务响应缓慢"));
        });
        JavaFxToolkit.call(() -> {
            for (Node n : root.lookupAll(".row")) {
                for (String part : List.of(".time", ".file", ".level")) {
                    Label l = (Label) n.lookup(part);
                    if (!l.getText().isEmpty()) {
                        assertThat(l.getWidth()).as("%s label '%s' is not cut", part, l.getText())
                                .isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);
                    }
                }
                Label message = (Label) n.lookup(".message");
                assertThat(message.localToScene(message.getBoundsInLocal()).getMaxX())
                        .as("the message stays inside the list").isLessThanOrEqualTo(list.localToScene(list.getBoundsInLocal()).getMaxX() + 0.5);
            }
            return null;
        });
        ViewTests.write(JavaFxToolkit.call(() -> scene.snapshot(null)), Path.of("target/logs-gbk-timeline.png"));
        JavaFxToolkit.call(() -> {
            ((TabPane) root.lookup(".tab-pane")).getSelectionModel().select(2);
            root.applyCss();
            root.layout();
            return null;
        });
        ViewTests.write(JavaFxToolkit.call(() -> scene.snapshot(null)), Path.of("target/logs-files-tab.png"));
        JavaFxToolkit.call(() -> {
            view.dispose();
            return null;
        });
    }
}
