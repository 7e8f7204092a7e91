package dev.triage.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Drives the keyring store against stand-in {@code secret-tool} scripts that behave like the real tool. */
class KeyringSecretStoreTest {

    /** Stores each secret in a file named after its key and logs every command line it was given. */
    private static final String WORKING_TOOL = """
            #!/bin/sh
            here="$(dirname "$0")"
            mkdir -p "$here/store"
            printf '%s\\n' "$*" >> "$here/argv.log"
            cmd="$1"
            for a; do key="$a"; done
            f="$here/store/$(printf '%s' "$key" | tr '/' '_')"
            case "$cmd" in
              store) cat > "$f" ;;
              lookup) [ -f "$f" ] || exit 1; cat "$f" ;;
              clear) [ -f "$f" ] || exit 1; rm "$f" ;;
            esac
            """;

    /** Fails the way secret-tool does on a machine without a secret service. */
    private static final String NO_SERVICE_TOOL = """
            #!/bin/sh
            echo "secret-tool: Cannot autolaunch D-Bus without X11 \\$DISPLAY" >&2
            exit 1
            """;

    @TempDir
    Path dir;

    private Path tool(String script) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path tool = bin.resolve(KeyringSecretStore.TOOL);
        Files.writeString(tool, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        return tool;
    }

    @Test
    void unavailableWhenTheToolIsMissingOrTheOsIsUnsupported() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        KeyringSecretStore.Availability missing = KeyringSecretStore.detect("Linux", empty.toString()).availability();
        KeyringSecretStore.Availability windows = KeyringSecretStore.detect("Windows 11", empty.toString()).availability();

        assertThat(missing.available()).isFalse();
        assertThat(missing.reason()).contains("secret-tool was not found on the PATH");
        assertThat(windows.available()).isFalse();
        assertThat(windows.reason()).contains("Windows 11");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void unavailableWhenTheKeyringServiceIsNotRunning() throws Exception {
        KeyringSecretStore store = KeyringSecretStore.detect("Linux", tool(NO_SERVICE_TOOL).getParent().toString());

        assertThat(store.availability().available()).isFalse();
        assertThat(store.availability().reason()).contains("Cannot autolaunch D-Bus");
        assertThat(store.isUnlocked()).isFalse();
        assertThatThrownBy(() -> store.put("connection/x", "pw".toCharArray()))
                .isInstanceOf(SecretStoreException.class).hasMessageContaining("unavailable");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void secretsGoThroughStdinAndNeverOntoTheCommandLine() throws Exception {
        KeyringSecretStore store = KeyringSecretStore.using(tool(WORKING_TOOL));
        String secret = "Pl@nted-S3cret-4711 密码\n";

        store.put("connection/db1", secret.toCharArray());

        assertThat(store.availability().available()).isTrue();
        assertThat(store.get("connection/db1")).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo(secret));
        assertThat(store.get("connection/none")).isEmpty();
        store.delete("connection/db1");
        store.delete("connection/db1");
        assertThat(store.get("connection/db1")).isEmpty();
        String argv = Files.readString(dir.resolve("bin/argv.log"));
        assertThat(argv).contains("store --label=Triage connection/db1 service dev.triage key connection/db1")
                .doesNotContain("Pl@nted");
        assertThat(store.toString()).doesNotContain("Pl@nted");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void secretStoresPrefersAnAvailableKeyringElseTheEncryptedFile() throws Exception {
        Path config = dir.resolve("config");
        Path empty = Files.createDirectories(dir.resolve("empty"));

        SecretStore fallback = SecretStores.open(KeyringSecretStore.detect("Linux", empty.toString()), config);
        SecretStore keyring = SecretStores.open(KeyringSecretStore.using(tool(WORKING_TOOL)), config);

        assertThat(fallback).isInstanceOf(EncryptedFileSecretStore.class);
        assertThat(fallback.isUnlocked()).isFalse();
        assertThat(fallback.description()).contains(config.resolve(SecretStores.FILE).toString());
        assertThat(keyring).isInstanceOf(KeyringSecretStore.class);
    }
}
