package dev.triage.plugin.rca.infrastructure;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared test corpus through the {@code triage.corpus} property the root pom sets, or skips. */
final class Corpus {

    private Corpus() {
    }

    static Path status(String folder) {
        String prop = System.getProperty("triage.corpus");
        Path root = Path.of(prop != null ? prop : "../../../shared/corpus").toAbsolutePath().normalize();
        Path dir = root.resolve("status").resolve(folder);
        assumeTrue(Files.isDirectory(dir), "corpus folder " + dir + " is missing");
        return dir;
    }
}
