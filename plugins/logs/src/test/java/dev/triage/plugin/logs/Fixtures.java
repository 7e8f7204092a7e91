package dev.triage.plugin.logs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.core.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Test inputs: the shared corpus (skipped when absent) and the generated incident logs with their truth. */
public final class Fixtures {

    /** A task context that never cancels. */
    public static final TaskContext NONE = new TaskContext() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    private Fixtures() {
    }

    /** The shared corpus, or a skipped test naming the folder. */
    public static Path corpus() {
        String prop = System.getProperty("triage.corpus");
        Path root = Path.of(prop != null ? prop : "../../../shared/corpus").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(root.resolve("serverlogs")), "corpus folder " + root.resolve("serverlogs") + " is missing");
        return root;
    }

    /** Runs gen-serverlogs.py into a folder (once per size) and returns it; skips when python3 or the tool is missing. */
    public static synchronized Path generated(double sizeMb) throws Exception {
        Path tool = corpus().resolve("../tools/gen-serverlogs.py").normalize();
        assumeTrue(Files.isRegularFile(tool), "generator " + tool + " is missing");
        Path out = Path.of("target/gen-" + sizeMb).toAbsolutePath();
        if (!Files.isRegularFile(out.resolve("truth.json"))) {
            Process p = new ProcessBuilder("python3", tool.toString(), "--out", out.toString(), "--size-mb", Double.toString(sizeMb),
                    "--seed", "3", "--gzip-some").inheritIO().start();
            assumeTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "python3 " + tool + " did not run");
            // The syslog carries no year: its modification time gives it (2026, as the generator says).
            try (var files = Files.list(out)) {
                for (Path f : files.toList()) {
                    Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-03-02T00:00:00Z")));
                }
            }
        }
        return out;
    }

    /** Reads a JSON file. */
    public static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }
}
