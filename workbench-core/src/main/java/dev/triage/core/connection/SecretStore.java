package dev.triage.core.connection;

import java.util.Optional;

/** Keeps secrets such as connection passwords out of plain files; callers wipe the arrays they get and give. */
public interface SecretStore {

    /**
     * Describes where secrets go, for settings screens and logs.
     *
     * @return a short description, such as {@code "OS keyring (secret-tool)"}
     */
    String description();

    /**
     * Tells whether secrets can be read and written now.
     *
     * @return true when unlocked; stores that need no passphrase are always unlocked
     */
    default boolean isUnlocked() {
        return true;
    }

    /**
     * Unlocks the store with the user's passphrase; stores that need none ignore it.
     *
     * @param passphrase the passphrase, which the caller wipes afterwards
     * @throws SecretStoreException when the passphrase is wrong or the store cannot be read
     */
    default void unlock(char[] passphrase) throws SecretStoreException {
    }

    /**
     * Saves or replaces a secret.
     *
     * @param key the key, such as {@code connection/db1}
     * @param secret the secret; the store keeps no reference to the array
     * @throws SecretStoreException when the store is locked or cannot be written
     */
    void put(String key, char[] secret) throws SecretStoreException;

    /**
     * Reads a secret.
     *
     * @param key the key
     * @return a fresh copy of the secret for the caller to wipe, or empty when none is stored
     * @throws SecretStoreException when the store is locked, unreadable or altered
     */
    Optional<char[]> get(String key) throws SecretStoreException;

    /**
     * Deletes a secret; deleting a missing one is harmless.
     *
     * @param key the key
     * @throws SecretStoreException when the store is locked or cannot be written
     */
    void delete(String key) throws SecretStoreException;
}
