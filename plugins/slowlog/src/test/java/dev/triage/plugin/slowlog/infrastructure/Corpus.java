package dev.triage.plugin.slowlog.infrastructure;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared test corpus through the {@code triage.corpus} property the root pom sets, or skips. */
final class Corpus {

    private Corpus() {
    }

    static Path root() {
        String prop = System.getProperty("triage.corpus");
        Path root = Path.of(prop != null ? prop : "../../../shared/corpus").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(root.resolve("slowlog")), "corpus folder " + root.resolve("slowlog") + " is missing");
        return root;
    }
}
