package dev.triage.core.cases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The most recently opened case folders, newest first, kept one per line in a text file in the app-data folder. */
public final class RecentCases {

    private static final Logger LOG = LoggerFactory.getLogger(RecentCases.class);
    private static final int MAX = 12;

    private final Path file;

    /**
     * Creates the list over a file.
     *
     * @param file the text file, created on first write
     */
    public RecentCases(Path file) {
        this.file = file;
    }

    /**
     * Returns the recent folders that still hold a case.
     *
     * @return the folders, newest first
     */
    public synchronized List<Path> list() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(s -> !s.isBlank()).map(Path::of)
                    .filter(p -> Files.isRegularFile(p.resolve(Case.META))).distinct().toList();
        } catch (IOException e) {
            LOG.warn("Cannot read recent cases from {}: {}", file, e.getMessage());
            return List.of();
        }
    }

    /**
     * Puts a folder at the top of the list.
     *
     * @param folder the case folder just opened
     */
    public synchronized void add(Path folder) {
        List<Path> next = new ArrayList<>();
        next.add(folder.toAbsolutePath().normalize());
        list().stream().filter(p -> !p.equals(next.get(0))).limit(MAX - 1L).forEach(next::add);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, next.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Cannot write recent cases to {}: {}", file, e.getMessage());
        }
    }
}
