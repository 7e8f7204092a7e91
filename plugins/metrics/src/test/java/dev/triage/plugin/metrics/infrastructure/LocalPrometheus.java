package dev.triage.plugin.metrics.infrastructure;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus and node exporter (Debian's {@code prometheus} and {@code prometheus-node-exporter}) started on free
 * loopback ports with data under {@code target/}, Prometheus scraping the exporter and itself every second. Tests skip
 * when the binaries are absent.
 */
final class LocalPrometheus implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    final int port;
    /** The CA file (the self-signed certificate) when Prometheus serves TLS, else null. */
    final Path ca;
    private final HttpClient http;
    final int exporterPort;
    private final Process prometheus;
    private final Process exporter;

    private LocalPrometheus(int port, int exporterPort, Process prometheus, Process exporter, Path ca) {
        this.port = port;
        this.ca = ca;
        this.http = ca == null ? HttpClient.newHttpClient() : HttpClient.newBuilder().sslContext(PrometheusHttpClient.trusting(ca)).build();
        this.exporterPort = exporterPort;
        this.prometheus = prometheus;
        this.exporter = exporter;
    }

    static Path binary(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        Path sbin = Path.of("/usr/bin", name);
        return Files.isExecutable(sbin) ? sbin : null;
    }

    /** Starts both servers, or skips the test naming the missing binary. */
    static LocalPrometheus start(String name) throws Exception {
        return start(name, null);
    }

    /**
     * Starts both servers, first loading an OpenMetrics file into the TSDB with promtool (backfill), or skips.
     *
     * @param name the folder name under target/
     * @param backfill an OpenMetrics file to load, or null
     */
    static LocalPrometheus start(String name, Path backfill) throws Exception {
        return start(name, backfill, false);
    }

    /**
     * Starts both servers with Prometheus serving HTTPS ({@code --web.config.file}) with a self-signed certificate for
     * 127.0.0.1 that openssl makes under target/, or skips when openssl is absent.
     *
     * @param name the folder name under target/
     */
    static LocalPrometheus startTls(String name) throws Exception {
        return start(name, null, true);
    }

    private static LocalPrometheus start(String name, Path backfill, boolean tls) throws Exception {
        Path prom = binary("prometheus");
        Path node = binary("prometheus-node-exporter");
        assumeTrue(prom != null, "prometheus is not installed (apt-get install prometheus, as .ci/run does): live Prometheus tests skipped");
        assumeTrue(node != null, "prometheus-node-exporter is not installed (apt-get install prometheus-node-exporter): live tests skipped");
        Path dir = Path.of("target", "prometheus-" + name + "-" + ProcessHandle.current().pid()).toAbsolutePath();
        Files.createDirectories(dir.resolve("data"));
        if (backfill != null) {
            Path promtool = binary("promtool");
            assumeTrue(promtool != null, "promtool is not installed (Debian's prometheus package has it): backfill skipped");
            Process p = new ProcessBuilder(promtool.toString(), "tsdb", "create-blocks-from", "openmetrics", "-q", backfill.toString(),
                    dir.resolve("data").toString()).redirectErrorStream(true).redirectOutput(dir.resolve("promtool.log").toFile()).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("promtool failed: " + Files.readString(dir.resolve("promtool.log")));
            }
        }
        Path ca = null;
        String web = "";
        String selfScrape = "";
        if (tls) {
            Path openssl = binary("openssl");
            assumeTrue(openssl != null, "openssl is not installed: the TLS test cannot make its certificate");
            ca = dir.resolve("cert.pem");
            Process p = new ProcessBuilder(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", dir.resolve("key.pem").toString(), "-out", ca.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("openssl failed: " + Files.readString(dir.resolve("openssl.log")));
            }
            Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_file: " + ca + "\n  key_file: " + dir.resolve("key.pem") + "\n");
            web = "--web.config.file=" + dir.resolve("web.yml");
            selfScrape = "    scheme: https\n    tls_config: {ca_file: '" + ca + "'}\n";
        }
        int exporterPort = freePort();
        int port = freePort();
        Process exporter = new ProcessBuilder(node.toString(), "--web.listen-address=127.0.0.1:" + exporterPort,
                "--collector.disable-defaults", "--collector.cpu", "--collector.loadavg", "--collector.meminfo",
                "--collector.diskstats", "--collector.filesystem", "--collector.netdev", "--collector.time")
                .redirectErrorStream(true).redirectOutput(dir.resolve("node-exporter.log").toFile()).start();
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: prometheus
                    static_configs: [{targets: ['127.0.0.1:%d']}]
                %s  - job_name: node
                    static_configs: [{targets: ['127.0.0.1:%d']}]
                """.formatted(port, selfScrape, exporterPort));
        List<String> command = new java.util.ArrayList<>(List.of(prom.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port, "--web.enable-admin-api"));
        if (!web.isEmpty()) {
            command.add(web);
        }
        Process prometheus = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        LocalPrometheus p = new LocalPrometheus(port, exporterPort, prometheus, exporter, ca);
        try {
            p.awaitPoints(5, Duration.ofSeconds(60));
        } catch (Exception e) {
            p.close();
            throw new IllegalStateException("Prometheus did not start; see " + dir.resolve("prometheus.log") + ": " + e.getMessage(), e);
        }
        return p;
    }

    String url() {
        return (ca == null ? "http://" : "https://") + "127.0.0.1:" + port;
    }

    /** Polls until both targets have at least n scrapes. */
    void awaitPoints(int n, Duration limit) throws Exception {
        Instant end = Instant.now().plus(limit);
        String q = "min(count_over_time(up[5m])) and count(up == 1) == 2";
        while (true) {
            try {
                JsonNode r = get("/api/v1/query?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
                JsonNode result = r.path("data").path("result");
                if (result.size() == 1 && result.get(0).path("value").get(1).asDouble() >= n) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException("fewer than " + n + " scrapes after " + limit);
            }
            if (!prometheus.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + prometheus.exitValue());
            }
            try {
                prometheus.onExit().get(200, TimeUnit.MILLISECONDS); // waits for the next poll, or wakes when it dies
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                // poll again
            }
        }
    }

    /** GETs an API path and returns its JSON, independently of the plugin's client. */
    JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + pathAndQuery)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    String raw(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : List.of(prometheus, exporter)) {
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
