package dev.triage.core.connection;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks where secrets go: the OS keyring when it is available, else an encrypted file the user unlocks. */
public final class SecretStores {

    /** The encrypted secrets file's name in the config folder. */
    public static final String FILE = "secrets.json";

    private static final Logger LOG = LoggerFactory.getLogger(SecretStores.class);

    private SecretStores() {
    }

    /**
     * Opens this machine's secret store.
     *
     * @param configFolder the folder for the encrypted file when the keyring is unavailable
     * @return the keyring store, or a locked {@link EncryptedFileSecretStore}
     */
    public static SecretStore open(Path configFolder) {
        return open(KeyringSecretStore.detect(), configFolder);
    }

    /**
     * Opens a secret store, preferring the given keyring.
     *
     * @param keyring the keyring store to use when available
     * @param configFolder the folder for the encrypted file otherwise
     * @return the keyring store, or a locked {@link EncryptedFileSecretStore}
     */
    public static SecretStore open(KeyringSecretStore keyring, Path configFolder) {
        KeyringSecretStore.Availability a = keyring.availability();
        if (a.available()) {
            LOG.info("Secrets go to the {}", a.reason());
            return keyring;
        }
        EncryptedFileSecretStore file = EncryptedFileSecretStore.at(configFolder.resolve(FILE));
        LOG.info("OS keyring unavailable ({}); secrets go to the {}", a.reason(), file.description());
        return file;
    }
}
