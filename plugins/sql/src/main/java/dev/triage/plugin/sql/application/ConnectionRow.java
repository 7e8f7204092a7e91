package dev.triage.plugin.sql.application;

/**
 * One saved connection as {@code connection list} shows it; it never holds the password.
 *
 * @param name the name
 * @param kind the kind
 * @param address host:port
 * @param user the user
 * @param database the default database
 * @param production whether it is production (read-only sessions)
 * @param tls the TLS mode
 * @param password "stored" or "none", never the password itself
 */
public record ConnectionRow(String name, String kind, String address, String user, String database, boolean production, String tls,
                            String password) {
}
