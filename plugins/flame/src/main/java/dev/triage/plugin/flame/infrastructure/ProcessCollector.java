package dev.triage.plugin.flame.infrastructure;

import dev.triage.core.task.TaskContext;
import dev.triage.plugin.flame.application.Collector;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Collects profiles: Go pprof over HTTP with the JDK's client, JFR from a local JVM through the JDK's {@code jcmd}. */
public final class ProcessCollector implements Collector {

    private static final long TICK_MS = 200;

    @Override
    public void pprof(String url, int seconds, Path target, TaskContext context) throws Exception {
        String full = url.contains("seconds=") ? url : url + (url.contains("?") ? "&" : "?") + "seconds=" + seconds;
        URI uri;
        try {
            uri = URI.create(full);
        } catch (IllegalArgumentException e) {
            throw new IOException("Not a URL: " + url, e);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(seconds + 60L)).GET().build();
        CompletableFuture<HttpResponse<Path>> future = client.sendAsync(request, HttpResponse.BodyHandlers.ofFile(target));
        HttpResponse<Path> response;
        try {
            response = await(future, seconds, "Profiling " + uri.getHost() + ":" + uri.getPort(), context);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException("Cannot fetch a profile from " + uri + ": " + why, e);
        }
        if (response.statusCode() != 200) {
            String body = Files.exists(target) ? Files.readString(target, StandardCharsets.ISO_8859_1) : "";
            Files.deleteIfExists(target);
            throw new IOException(uri + " answered HTTP " + response.statusCode() + ": "
                    + body.substring(0, Math.min(200, body.length())).strip());
        }
        if (ProfileReader.detect(Inputs.head(target, 4096)).isEmpty()) {
            Files.deleteIfExists(target);
            throw new IOException(uri + " did not answer with a profile");
        }
    }

    private static <T> T await(CompletableFuture<T> future, int seconds, String what, TaskContext context) throws Exception {
        long start = System.nanoTime();
        while (true) {
            try {
                return future.get(TICK_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                if (context.isCancelled()) {
                    future.cancel(true);
                    throw new CancellationException(what + " cancelled");
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                context.progress(Math.min(0.99, elapsed / Math.max(1, seconds)),
                        String.format(java.util.Locale.ROOT, "%s: %.0f of %d s", what, elapsed, seconds));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof Exception ex ? ex : e;
            }
        }
    }

    @Override
    public void jfr(long pid, int seconds, Path target, TaskContext context) throws Exception {
        String name = "triage-" + System.nanoTime();
        jcmd(pid, "JFR.start", "name=" + name, "settings=profile");
        try {
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                if (context.isCancelled()) {
                    throw new CancellationException("JFR recording of process " + pid + " cancelled");
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                context.progress(elapsed / seconds, String.format(java.util.Locale.ROOT, "Recording JVM %d: %.0f of %d s", pid,
                        elapsed, seconds));
                Thread.sleep(Math.min(TICK_MS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
            }
            jcmd(pid, "JFR.dump", "name=" + name, "filename=" + target.toAbsolutePath());
        } finally {
            try {
                jcmd(pid, "JFR.stop", "name=" + name);
            } catch (IOException stopFailed) {
                // the JVM may have exited; the dump (or its error) is what matters
            }
        }
        if (!Files.isRegularFile(target) || Files.size(target) == 0) {
            throw new IOException("JVM " + pid + " wrote no recording to " + target);
        }
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd");
        cmd.add(Long.toString(pid));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jcmd " + pid + " " + command[0] + " did not finish in 60 s");
        }
        if (p.exitValue() != 0 || out.contains("Exception") || out.contains("Could not")) {
            throw new IOException("jcmd " + pid + " " + command[0] + " failed: " + out.strip());
        }
    }
}
