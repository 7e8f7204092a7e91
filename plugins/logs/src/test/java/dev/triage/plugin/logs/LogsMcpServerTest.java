package dev.triage.plugin.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.core.kernel.Kernel;
import dev.triage.plugin.logs.infrastructure.LogsMcpServer;
import dev.triage.testkit.TestKernels;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Speaks JSON-RPC to the MCP server on in-process pipes, as an AI assistant does over stdio. */
class LogsMcpServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void listsTheToolsAndAnswersSearchTimelineFactsRememberAndReportFromTheCase() throws Exception {
        Path dir = Files.createDirectories(home.resolve("logs"));
        Files.writeString(dir.resolve("mysql-error.log"), LogsFeaturesTest.MYSQL);
        Files.writeString(dir.resolve("kafka-server.log"), LogsFeaturesTest.KAFKA);
        try (Kernel k = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            k.cases().create(home.resolve("case"), "t");
            k.commands().executeText("logs.import", Map.of("paths", List.of(dir.toString()), "tz", "UTC"), Fixtures.NONE);

            Pipe toServer = Pipe.open();
            Pipe fromServer = Pipe.open();
            OutputStream client = Channels.newOutputStream(toServer.sink());
            BlockingQueue<String> answers = new ArrayBlockingQueue<>(100);
            Thread server = new Thread(() -> {
                try {
                    new LogsMcpServer(k.commands()).serve(Channels.newInputStream(toServer.source()),
                            Channels.newOutputStream(fromServer.sink()), Fixtures.NONE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "mcp-server");
            server.start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(Channels.newInputStream(fromServer.source()),
                        StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        answers.add(line);
                    }
                } catch (Exception ignored) {
                    // the pipe closes when the test ends
                }
            }, "mcp-client");
            reader.setDaemon(true);
            reader.start();

            JsonNode init = call(client, answers, 1, "initialize", Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
                    "clientInfo", Map.of("name", "test", "version", "1")));
            assertThat(init.at("/result/serverInfo/name").asText()).isEqualTo("triage-logs");
            send(client, Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));

            JsonNode tools = call(client, answers, 2, "tools/list", Map.of());
            assertThat(StreamSupport.stream(tools.at("/result/tools").spliterator(), false).map(t -> t.get("name").asText()))
                    .contains("search", "timeline", "facts", "remember", "report");

            JsonNode search = tool(client, answers, 3, "search", Map.of("must", List.of("deadlock"), "context", 1));
            assertThat(search.at("/isError").asBoolean()).isFalse();
            JsonNode hits = JSON.readTree(search.at("/content/0/text").asText()).get("hits");
            assertThat(hits).hasSize(1);
            assertThat(hits.get(0).get("file").asText()).isEqualTo("mysql-error.log");
            assertThat(hits.get(0).get("line").asLong()).isEqualTo(2);
            assertThat(hits.get(0).get("text").asText()).contains("Transactions deadlock detected");

            JsonNode timeline = JSON.readTree(tool(client, answers, 4, "timeline", Map.of("level", "WARN")).at("/content/0/text").asText());
            assertThat(timeline.get("rows")).extracting(r -> r.get("file").asText() + ":" + r.get("line").asInt())
                    .containsExactly("mysql-error.log:2", "mysql-error.log:4");

            JsonNode facts = JSON.readTree(tool(client, answers, 5, "facts", Map.of()).at("/content/0/text").asText());
            assertThat(facts.get("counts")).extracting(c -> c.get("rule").asText())
                    .contains("mysql.deadlock", "kafka.isr-shrink", "kafka.controller-change");

            JsonNode remember = tool(client, answers, 6, "remember", Map.of("file", "mysql-error.log", "line", 2,
                    "kind", "bookmark", "text", "the deadlock that started it"));
            assertThat(remember.at("/isError").asBoolean()).isFalse();
            String report = tool(client, answers, 7, "report", Map.of()).at("/content/0/text").asText();
            assertThat(report).contains("the deadlock that started it").contains("mysql-error.log");

            JsonNode bad = tool(client, answers, 8, "search", Map.of("regex", "(unclosed"));
            assertThat(bad.at("/isError").asBoolean()).isTrue();
            assertThat(bad.at("/content/0/text").asText()).startsWith("search failed");

            client.close(); // the assistant goes away: stdin ends, the server stops
            server.join(TimeUnit.SECONDS.toMillis(20));
            assertThat(server.isAlive()).as("server stopped when its input ended").isFalse();
        }
    }

    private static JsonNode tool(OutputStream client, BlockingQueue<String> answers, int id, String name, Map<String, Object> args)
            throws Exception {
        JsonNode answer = call(client, answers, id, "tools/call", Map.of("name", name, "arguments", args));
        assertThat(answer.has("result")).as("answer to %s: %s", name, answer).isTrue();
        return answer.get("result");
    }

    private static JsonNode call(OutputStream client, BlockingQueue<String> answers, int id, String method, Object params)
            throws Exception {
        send(client, Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params));
        List<String> others = new ArrayList<>();
        while (true) {
            String line = answers.poll(60, TimeUnit.SECONDS);
            assertThat(line).as("an answer to %s (other messages: %s)", method, others).isNotNull();
            JsonNode node = JSON.readTree(line);
            if (node.path("id").asInt(-1) == id) {
                return node;
            }
            others.add(line);
        }
    }

    private static void send(OutputStream client, Object message) throws Exception {
        client.write((JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
        client.flush();
    }
}
