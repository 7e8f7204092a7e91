package dev.triage.core.connection;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets in one JSON file, each encrypted with AES-256-GCM under a key derived from the user's passphrase
 * (PBKDF2-HMAC-SHA256, random salt stored in the file); a verifier entry tells a wrong passphrase from a damaged file.
 */
public final class EncryptedFileSecretStore implements SecretStore {

    /** The fewest PBKDF2 iterations a secrets file may use. */
    public static final int MIN_ITERATIONS = 210_000;
    /** The PBKDF2 iterations of new files (OWASP's 2023 advice for PBKDF2-HMAC-SHA256). */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final int FORMAT = 1;
    private static final String VERIFIER_CONTEXT = "triage:verifier";
    private static final byte[] VERIFIER_TEXT = "triage-secret-store-v1".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Path file;
    private final int newFileIterations;
    private final Map<String, SecretCipher.Sealed> entries = new TreeMap<>();
    private byte[] salt;
    private int iterations;
    private SecretCipher.Sealed verifier;
    private SecretKeySpec key;

    private EncryptedFileSecretStore(Path file, int newFileIterations) {
        if (newFileIterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations must be at least " + MIN_ITERATIONS + ", got " + newFileIterations);
        }
        this.file = file.toAbsolutePath();
        this.newFileIterations = newFileIterations;
    }

    /**
     * Opens a store over a file, locked; new files use {@link #DEFAULT_ITERATIONS}.
     *
     * @param file the secrets file, created by the first {@link #unlock}
     * @return the locked store
     */
    public static EncryptedFileSecretStore at(Path file) {
        return new EncryptedFileSecretStore(file, DEFAULT_ITERATIONS);
    }

    /**
     * Opens a store over a file, locked, choosing the PBKDF2 iterations a new file gets.
     *
     * @param file the secrets file
     * @param iterations iterations for a new file, at least {@link #MIN_ITERATIONS}
     * @return the locked store
     */
    public static EncryptedFileSecretStore at(Path file, int iterations) {
        return new EncryptedFileSecretStore(file, iterations);
    }

