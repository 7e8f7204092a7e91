package dev.triage.plugin.flame.infrastructure;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared test corpus through the {@code triage.corpus} property the root pom sets, or skips. */
public final class Corpus {

    private Corpus() {
    }

    /**
     * Returns a folder of the corpus, skipping the test when it is absent.
     *
     * @param folder the folder under the corpus root, such as {@code profiles/pprof}
     * @return the folder
     */
    public static Path folder(String folder) {
        String prop = System.getProperty("triage.corpus");
        Path root = Path.of(prop != null ? prop : "../../../shared/corpus").toAbsolutePath().normalize();
        Path dir = root.resolve(folder);
        assumeTrue(Files.isDirectory(dir), "corpus folder " + dir + " is missing");
        return dir;
    }
}
