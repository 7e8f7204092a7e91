package dev.triage.core.connection;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Secrets in the OS keyring; on Linux through {@code secret-tool} (libsecret), with secrets passed on stdin and read
 * from stdout, never on the command line. Other systems report it unavailable for now.
 */
public final class KeyringSecretStore implements SecretStore {

    /** The tool's name looked up on the PATH. */
    public static final String TOOL = "secret-tool";

    private static final String SERVICE = "dev.triage";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * Whether the keyring can be used, and why not.
     *
     * @param available true when secrets can be stored
     * @param reason what was found or what is missing, for settings screens and logs
     */
    public record Availability(boolean available, String reason) {
    }

    private final ToolRunner runner;
    private final String unsupported;
    private Availability availability;

    private KeyringSecretStore(ToolRunner runner, String unsupported) {
        this.runner = runner;
        this.unsupported = unsupported;
    }

    /**
     * Finds the keyring of this machine from the real OS name and PATH.
     *
     * @return the store, which may be unavailable
     */
    public static KeyringSecretStore detect() {
        return detect(System.getProperty("os.name", ""), System.getenv().getOrDefault("PATH", ""));
    }

    /**
     * Finds the keyring for a given OS name and PATH.
     *
     * @param osName the value of {@code os.name}
     * @param path the PATH variable
     * @return the store, which may be unavailable
     */
    public static KeyringSecretStore detect(String osName, String path) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return new KeyringSecretStore(null, "the OS keyring of " + osName + " is not supported yet");
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, TOOL))) {
                return using(Path.of(dir, TOOL));
            }
        }
        return new KeyringSecretStore(null, TOOL + " was not found on the PATH (install libsecret-tools)");
    }

    /**
     * Uses a given {@code secret-tool} executable.
     *
     * @param tool the executable
     * @return the store
     */
    public static KeyringSecretStore using(Path tool) {
        return new KeyringSecretStore(new ToolRunner(tool, TIMEOUT), null);
    }

    /**
     * Checks once whether the tool runs and reaches a keyring service, by looking up a key that is never stored.
     *
     * @return the availability, remembered after the first check
     */
    public synchronized Availability availability() {
        if (availability == null) {
            availability = probe();
        }
        return availability;
    }

    private Availability probe() {
        if (runner == null) {
            return new Availability(false, unsupported);
        }
        try {
            ToolRunner.Result r = runner.run(List.of("lookup", "service", SERVICE, "key", "triage-availability-probe"), new byte[0]);
            Arrays.fill(r.stdout(), (byte) 0);
            if (r.exitCode() > 1 || !r.stderr().isEmpty()) {
                return new Availability(false, "the keyring service is not reachable through " + runner.tool() + ": "
                        + (r.stderr().isEmpty() ? "exit code " + r.exitCode() : r.stderr()));
            }
            return new Availability(true, "OS keyring through " + runner.tool());
        } catch (IOException e) {
            return new Availability(false, runner.tool() + " cannot be run: " + e.getMessage());
        }
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "OS keyring (" + TOOL + ")";
    }

    /** {@inheritDoc} */
    @Override
    public boolean isUnlocked() {
        return availability().available();
    }

    /** {@inheritDoc} */
    @Override
    public void put(String key, char[] secret) throws SecretStoreException {
        byte[] input = SecretBytes.utf8(secret);
        try {
            check(key, run(key, List.of("store", "--label=Triage " + key, "service", SERVICE, "key", key), input), "store");
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }

    /** {@inheritDoc} */
    @Override
    public Optional<char[]> get(String key) throws SecretStoreException {
        ToolRunner.Result r = run(key, List.of("lookup", "service", SERVICE, "key", key), new byte[0]);
        try {
            if (r.exitCode() == 1 && r.stderr().isEmpty() && r.stdout().length == 0) {
                return Optional.empty();
            }
            check(key, r, "read");
            return Optional.of(SecretBytes.chars(r.stdout()));
        } catch (CharacterCodingException e) {
            throw new SecretStoreException("Secret '" + key + "' in the OS keyring is not UTF-8 text", e);
        } finally {
            Arrays.fill(r.stdout(), (byte) 0);
        }
    }

    /** {@inheritDoc} */
    @Override
    public void delete(String key) throws SecretStoreException {
        ToolRunner.Result r = run(key, List.of("clear", "service", SERVICE, "key", key), new byte[0]);
        if (r.exitCode() == 1 && r.stderr().isEmpty()) {
            return;
        }
        check(key, r, "delete");
    }

    private ToolRunner.Result run(String key, List<String> args, byte[] stdin) throws SecretStoreException {
        Availability a = availability();
        if (!a.available()) {
            throw new SecretStoreException("The OS keyring is unavailable: " + a.reason(), null);
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A secret key must not be blank");
        }
        try {
            return runner.run(args, stdin);
        } catch (IOException e) {
            throw new SecretStoreException("Cannot reach the OS keyring for '" + key + "': " + e.getMessage(), e);
        }
    }

    private void check(String key, ToolRunner.Result r, String action) throws SecretStoreException {
        if (r.exitCode() != 0) {
            throw new SecretStoreException("Cannot " + action + " secret '" + key + "' in the OS keyring: "
                    + (r.stderr().isEmpty() ? TOOL + " exit code " + r.exitCode() : r.stderr()), null);
        }
    }

    /**
     * Describes the store without any secret.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "KeyringSecretStore[" + (runner == null ? unsupported : runner.tool()) + "]";
    }
}
