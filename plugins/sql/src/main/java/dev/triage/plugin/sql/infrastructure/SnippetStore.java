package dev.triage.plugin.sql.infrastructure;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Saved SQL snippets by name, in {@code sql-snippets.json} of the config folder. */
public final class SnippetStore {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;

    /**
     * Creates the store.
     *
     * @param folder the config folder
     */
    public SnippetStore(Path folder) {
        this.file = folder.resolve("sql-snippets.json");
    }

    /**
     * Lists the snippets.
     *
     * @return name to SQL, sorted by name
     * @throws IOException when the file cannot be read
     */
    public synchronized Map<String, String> list() throws IOException {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        return new TreeMap<>(JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() { }));
    }

    /**
     * Saves or replaces a snippet.
     *
     * @param name the name
     * @param sql the SQL
     * @throws IOException when the file cannot be written
     */
    public synchronized void save(String name, String sql) throws IOException {
        Map<String, String> all = list();
        all.put(name, sql);
        write(all);
    }

    /**
     * Deletes a snippet.
     *
     * @param name the name
     * @throws IOException when the file cannot be written
     */
    public synchronized void delete(String name) throws IOException {
        Map<String, String> all = list();
        if (all.remove(name) != null) {
            write(all);
        }
    }

    private void write(Map<String, String> all) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), all);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
