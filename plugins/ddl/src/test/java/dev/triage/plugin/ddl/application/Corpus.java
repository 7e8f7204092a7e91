package dev.triage.plugin.ddl.application;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared test corpus through the {@code triage.corpus} property the root pom sets, or skips. */
final class Corpus {

    private Corpus() {
    }

    static Path ddl() {
        String prop = System.getProperty("triage.corpus");
        Path root = Path.of(prop != null ? prop : "../../../shared/corpus").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(root.resolve("ddl")), "corpus folder " + root.resolve("ddl") + " is missing");
        return root.resolve("ddl");
    }
}
