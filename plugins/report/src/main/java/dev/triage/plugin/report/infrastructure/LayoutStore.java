package dev.triage.plugin.report.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.triage.core.cases.Case;
import dev.triage.plugin.report.domain.ReportLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Keeps a case's report layout in {@code report-layout.json} in the case folder (sensitive values only as hashes). */
public final class LayoutStore {

    /** The file's name in the case folder. */
    public static final String FILE = "report-layout.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LayoutStore() {
    }

    /**
     * Reads a case's layout, or the defaults when the user chose nothing yet.
     *
     * @param c the case
     * @return the layout
     * @throws IOException when the file exists but cannot be read, naming the file
     */
    public static ReportLayout load(Case c) throws IOException {
        Path file = c.folder().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return ReportLayout.defaults();
        }
        try {
            return JSON.readValue(file.toFile(), ReportLayout.class);
        } catch (IOException e) {
            throw new IOException(file + " is not a report layout Triage can read: " + e.getMessage(), e);
        }
    }

    /**
     * Saves a case's layout atomically.
     *
     * @param c the case
     * @param layout the layout
     * @throws IOException when the file cannot be written
     */
    public static void save(Case c, ReportLayout layout) throws IOException {
        Path file = c.folder().resolve(FILE);
        Path tmp = c.folder().resolve(FILE + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(layout));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
