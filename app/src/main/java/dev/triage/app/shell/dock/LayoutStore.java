package dev.triage.app.shell.dock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes {@link DockLayout}s as JSON files; a broken or newer file is logged and ignored. */
public final class LayoutStore {

    /** The layout file's name, in a case folder or the config folder. */
    public static final String FILE = "layout.json";

    private static final Logger LOG = LoggerFactory.getLogger(LayoutStore.class);
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Reads a layout.
     *
     * @param file the JSON file
     * @return the layout, or empty when missing, unreadable or of another version
     */
    public Optional<DockLayout> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            DockLayout layout = json.readValue(file.toFile(), DockLayout.class);
            if (layout.version() != DockLayout.VERSION || layout.root() == null) {
                LOG.warn("Layout {} has version {}, expected {}; using the default layout", file, layout.version(), DockLayout.VERSION);
                return Optional.empty();
            }
            return Optional.of(layout);
        } catch (IOException e) {
            LOG.warn("Layout {} could not be read, using the default layout: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Writes a layout atomically.
     *
     * @param file the JSON file
     * @param layout the layout
     */
    public void save(Path file, DockLayout layout) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            json.writeValue(tmp.toFile(), layout);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Layout could not be saved to {}: {}", file, e.getMessage());
        }
    }
}
