package dev.triage.plugin.redisdiag;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import redis.clients.jedis.Jedis;

/**
 * A real redis-server process on a free loopback port with its data under target/: Debian's redis-server when
 * installed, else the Redis 6.2 binary inside the embedded-redis jar.
 */
public final class RedisProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a server and waits until it answers PING.
     *
     * @param name a name for its data folder
     * @param args extra arguments such as {@code --maxmemory 4mb}
     * @return the running server
     * @throws Exception when it cannot start
     */
    public static RedisProcess start(String name, String... args) throws Exception {
        return launch(name, null, args);
    }

    /**
     * Starts a Sentinel that monitors a master as {@code mymaster} with quorum 1, and waits until it answers PING.
     *
     * @param name a name for its data folder
     * @param masterPort the master's port
     * @return the running sentinel
     * @throws Exception when it cannot start
     */
    public static RedisProcess sentinel(String name, int masterPort) throws Exception {
        String conf = "sentinel monitor mymaster 127.0.0.1 " + masterPort + " 1\nsentinel down-after-milliseconds mymaster 1000\n"
                + "sentinel failover-timeout mymaster 3000\n";
        return launch(name, conf, "--sentinel");
    }

    private static RedisProcess launch(String name, String config, String... args) throws Exception {
        Path binary = binary();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = Path.of("target", "redis", name + "-" + port).toAbsolutePath();
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>(List.of(binary.toString()));
        if (config != null) {
            cmd.add(Files.writeString(dir.resolve("redis.conf"), config).toString());
        }
        cmd.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(), "--daemonize", "no"));
        if (config == null) {
            cmd.addAll(List.of("--save", "", "--appendonly", "no"));
        }
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        RedisProcess r = new RedisProcess(p, port);
        r.await(Duration.ofSeconds(20), () -> {
            try (Jedis j = r.client()) {
                return "PONG".equals(j.ping());
            } catch (RuntimeException e) {
                return false;
            }
        }, "redis-server on port " + port + " to answer PING (log " + dir.resolve("redis.log") + ")");
        return r;
    }

    /**
     * Waits for a condition by polling it, failing after a time limit.
     *
     * @param limit the time limit
     * @param condition the condition
     * @param what what is awaited, for the failure message
     * @throws InterruptedException when interrupted
     */
    public void await(Duration limit, BooleanSupplier condition, String what) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static Path binary() throws IOException {
        Path debian = Path.of("/usr/bin/redis-server");
        if (Files.isExecutable(debian)) {
            return debian;
        }
        String os = System.getProperty("os.name").toLowerCase();
        String arch = System.getProperty("os.arch");
        assumeTrue(os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64")),
                "no redis-server for " + os + "/" + arch + " (install redis-server)");
        Path target = Path.of("target", "redis", "redis-server-6.2.6").toAbsolutePath();
        if (!Files.isExecutable(target)) {
            Files.createDirectories(target.getParent());
            try (InputStream in = RedisProcess.class.getClassLoader().getResourceAsStream("redis-server-6.2.6-v5-linux-amd64")) {
                assumeTrue(in != null, "the embedded-redis jar has no Linux binary");
                Path tmp = Files.createTempFile(target.getParent(), "redis", ".tmp");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                tmp.toFile().setExecutable(true);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return target;
    }

    /**
     * Returns the port.
     *
     * @return the TCP port
     */
    public int port() {
        return port;
    }

    /**
     * Opens a client.
     *
     * @return a Jedis connection
     */
    public Jedis client() {
        return new Jedis("127.0.0.1", port, 5000);
    }

    /**
     * Kills the server at once, as a crash would.
     *
     * @throws InterruptedException when interrupted
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
