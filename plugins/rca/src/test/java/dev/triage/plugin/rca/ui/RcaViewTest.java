package dev.triage.plugin.rca.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.finding.Evidence;
import dev.triage.core.finding.Finding;
import dev.triage.core.finding.FindingSource;
import dev.triage.core.finding.FindingStore;
import dev.triage.core.finding.Severity;
import dev.triage.core.ui.ShowView;
import dev.triage.core.ui.View;
import dev.triage.core.ui.ViewContribution;
import dev.triage.testkit.JavaFxToolkit;
import dev.triage.testkit.KernelExtension;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RcaViewTest {

    @RegisterExtension
    final KernelExtension triage = new KernelExtension();

    @Test
    void listsHypothesesWithEvidenceThatOpensTheOwningViewAndTheKnownIssues() throws Exception {
        Case c = triage.kernel().cases().create(triage.home().resolve("case"), "incident");
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        new FindingStore(c).saveAll(List.of(
                new Finding(Severity.CRITICAL, "Memory used is 100.0 % of maxmemory", List.of(Evidence.line("redis_version:7.0.11")), "",
                        new FindingSource("redis-diagnostics", "cache1", t)),
                new Finding(Severity.CRITICAL, "185666 keys were evicted to stay under maxmemory", List.of(), "",
                        new FindingSource("redis-diagnostics", "cache1", t))));
        BlockingQueue<ShowView> shown = new ArrayBlockingQueue<>(4);
        var sub = triage.kernel().events().subscribe(ShowView.class, shown::add);
        ViewContribution contribution = triage.kernel().services().findAll(ViewContribution.class).stream()
                .filter(v -> v.id().equals("rca.view")).findFirst().orElseThrow();
        CountDownLatch listed = new CountDownLatch(1);
        View view = JavaFxToolkit.call(() -> {
            View v = contribution.factory().get();
            ((RcaView) v).hypotheses().getItems().addListener((ListChangeListener<Object>) ch -> listed.countDown());
            Parent root = (Parent) v.node();
            new Scene(root, 1200, 800);
            return v;
        });
        assertThat(listed.await(30, TimeUnit.SECONDS)).isTrue();
        RcaView rca = (RcaView) view;
        assertThat(JavaFxToolkit.call(() -> rca.hypotheses().getItems().get(0).rule().id())).isEqualTo("redis-memory-pressure");
        Hyperlink evidence = JavaFxToolkit.call(() -> rca.details().getChildren().stream().filter(Hyperlink.class::isInstance)
                .map(Hyperlink.class::cast).filter(h -> h.getText().contains("evicted")).findFirst().orElseThrow());
        JavaFxToolkit.call(() -> {
            evidence.fire();
            return null;
        });
        // the plugin's finding.show asks the window to open the RCA view on that finding; the window then calls reveal
        ShowView asked = shown.poll(30, TimeUnit.SECONDS);
        assertThat(asked).isEqualTo(new ShowView("rca.view", "185666 keys were evicted to stay under maxmemory"));
        CountDownLatch revealed = new CountDownLatch(1);
        JavaFxToolkit.call(() -> {
            rca.details().getChildren().addListener((ListChangeListener<Object>) ch -> {
                if (rca.details().lookup("#rca-finding") != null) {
                    revealed.countDown();
                }
            });
            rca.reveal(asked.ref());
            return null;
        });
        assertThat(revealed.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(JavaFxToolkit.call(() -> ((Label) rca.details().lookup("#rca-finding")).getText()))
                .startsWith("[CRITICAL] 185666 keys were evicted").contains("redis-diagnostics · cache1");
        String issues = JavaFxToolkit.call(() -> rca.knownIssues().getChildren().stream().filter(Label.class::isInstance)
                .map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + "\n" + b));
        assertThat(issues).contains("redis 7.0.11", "CVE-2022-24834").doesNotContain("CVE-2023-28856", "CVE-2022-35951");
        view.dispose();
        sub.close();
    }
}
