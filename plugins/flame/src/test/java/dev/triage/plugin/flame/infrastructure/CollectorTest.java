package dev.triage.plugin.flame.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.triage.core.cases.Case;
import dev.triage.core.cases.ImportSummary;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.task.DefaultTaskExecutor;
import dev.triage.core.task.TaskContext;
import dev.triage.core.task.TaskHandle;
import dev.triage.plugin.flame.TestTasks;
import dev.triage.plugin.flame.application.CollectArgs;
import dev.triage.testkit.TestKernels;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collection from a real loopback pprof endpoint serving corpus bytes, and JFR from a real JVM started by the test. */
class CollectorTest {

    private static HttpServer server;
    private static byte[] pprof;
    private static final List<String> QUERIES = new CopyOnWriteArrayList<>();
    private static final CountDownLatch SLOW_STARTED = new CountDownLatch(1);
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    @TempDir
    Path home;

    @BeforeAll
    static void startServer() throws IOException {
        pprof = Files.readAllBytes(Corpus.folder("profiles/pprof").resolve("parca-query-fib.pb.gz"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/debug/pprof/profile", ex -> {
            QUERIES.add(ex.getRequestURI().getQuery());
            ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(200, pprof.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(pprof);
            }
        });
        server.createContext("/slow", ex -> {
            SLOW_STARTED.countDown();
            try {
                RELEASE.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(200, pprof.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(pprof);
            }
        });
        server.createContext("/missing", ex -> {
            byte[] body = "404 page not found".getBytes();
            ex.sendResponseHeaders(404, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterAll
    static void stopServer() {
        RELEASE.countDown();
        server.stop(0);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void pprofFromAnEndpointIsStoredInTheCaseWithTargetAndTime() throws Exception {
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = kernel.cases().create(home.resolve("case"), "demo");
            List<Double> progress = new CopyOnWriteArrayList<>();
            TaskContext ctx = TestTasks.recording(progress);
            ImportSummary s = (ImportSummary) kernel.commands().execute("flame.collect",
                    new CollectArgs(url("/debug/pprof/profile"), null, 1), ctx);
            assertThat(s.files()).isEqualTo(1);
            assertThat(QUERIES).contains("seconds=1");
            try (Connection conn = c.newConnection(); Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT file, format, sample_type, total, target, collected_at FROM flame_profiles")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("pprof-127.0.0.1-").endsWith(".pb.gz");
                assertThat(rs.getString(2)).isEqualTo("PPROF");
                assertThat(rs.getString(3)).isEqualTo("cpu");
                assertThat(rs.getLong(4)).isEqualTo(29_740_000_000L);
                assertThat(rs.getString(5)).isEqualTo(url("/debug/pprof/profile"));
                assertThat(rs.getTimestamp(6)).isNotNull();
            }
            assertThatThrownBy(() -> kernel.commands().execute("flame.collect", new CollectArgs(url("/missing"), null, 1), ctx))
                    .hasMessageContaining("HTTP 404").hasMessageContaining("404 page not found");
            assertThat(c.imports()).hasSize(1);
            int closedPort;
            try (var probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = probe.getLocalPort();
            }
            assertThatThrownBy(() -> kernel.commands().execute("flame.collect",
                    new CollectArgs("http://127.0.0.1:" + closedPort + "/debug/pprof/profile", null, 1), ctx))
                    .hasMessageContaining("Cannot fetch a profile from http://127.0.0.1:" + closedPort);
        }
    }

    @Test
    void aRunningCollectionCanBeCancelledAndLeavesTheCaseAsItWas() throws Exception {
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins();
             DefaultTaskExecutor background = new DefaultTaskExecutor(1)) {
            Case c = kernel.cases().create(home.resolve("case"), "demo");
            TaskHandle<Object> handle = background.submit("collect", ctx -> kernel.commands().execute("flame.collect",
                    new CollectArgs(url("/slow"), null, 5), ctx));
            assertThat(SLOW_STARTED.await(30, TimeUnit.SECONDS)).isTrue();
            handle.cancel();
            assertThatThrownBy(() -> handle.result().get(30, TimeUnit.SECONDS))
                    .isInstanceOfAny(CancellationException.class, ExecutionException.class);
            assertThat(c.imports()).isEmpty();
        }
    }

    @Test
    void jfrFromARealJvmStartedByTheTest() throws Exception {
        Path src = Files.writeString(home.resolve("Busy.java"), """
                public class Busy {
                    public static void main(String[] a) throws Exception {
                        System.out.println("ready");
                        System.out.flush();
                        long end = System.currentTimeMillis() + 120_000;
                        double x = 0;
                        while (System.currentTimeMillis() < end) {
                            x += spin(x);
                        }
                        System.out.println(x);
                    }
                    static double spin(double x) {
                        for (int i = 0; i < 100_000; i++) { x = Math.sin(x + i); }
                        return x;
                    }
                }
                """);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(java.toString(), "-XX:+UsePerfData", src.toString()).redirectErrorStream(true).start();
        try {
            assertThat(new String(jvm.getInputStream().readNBytes(5))).isEqualTo("ready");
            try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
                Case c = kernel.cases().create(home.resolve("case"), "demo");
                TaskContext none = TestTasks.NONE;
                kernel.commands().execute("flame.collect", new CollectArgs(null, jvm.pid(), 2), none);
                try (Connection conn = c.newConnection(); Statement st = conn.createStatement();
                     ResultSet rs = st.executeQuery("SELECT p.format, p.target, p.total, (SELECT max(total) FROM flame_functions "
                             + "WHERE name LIKE 'Busy.spin%') FROM flame_profiles p")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("JFR");
                    assertThat(rs.getString(2)).isEqualTo("jvm pid " + jvm.pid());
                    assertThat(rs.getLong(3)).isPositive();
                    assertThat(rs.getLong(4)).isPositive();
                }
            }
        } finally {
            jvm.destroyForcibly();
            jvm.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
