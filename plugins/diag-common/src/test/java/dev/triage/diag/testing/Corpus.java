package dev.triage.diag.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared test corpus through the {@code triage.corpus} property the root pom sets, or skips. */
public final class Corpus {

    private Corpus() {
    }

    /**
     * Returns a folder of the corpus, skipping the test when it is absent.
     *
     * @param folder such as {@code status/redis-captured}
     * @return the folder
     */
    public static Path folder(String folder) {
        String prop = System.getProperty("triage.corpus");
        Path root = Path.of(prop != null ? prop : "../../../shared/corpus").toAbsolutePath().normalize();
        Path dir = root.resolve(folder);
        assumeTrue(Files.isDirectory(dir), "corpus folder " + dir + " is missing");
        return dir;
    }

    /**
     * Reads a corpus file.
     *
     * @param folder the corpus folder
     * @param name the file name
     * @return its text
     * @throws IOException when it cannot be read
     */
    public static String read(String folder, String name) throws IOException {
        return Files.readString(folder(folder).resolve(name), StandardCharsets.UTF_8);
    }
}
