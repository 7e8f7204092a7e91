package dev.triage.plugin.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.overview.application.AckArgs;
import dev.triage.plugin.overview.application.SilenceArgs;
import dev.triage.testkit.KernelExtension;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The alert commands through the kernel's command bus, with the webhook URL in the secret store and a loopback HTTP server. */
class AlertCommandsTest {

    static final TaskContext NONE = new dev.triage.core.task.TaskHandle<>("test");

    @RegisterExtension
    final KernelExtension triage = new KernelExtension();

    Object run(String name, Object args) throws Exception {
        return triage.kernel().commands().execute(name, args, NONE);
    }

    @Test
    void notifySendsATestAlertToTheWebhookWhoseUrlIsInTheSecretStore() throws Exception {
        Kernel kernel = triage.kernel();
        Path folder = triage.home().resolve("case");
        kernel.cases().create(folder, "alerts");
        BlockingQueue<JsonNode> got = new LinkedBlockingQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            got.add(new ObjectMapper().readTree(ex.getRequestBody()));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        try {
            kernel.connections().secrets().unlock("passphrase".toCharArray());
            kernel.connections().secrets().put("alerts/hook/url",
                    ("http://127.0.0.1:" + server.getAddress().getPort() + "/hook").toCharArray());
            Files.writeString(folder.resolve("alert-notify.json"), """
                    {"receivers": [{"name": "hook", "type": "webhook"}],
                     "routes": [{"name": "all", "receivers": ["hook"], "match": ["severity=~INFO|WARNING"]}]}
                    """);
            assertThat((String) run("alerts.notify", null)).contains("alert-notify.json").contains("hook (generic): sent");
            JsonNode body = got.poll(10, TimeUnit.SECONDS);
            assertThat(body).isNotNull();
            assertThat(body.path("alerts").get(0).path("labels").path("alertname").asText()).isEqualTo("triage-test");
            assertThat(Files.readString(folder.resolve("alert-notify.json"))).doesNotContain("127.0.0.1");

            Files.writeString(folder.resolve("alert-notify.json"), """
                    {"receivers": [{"name": "slack", "type": "slack", "url": "https://hooks.example/T/B/X"}]}
                    """);
            assertThatThrownBy(() -> run("alerts.notify", null)).hasMessageContaining("receiver 1 (slack)")
                    .hasMessageContaining("secrets do not go in this file");
            Files.writeString(folder.resolve("alert-notify.json"), """
                    {"receivers": [{"name": "ding", "type": "dingtalk"}]}
                    """);
            assertThatThrownBy(() -> run("alerts.notify", null)).hasMessageContaining("the secret store has no 'alerts/ding/url'");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void silencesAndAcknowledgementsAreKeptInTheCase() throws Exception {
        triage.kernel().cases().create(triage.home().resolve("case"), "alerts");
        String added = (String) run("alerts.silence", new SilenceArgs(List.of("target=db-1", "alertname=~repl.*"), "2h", "maintenance", "alice"));
        assertThat(added).startsWith("Silence ").contains("[target=db-1, alertname=~repl.*]");
        String id = added.split(" ")[1];
        assertThat((String) run("alerts.silences", null)).contains(id).contains("by alice: maintenance");
        assertThat((String) run("alerts.unsilence", new AckArgs(List.of(id), null, null))).isEqualTo("Silence " + id + " ended");
        assertThat((String) run("alerts.silences", null)).isEqualTo("No silence is active");
        assertThatThrownBy(() -> run("alerts.silence", new SilenceArgs(List.of("target~db"), null, null, null)))
                .hasMessageContaining("Bad matcher");
        assertThat((String) run("alerts.ack", new AckArgs(List.of("busy", "db-1"), "looking", "bob")))
                .isEqualTo("Acknowledged busy/db-1: no repeats until it resolves");
        assertThat((String) run("alerts.deliveries", new dev.triage.plugin.overview.application.OverviewArgs(null))).isEqualTo("No notification sent yet");
    }

    @Test
    void theBenchmarkEvaluatesEveryRuleOnEveryTargetEachRound() throws Exception {
        var bench = (dev.triage.plugin.overview.application.AlertBench) run("alerts.bench",
                new dev.triage.plugin.overview.application.AlertBench.Args(100, 5, 6));
        assertThat(bench.evaluations()).isEqualTo(100L * 5 * 6);
        assertThat(bench.transitions()).as("random values cross thresholds").isPositive();
        assertThat(bench.notifications()).isPositive();
        assertThat(bench.text()).contains("100 rules x 5 targets, 6 rounds");
    }
}
