package dev.triage.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileSecretStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("secrets.json");
    }

    private EncryptedFileSecretStore unlocked(String passphrase) throws Exception {
        EncryptedFileSecretStore store = EncryptedFileSecretStore.at(file(), EncryptedFileSecretStore.MIN_ITERATIONS);
        store.unlock(passphrase.toCharArray());
        return store;
    }

    @Test
    void secretsRoundTripThroughTheFileWithTheRightPassphrase() throws Exception {
        EncryptedFileSecretStore first = unlocked("correct horse");
        assertThat(first.exists()).isTrue();
        first.put("connection/db1", "s3cret|with\nnewline".toCharArray());
        first.put("connection/redis", "密码🔑".toCharArray());
        first.put("connection/gone", "x".toCharArray());
        first.delete("connection/gone");

        EncryptedFileSecretStore second = unlocked("correct horse");

        assertThat(second.get("connection/db1")).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("s3cret|with\nnewline"));
        assertThat(second.get("connection/redis")).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("密码🔑"));
        assertThat(second.get("connection/gone")).isEmpty();
        assertThat(Files.readString(file())).doesNotContain("s3cret", "密码");
    }

    @Test
    void wrongPassphraseFailsClearlyAndStaysLocked() throws Exception {
        unlocked("correct horse").put("connection/db1", "pw".toCharArray());
        EncryptedFileSecretStore store = EncryptedFileSecretStore.at(file());

        assertThatThrownBy(() -> store.unlock("wrong horse".toCharArray()))
                .isInstanceOf(SecretStoreException.class)
                .hasMessage("Wrong passphrase for the secrets file " + file().toAbsolutePath());
        assertThat(store.isUnlocked()).isFalse();
        assertThatThrownBy(() -> store.get("connection/db1"))
                .isInstanceOf(SecretStoreException.class).hasMessageContaining("is locked");
    }

    @Test
    void tamperedCiphertextFailsOnTheGcmTag() throws Exception {
        unlocked("pass").put("connection/db1", "password-1".toCharArray());
        ObjectNode root = (ObjectNode) JSON.readTree(file().toFile());
        ObjectNode entry = (ObjectNode) root.path("secrets").path("connection/db1");
        byte[] data = Base64.getDecoder().decode(entry.path("data").asText());
        data[0] ^= 0x01;
        entry.put("data", Base64.getEncoder().encodeToString(data));
        Files.writeString(file(), root.toString());

        EncryptedFileSecretStore store = unlocked("pass");

        assertThatThrownBy(() -> store.get("connection/db1"))
                .isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("connection/db1").hasMessageContaining("GCM tag mismatch");
    }

    @Test
    void ciphertextMovedToAnotherKeyDoesNotDecrypt() throws Exception {
        EncryptedFileSecretStore store = unlocked("pass");
        store.put("connection/a", "alpha".toCharArray());
        store.put("connection/b", "beta".toCharArray());
        ObjectNode root = (ObjectNode) JSON.readTree(file().toFile());
        ((ObjectNode) root.path("secrets")).set("connection/b", root.path("secrets").path("connection/a"));
        Files.writeString(file(), root.toString());

        EncryptedFileSecretStore reopened = unlocked("pass");

        assertThat(reopened.get("connection/a")).hasValueSatisfying(v -> assertThat(v).containsExactly("alpha".toCharArray()));
        assertThatThrownBy(() -> reopened.get("connection/b")).hasMessageContaining("GCM tag mismatch");
    }

    @Test
    void fileHoldsSaltIterationsAndFreshIvsAndIsOwnerOnly() throws Exception {
        EncryptedFileSecretStore store = unlocked("pass");
        store.put("k1", "same".toCharArray());
        store.put("k2", "same".toCharArray());

        JsonNode root = JSON.readTree(file().toFile());
        assertThat(root.path("kdf").asText()).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(root.path("iterations").asInt()).isGreaterThanOrEqualTo(210_000);
        assertThat(Base64.getDecoder().decode(root.path("salt").asText())).hasSize(16);
        JsonNode k1 = root.path("secrets").path("k1");
        JsonNode k2 = root.path("secrets").path("k2");
        assertThat(Base64.getDecoder().decode(k1.path("iv").asText())).hasSize(12);
        assertThat(k1.path("iv").asText()).isNotEqualTo(k2.path("iv").asText());
        assertThat(k1.path("data").asText()).isNotEqualTo(k2.path("data").asText());
        assertThat(root.has("verifier")).isTrue();
        if (Files.getFileStore(file()).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        }
        assertThat(EncryptedFileSecretStore.DEFAULT_ITERATIONS).isGreaterThanOrEqualTo(EncryptedFileSecretStore.MIN_ITERATIONS);
    }

    @Test
    void refusesWeakSettingsAndEmptyPassphrases() throws Exception {
        assertThatThrownBy(() -> EncryptedFileSecretStore.at(file(), 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("210000");
        assertThatThrownBy(() -> EncryptedFileSecretStore.at(file()).unlock(new char[0]))
                .isInstanceOf(SecretStoreException.class).hasMessageContaining("must not be empty");

        unlocked("pass");
        ObjectNode root = (ObjectNode) JSON.readTree(file().toFile());
        root.put("iterations", 1000);
        Files.writeString(file(), root.toString());
        assertThatThrownBy(() -> unlocked("pass"))
                .isInstanceOf(SecretStoreException.class).hasMessageContaining("1000 PBKDF2 iterations");
    }

    @Test
    void damagedFileNamesTheFile() throws Exception {
        Files.writeString(file(), "{ not json", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> unlocked("pass"))
                .isInstanceOf(SecretStoreException.class).hasMessageContaining(file().toAbsolutePath().toString());
    }

    @Test
    void toStringShowsNoSecret() throws Exception {
        EncryptedFileSecretStore store = unlocked("passphrase-xyz");
        store.put("k", "secret-abc".toCharArray());

        assertThat(store.toString()).contains("unlocked").doesNotContain("secret-abc", "passphrase-xyz");
        store.lock();
        assertThat(store.toString()).contains("locked");
        assertThat(store.isUnlocked()).isFalse();
    }

    @Test
    void twoProcessesSavingSecretsKeepEachOthers() throws Exception {
        Path file = dir.resolve("shared-secrets.json");
        char[] pass = "correct horse".toCharArray();
        EncryptedFileSecretStore.at(file, EncryptedFileSecretStore.MIN_ITERATIONS).unlock(pass.clone());
        EncryptedFileSecretStore window = EncryptedFileSecretStore.at(file, EncryptedFileSecretStore.MIN_ITERATIONS);
        EncryptedFileSecretStore cli = EncryptedFileSecretStore.at(file, EncryptedFileSecretStore.MIN_ITERATIONS);
        window.unlock(pass.clone());
        cli.unlock(pass.clone());
        window.put("connection/prod-mysql", "s3cret".toCharArray());
        cli.put("connection/redis", "other".toCharArray());
        assertThat(cli.get("connection/prod-mysql")).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("s3cret"));
        EncryptedFileSecretStore later = EncryptedFileSecretStore.at(file, EncryptedFileSecretStore.MIN_ITERATIONS);
        later.unlock(pass.clone());
        assertThat(later.get("connection/prod-mysql")).isPresent();
        assertThat(later.get("connection/redis")).isPresent();
    }
}
