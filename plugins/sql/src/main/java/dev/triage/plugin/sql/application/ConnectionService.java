package dev.triage.plugin.sql.application;

import dev.triage.core.command.CommandOutput;
import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionStore;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.connection.SecretStore;
import dev.triage.plugin.sql.domain.ConnectionOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Adds, lists, removes and tests saved connections; passwords go only to the secret store. */
public final class ConnectionService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConnectionService.class);

    /** Tests a target: connects and returns what answered. */
    @FunctionalInterface
    public interface Probe {
        /**
         * Connects once.
         *
         * @param target the target
         * @param password the password or null, wiped by the probe
         * @param keyStorePassword the password of the client certificate key store or null, wiped by the probe
         * @return what answered, such as the server version
         * @throws Exception when the connection fails
         */
        String probe(ConnectionTarget target, char[] password, char[] keyStorePassword) throws Exception;
    }

    /**
     * The outcome of {@code connection test}.
     *
     * @param name the connection
     * @param ok whether it answered
     * @param message the server version, or the error
     */
    public record TestResult(String name, boolean ok, String message) implements CommandOutput {
        @Override
        public String text() {
            return (ok ? "OK   " : "FAIL ") + name + ": " + message;
        }

        @Override
        public int exitCode() {
            return ok ? 0 : 1;
        }
    }

    private final ConnectionStore store;
    private final SecretPrompt prompt;
    private final Probe probe;

    /**
     * Creates the service.
     *
     * @param store the kernel's connection store
     * @param prompt where passwords and the passphrase come from
     * @param probe how targets are tested
     */
    public ConnectionService(ConnectionStore store, SecretPrompt prompt, Probe probe) {
        this.store = store;
        this.prompt = prompt;
        this.probe = probe;
    }

    /**
     * Returns the store, for views.
     *
     * @return the connection store
     */
    public ConnectionStore store() {
        return store;
    }

    /**
     * Adds or replaces a connection from CLI arguments.
     *
     * @param a the arguments
     * @return the saved connection's row
     * @throws Exception when an argument is wrong or the store cannot be written
     */
    public ConnectionRow add(ConnectionAddArgs a) throws Exception {
        String name = new ConnectionNameArgs(a.names()).name();
        if (a.kind() == null || a.host() == null) {
            throw new IllegalArgumentException("connection add needs --kind and --host");
        }
        ConnectionKind kind = kind(a.kind());
        Map<String, String> options = new java.util.TreeMap<>(ConnectionOptions.of(a.database(), Boolean.TRUE.equals(a.production()),
                a.tls(), a.tlsCa(), a.tlsCert()));
        if (a.options() != null && !a.options().isBlank()) {
            for (String pair : a.options().split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("Option '" + pair.strip() + "' must be key=value");
                }
                options.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        ConnectionTarget target = new ConnectionTarget(name, name, kind, a.host(), a.port() == null ? kind.defaultPort() : a.port(),
                a.user(), options);
        char[] password = null;
        try {
            if (Boolean.TRUE.equals(a.passwordStdin())) {
                password = prompt.stdinLine();
            } else if (!Boolean.TRUE.equals(a.noPassword())) {
                password = prompt.console("Password for " + (target.user().isEmpty() ? "" : target.user() + "@") + name + ": ");
            }
            save(target, password);
            if (a.tlsCert() != null && !a.tlsCert().isBlank()) {
                char[] keyStore = Boolean.TRUE.equals(a.passwordStdin()) ? prompt.stdinLine()
                        : prompt.console("Password of the key store " + a.tlsCert() + ": ");
                try {
                    saveKeyStorePassword(target, keyStore);
                } finally {
                    if (keyStore != null) {
                        Arrays.fill(keyStore, '\0');
                    }
                }
            }
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
        return row(target);
    }

    /**
     * Saves a target, unlocking the secret store first when a password is given and the store is locked.
     *
     * @param target the target
     * @param password the password or null to keep the stored one
     * @throws Exception when the store is locked and no passphrase is given, or cannot be written
     */
    public void save(ConnectionTarget target, char[] password) throws Exception {
        if (password != null) {
            unlock();
        }
        store.save(target, password);
        LOG.info("Saved connection {} ({} {}:{}, user {}, password {})", target.name(), target.kind(), target.host(), target.port(),
                target.user(), password == null ? "unchanged" : "in the secret store");
    }

    /**
     * Keeps the password of a target's client certificate key store in the secret store (never in connections.json).
     *
     * @param target the target
     * @param password the key store's password, or null to keep the stored one
     * @throws Exception when the store stays locked or cannot be written
     */
    public void saveKeyStorePassword(ConnectionTarget target, char[] password) throws Exception {
        if (password == null) {
            return;
        }
        unlock();
        store.secrets().put(keyStoreSecret(target.id()), password);
    }

    /**
     * Reads the password of a target's client certificate key store.
     *
     * @param t the target
     * @return the password for the caller to wipe, or null when the target has no client certificate or none is stored
     * @throws Exception when the store stays locked
     */
    public char[] keyStorePassword(ConnectionTarget t) throws Exception {
        if (!t.options().containsKey(ConnectionOptions.TLS_CERT)) {
            return null;
        }
        unlock();
        return store.secrets().get(keyStoreSecret(t.id())).orElse(null);
    }

    /** The secret store key of a target's client key store password. */
    static String keyStoreSecret(String id) {
        return dev.triage.core.connection.ConnectionStore.secretKey(id) + "/tls-cert";
    }

    /**
     * Unlocks the secret store with the passphrase from the environment or the console, when it is locked.
     *
     * @throws Exception when it stays locked
     */
    public void unlock() throws Exception {
        SecretStore secrets = store.secrets();
        if (secrets.isUnlocked()) {
            return;
        }
        char[] pass = prompt.passphraseFromEnvironment();
        if (pass == null) {
            pass = prompt.console("Passphrase of the Triage secret store (" + secrets.description() + "): ");
        }
        if (pass == null) {
            throw new IllegalStateException("The secret store (" + secrets.description()
                    + ") is locked: enter its passphrase in the SQL editor's Connections dialog, run in a terminal to be asked for it, "
                    + "or set TRIAGE_SECRETS_PASSPHRASE");
        }
        try {
            secrets.unlock(pass);
        } finally {
            Arrays.fill(pass, '\0');
        }
    }

    /**
     * Lists the saved connections.
     *
     * @return one row each
     * @throws Exception when the file cannot be read
     */
    public List<ConnectionRow> list() throws Exception {
        if (!store.secrets().isUnlocked()) {
            // only a passphrase given to the process: listing never prompts
            char[] pass = prompt.passphraseFromEnvironment();
            if (pass != null) {
                try {
                    store.secrets().unlock(pass);
                } finally {
                    Arrays.fill(pass, '\0');
                }
            }
        }
        return store.list().stream().map(this::row).toList();
    }

    /**
     * Removes a connection and its password.
     *
     * @param name its name or id
     * @return what was removed
     * @throws Exception when it does not exist or the store cannot be written
     */
    public ConnectionRow remove(String name) throws Exception {
        ConnectionTarget t = find(name).orElseThrow(() -> new IllegalArgumentException(unknown(name)));
        if (!store.secrets().isUnlocked()) {
            unlock();
        }
        store.delete(t.id());
        store.secrets().delete(keyStoreSecret(t.id()));
        LOG.info("Removed connection {} and its password", t.name());
        return row(t);
    }

    /**
     * Connects to a saved connection once.
     *
     * @param name its name or id
     * @return the outcome
     * @throws Exception when it does not exist
     */
    public TestResult test(String name) throws Exception {
        ConnectionTarget t = find(name).orElseThrow(() -> new IllegalArgumentException(unknown(name)));
        TestResult r;
        try {
            r = new TestResult(t.name(), true, probe.probe(t, password(t), keyStorePassword(t)));
        } catch (Exception e) {
            r = new TestResult(t.name(), false, String.valueOf(e.getMessage()));
        }
        LOG.info("Tested connection {}: {}", t.name(), r.text());
        return r;
    }

    /**
     * Reads a target's password, unlocking the store when needed.
     *
     * @param t the target
     * @return the password for the caller to wipe, or null
     * @throws Exception when the store stays locked
     */
    public char[] password(ConnectionTarget t) throws Exception {
        unlock();
        return store.password(t.id()).orElse(null);
    }

    /**
     * Finds a connection by id or name.
     *
     * @param name the id or name
     * @return the target
     * @throws Exception when the file cannot be read
     */
    public Optional<ConnectionTarget> find(String name) throws Exception {
        List<ConnectionTarget> all = store.list();
        return all.stream().filter(t -> t.id().equals(name)).findFirst().or(() -> all.stream().filter(t -> t.name().equals(name)).findFirst());
    }

    /**
     * Reads a kind name as typed on the command line.
     *
     * @param text such as {@code mysql} or {@code redis-cluster}
     * @return the kind
     */
    public static ConnectionKind kind(String text) {
        try {
            return ConnectionKind.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown kind '" + text + "', expected one of "
                    + Arrays.stream(ConnectionKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList(), e);
        }
    }

    private ConnectionRow row(ConnectionTarget t) {
        boolean stored;
        try {
            stored = store.secrets().isUnlocked() && store.password(t.id()).map(p -> {
                Arrays.fill(p, '\0');
                return true;
            }).orElse(false);
        } catch (Exception e) {
            stored = false;
        }
        Map<String, String> o = t.options();
        return new ConnectionRow(t.name(), t.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), t.host() + ":" + t.port(), t.user(),
                o.getOrDefault(ConnectionOptions.DATABASE, ""), ConnectionOptions.production(t),
                ConnectionOptions.isSql(t.kind()) ? ConnectionOptions.tls(t) : o.getOrDefault(ConnectionOptions.TLS, ""),
                stored ? "stored" : store.secrets().isUnlocked() ? "none" : "locked");
    }

    private static String unknown(String name) {
        return "No saved connection named '" + name + "' (see: triage connection list)";
    }
}
