package dev.triage.plugin.redisdiag.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses dangerous Redis commands (FLUSHALL, FLUSHDB, KEYS, DEBUG, CONFIG SET, ...) on production connections unless the
 * user unlocked the connection and confirmed. A connection is production when its option {@code environment} is
 * {@code production} (or {@code prod}).
 */
public final class CommandPolicy {

    /** Commands refused on production connections unless unlocked. */
    public static final Set<String> DANGEROUS = Set.of("FLUSHALL", "FLUSHDB", "KEYS", "DEBUG", "CONFIG SET", "SHUTDOWN",
            "SAVE", "CLUSTER RESET", "CLUSTER FAILOVER", "SCRIPT FLUSH", "SWAPDB", "MIGRATE", "REPLICAOF", "SLAVEOF");

    private CommandPolicy() {
    }

    /**
     * Tells whether a connection is marked production.
     *
     * @param options the connection's options
     * @return true for {@code environment=production}
     */
    public static boolean production(Map<String, String> options) {
        String env = options.getOrDefault("environment", "").toLowerCase(Locale.ROOT);
        return env.equals("production") || env.equals("prod");
    }

    /**
     * Checks a command before it is sent.
     *
     * @param command the command with its arguments, such as {@code CONFIG SET maxmemory 1gb}
     * @param production whether the connection is production
     * @param unlockedAndConfirmed whether the user unlocked the connection and confirmed this command
     * @return why it is refused, or empty when it may run
     */
    public static Optional<String> refusal(String command, boolean production, boolean unlockedAndConfirmed) {
        String[] words = command.trim().toUpperCase(Locale.ROOT).split("\\s+");
        String one = words.length == 0 ? "" : words[0];
        String two = words.length > 1 ? one + " " + words[1] : one;
        boolean dangerous = DANGEROUS.contains(one) || DANGEROUS.contains(two);
        if (dangerous && production && !unlockedAndConfirmed) {
            return Optional.of(two.startsWith(one + " ") && DANGEROUS.contains(two) ? two : one)
                    .map(c -> c + " is refused on a production connection: unlock the connection and confirm to run it");
        }
        return Optional.empty();
    }
}
