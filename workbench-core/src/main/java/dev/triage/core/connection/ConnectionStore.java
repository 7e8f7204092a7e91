package dev.triage.core.connection;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Saved connection targets in {@code connections.json} (written atomically) with their passwords in a {@link SecretStore}
 * under {@code connection/<id>}; the JSON file never holds a secret.
 */
public final class ConnectionStore {

    /** The file name inside the folder. */
    public static final String FILE = "connections.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final SecretStore secrets;

    /**
     * Creates a store.
     *
     * @param folder the folder holding {@code connections.json}, created on first save
     * @param secrets where passwords go
     */
    public ConnectionStore(Path folder, SecretStore secrets) {
        this.file = folder.toAbsolutePath().resolve(FILE);
        this.secrets = secrets;
    }

    /**
     * Returns the secret-store key of a connection's password.
     *
     * @param id the connection id
     * @return {@code connection/<id>}
     */
    public static String secretKey(String id) {
        return "connection/" + id;
    }

    /**
     * Returns the secret store holding the passwords, so a front end can unlock it with the user's passphrase.
     *
     * @return the secret store
     */
    public SecretStore secrets() {
        return secrets;
    }

    /**
     * Lists the saved targets.
     *
     * @return the targets, sorted by name then id
     * @throws IOException when the file cannot be read or is not valid
     */
    public synchronized List<ConnectionTarget> list() throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<ConnectionTarget> out = new ArrayList<>();
            for (JsonNode n : root.path("connections")) {
                out.add(JSON.treeToValue(n, ConnectionTarget.class));
            }
            out.sort(Comparator.comparing(ConnectionTarget::name).thenComparing(ConnectionTarget::id));
            return out;
        } catch (JacksonException e) {
            throw new IOException("The connections file " + file + " is not valid: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()), e);
        }
    }

    /**
     * Finds a saved target.
     *
     * @param id the connection id
     * @return the target, or empty
     * @throws IOException when the file cannot be read
     */
    public Optional<ConnectionTarget> find(String id) throws IOException {
        return list().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /**
     * Saves or replaces a target, and its password when one is given.
     *
     * @param target the target
     * @param password the password to store, or null to keep the stored one (if any); the caller wipes it afterwards
     * @throws IOException when the file cannot be written
     * @throws SecretStoreException when the password cannot be stored (nothing is saved then)
     */
    public synchronized void save(ConnectionTarget target, char[] password) throws IOException, SecretStoreException {
        if (password != null) {
            secrets.put(secretKey(target.id()), password);
        }
        List<ConnectionTarget> next = new ArrayList<>(list());
        next.removeIf(t -> t.id().equals(target.id()));
        next.add(target);
        write(next);
    }

    /**
     * Deletes a target and its password.
     *
     * @param id the connection id
     * @throws IOException when the file cannot be written
     * @throws SecretStoreException when the password cannot be deleted
     */
    public synchronized void delete(String id) throws IOException, SecretStoreException {
        List<ConnectionTarget> next = new ArrayList<>(list());
        if (next.removeIf(t -> t.id().equals(id))) {
            write(next);
        }
        secrets.delete(secretKey(id));
    }

    /**
     * Reads a target's password from the secret store.
     *
     * @param id the connection id
     * @return the password for the caller to wipe, or empty when none is stored
     * @throws SecretStoreException when the secret store is locked or unreadable
     */
    public Optional<char[]> password(String id) throws SecretStoreException {
        return secrets.get(secretKey(id));
    }

    private void write(List<ConnectionTarget> targets) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        root.set("connections", JSON.valueToTree(targets));
        SecretBytes.writeAtomically(file, JSON.writeValueAsBytes(root));
    }
}
