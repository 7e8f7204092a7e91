package dev.triage.plugin.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.FindingSource;
import dev.triage.core.finding.FindingStore;
import dev.triage.core.finding.Severity;
import dev.triage.core.ui.View;
import dev.triage.core.ui.ViewContribution;
import dev.triage.plugin.report.infrastructure.LayoutStore;
import dev.triage.testkit.JavaFxToolkit;
import dev.triage.testkit.KernelExtension;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReportViewTest {

    static final String LOG = """
            # Time: 2024-03-01T10:00:00.000000Z
            # User@Host: app[app] @ web1 [10.0.0.1]  Id:    42
            # Query_time: 2.000000  Lock_time: 0.001000 Rows_sent: 1  Rows_examined: 5000
            SET timestamp=1709287200;
            SELECT * FROM orders WHERE customer_id = 17;
            """;

    @RegisterExtension
    final KernelExtension triage = new KernelExtension();

    @Test
    void showsTheSectionsRendersThePreviewFollowsTheSelectionAndExports() throws Exception {
        Case c = triage.kernel().cases().create(triage.home().resolve("case"), "incident");
        triage.kernel().imports().importFiles(c, List.of(Files.writeString(triage.home().resolve("slow.log"), LOG))).result()
                .get(30, TimeUnit.SECONDS);
        new FindingStore(c).save(new Finding(Severity.CRITICAL, "Row lock waits take 6201 ms on average",
                List.of(Evidence.metric("Innodb_row_lock_time_avg", "6201")), "Find the blocking transaction",
                new FindingSource("mysql-diagnostics", "db1", Instant.parse("2024-03-01T10:00:00Z"))));
        c.saveNotes("Orders page slow since 10:00; started after the 09:55 deploy.");

        ViewContribution contribution = triage.kernel().services().findAll(ViewContribution.class).stream()
                .filter(v -> v.id().equals("report.view")).findFirst().orElseThrow();
        ScrollPane[] preview = new ScrollPane[1];
        CountDownLatch rendered = new CountDownLatch(1);
        View view = JavaFxToolkit.call(() -> {
            View v = contribution.factory().get();
            preview[0] = ((ReportView) v).preview();
            preview[0].contentProperty().addListener((o, a, b) -> rendered.countDown());
            return v;
        });
        Parent root = (Parent) view.node();
        JavaFxToolkit.call(() -> {
            new Scene(root, 1400, 860);
            root.applyCss();
            root.layout();
            return null;
        });
        assertThat(rendered.await(30, TimeUnit.SECONDS)).isTrue();
        ListView<ReportView.Item> sections = ((ReportView) view).sections();
        List<String> titles = JavaFxToolkit.call(() -> sections.getItems().stream().map(Object::toString).toList());
        assertThat(titles).contains("Findings by severity").hasSizeGreaterThanOrEqualTo(2);
        assertThat(text(preview[0])).contains("Summary", "Orders page slow since 10:00", "Row lock waits take 6201 ms");

        // Move the findings to the top and leave the slow-log section out: the preview and the case follow.
        CountDownLatch again = new CountDownLatch(1);
        JavaFxToolkit.call(() -> {
            preview[0].contentProperty().addListener((ChangeListener<Node>) (o, a, b) -> again.countDown());
            ReportView rv = (ReportView) view;
            rv.move(titles.indexOf("Findings by severity"), 0);
            String other = titles.stream().filter(t -> !t.equals("Findings by severity")).findFirst().orElseThrow();
            ReportView.Item item = sections.getItems().stream().filter(i -> i.toString().equals(other)).findFirst().orElseThrow();
            item.included.set(false);
            sections.refresh();
            root.applyCss();
            root.layout();
            CheckBox box = (CheckBox) sections.lookupAll(".check-box").stream()
                    .filter(n -> n instanceof CheckBox cb && cb.getText().equals(other)).findFirst().orElseThrow();
            box.setSelected(false);
            box.fireEvent(new javafx.event.ActionEvent());
            return null;
        });
        assertThat(again.await(30, TimeUnit.SECONDS)).isTrue();
        String hiddenTitle = titles.stream().filter(t -> !t.equals("Findings by severity")).findFirst().orElseThrow();
        assertThat(LayoutStore.load(c).order().get(0)).isEqualTo("Findings by severity");
        assertThat(LayoutStore.load(c).hidden()).contains(hiddenTitle);
        snapshot(root, Path.of("target/report-view.png"));

        CountDownLatch exported = new CountDownLatch(1);
        Label status = ((ReportView) view).status();
        JavaFxToolkit.call(() -> {
            status.textProperty().addListener((o, a, b) -> {
                if (b.startsWith("Wrote")) {
                    exported.countDown();
                }
            });
            ((Button) root.lookupAll(".button").stream().filter(n -> "report-export-html".equals(n.getId())).findFirst().orElseThrow()).fire();
            return null;
        });
        assertThat(exported.await(30, TimeUnit.SECONDS)).isTrue();
        Path html = Path.of(JavaFxToolkit.call(status::getText).substring("Wrote ".length()));
        assertThat(html).hasFileName("report.html").exists();
        assertThat(Files.readString(html)).contains("Row lock waits take 6201 ms").doesNotContain(">" + hiddenTitle + "<");
        view.dispose();
    }

    static String text(Node n) throws Exception {
        return JavaFxToolkit.call(() -> {
            StringBuilder b = new StringBuilder();
            collect(n, b);
            return b.toString();
        });
    }

    private static void collect(Node n, StringBuilder b) {
        if (n instanceof Text t) {
            b.append(t.getText());
        } else if (n instanceof Label l) {
            b.append(l.getText()).append('\n');
        }
        if (n instanceof ScrollPane sp && sp.getContent() != null) {
            collect(sp.getContent(), b);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, b));
        }
    }

    /** Writes what the view shows as a PNG (for docs/images), without javafx-swing. */
    static void snapshot(Parent root, Path file) throws Exception {
        WritableImage img = JavaFxToolkit.call(() -> root.snapshot(null, null));
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(out, "png", file.toFile());
        assertThat(Stream.of(file)).allMatch(Files::isRegularFile);
    }
}