    /**
     * Tells whether the secrets file exists, so the UI can ask to choose a passphrase rather than enter one.
     *
     * @return true when the file exists
     */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "encrypted file " + file;
    }

    /** {@inheritDoc} */
    @Override
    public synchronized boolean isUnlocked() {
        return key != null;
    }

    /**
     * Unlocks with the passphrase, creating the file with it when there is none yet.
     *
     * @param passphrase the passphrase, which the caller wipes afterwards
     * @throws SecretStoreException when the passphrase is empty or wrong, or the file is unreadable
     */
    @Override
    public synchronized void unlock(char[] passphrase) throws SecretStoreException {
        if (passphrase == null || passphrase.length == 0) {
            throw new SecretStoreException("The passphrase for " + file + " must not be empty", null);
        }
        key = null;
        try {
            if (exists()) {
                load();
                SecretKeySpec candidate = SecretCipher.deriveKey(passphrase, salt, iterations);
                checkVerifier(candidate);
                key = candidate;
            } else {
                salt = SecretCipher.random(SecretCipher.SALT_BYTES);
                iterations = newFileIterations;
                key = SecretCipher.deriveKey(passphrase, salt, iterations);
                verifier = SecretCipher.seal(key, VERIFIER_TEXT, VERIFIER_CONTEXT);
                entries.clear();
                save();
            }
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("Cannot unlock " + file + ": " + e.getMessage(), e);
        }
    }

    private void checkVerifier(SecretKeySpec candidate) throws SecretStoreException, GeneralSecurityException {
        try {
            if (!Arrays.equals(SecretCipher.open(candidate, verifier, VERIFIER_CONTEXT), VERIFIER_TEXT)) {
                throw new SecretStoreException("Secrets file " + file + " has an unexpected verifier", null);
            }
        } catch (AEADBadTagException e) {
            throw new SecretStoreException("Wrong passphrase for the secrets file " + file, e);
        }
    }

    /** Forgets the key; the store must be unlocked again before use. */
    public synchronized void lock() {
        key = null;
        entries.clear();
    }

    /** {@inheritDoc} */
    @Override
    public synchronized void put(String key, char[] secret) throws SecretStoreException {
        SecretKeySpec k = requireUnlocked(key);
        byte[] plain = SecretBytes.utf8(secret);
        try {
            SecretCipher.Sealed sealed = SecretCipher.seal(k, plain, context(key));
            modify(() -> entries.put(key, sealed));
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("Cannot encrypt secret '" + key + "' for " + file + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** {@inheritDoc} */
    @Override
    public synchronized Optional<char[]> get(String key) throws SecretStoreException {
        SecretKeySpec k = requireUnlocked(key);
        reloadIfChanged();
        SecretCipher.Sealed sealed = entries.get(key);
        if (sealed == null) {
            return Optional.empty();
        }
        byte[] plain = null;
        try {
            plain = SecretCipher.open(k, sealed, context(key));
            return Optional.of(SecretBytes.chars(plain));
        } catch (AEADBadTagException e) {
            throw new SecretStoreException("Secret '" + key + "' in " + file
                    + " cannot be decrypted: the file was altered or damaged (GCM tag mismatch)", e);
        } catch (GeneralSecurityException | CharacterCodingException e) {
            throw new SecretStoreException("Cannot decrypt secret '" + key + "' in " + file + ": " + e.getMessage(), e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /** {@inheritDoc} */
    @Override
    public synchronized void delete(String key) throws SecretStoreException {
        requireUnlocked(key);
        modify(() -> entries.remove(key));
    }

    /**
     * Applies a change under a lock file shared with other Triage processes, on entries freshly read from disk, so the
     * window and a CLI run never overwrite each other's secrets.
     */
    private void modify(Runnable change) throws SecretStoreException {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock = ch.lock();
            try {
                reloadIfChanged();
                change.run();
                save();
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new SecretStoreException("Cannot lock the secrets file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Re-reads the entries written by other processes; refuses a file re-created with another salt (another passphrase). */
    private void reloadIfChanged() throws SecretStoreException {
        if (!exists()) {
            return;
        }
        byte[] ownSalt = salt;
        int ownIterations = iterations;
        load();
        if (!Arrays.equals(ownSalt, salt) || ownIterations != iterations) {
            key = null;
            entries.clear();
            throw new SecretStoreException("The secrets file " + file + " was re-created by another process: unlock it again", null);
        }
    }

    private SecretKeySpec requireUnlocked(String secretKey) throws SecretStoreException {
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("A secret key must not be blank");
        }
        if (key == null) {
            throw new SecretStoreException("The secrets file " + file + " is locked: unlock it with the passphrase first", null);
        }
        return key;
    }

    private static String context(String secretKey) {
        return "triage:secret:" + secretKey;
    }

    private void load() throws SecretStoreException {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || root.path("format").asInt() != FORMAT) {
                throw new SecretStoreException("The secrets file " + file + " is not in Triage's format " + FORMAT, null);
            }
            salt = B64D.decode(required(root, "salt").asText());
            iterations = required(root, "iterations").asInt();
            if (iterations < MIN_ITERATIONS) {
                throw new SecretStoreException("The secrets file " + file + " uses " + iterations
                        + " PBKDF2 iterations, fewer than the minimum " + MIN_ITERATIONS, null);
            }
            verifier = sealed(required(root, "verifier"));
            entries.clear();
            for (Map.Entry<String, JsonNode> e : root.path("secrets").properties()) {
                entries.put(e.getKey(), sealed(e.getValue()));
            }
        } catch (JacksonException | IllegalArgumentException e) {
            throw new SecretStoreException("The secrets file " + file + " is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SecretStoreException("Cannot read the secrets file " + file + ": " + e.getMessage(), e);
        }
    }

    private JsonNode required(JsonNode root, String field) throws SecretStoreException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw new SecretStoreException("The secrets file " + file + " has no '" + field + "'", null);
        }
        return n;
    }

    private static SecretCipher.Sealed sealed(JsonNode node) {
        return new SecretCipher.Sealed(B64D.decode(node.path("iv").asText()), B64D.decode(node.path("data").asText()));
    }

    private void save() throws SecretStoreException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("kdf", "PBKDF2WithHmacSHA256");
        root.put("iterations", iterations);
        root.put("salt", B64.encodeToString(salt));
        root.put("cipher", "AES-256-GCM");
        root.set("verifier", node(verifier));
        ObjectNode secrets = root.putObject("secrets");
        entries.forEach((k, v) -> secrets.set(k, node(v)));
        try {
            SecretBytes.writeAtomically(file, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new SecretStoreException("Cannot write the secrets file " + file + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode node(SecretCipher.Sealed s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("iv", B64.encodeToString(s.iv()));
        n.put("data", B64.encodeToString(s.data()));
        return n;
    }

    /**
     * Describes the store by file and lock state, never its contents.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "EncryptedFileSecretStore[" + file + ", " + (isUnlocked() ? "unlocked" : "locked") + "]";
    }
}
