package dev.triage.plugin.sql.application;

import java.util.List;

/**
 * Arguments of {@code connection.add}: {@code NAME --kind mysql --host H --port P --user U [--database D] [--production]
 * [--tls disabled|preferred|required|verify-ca|verify-identity] [--tls-ca truststore] [--tls-cert keystore.p12]
 * [--password-stdin]}; without {@code --password-stdin} the password is asked on the console when there is one (with
 * {@code --tls-cert}, the key store's password too: the second line of standard input, or a second question). There is deliberately no password
 * argument: it would show in the shell history and the process list.
 *
 * @param names the connection name (one)
 * @param kind mysql, mariadb, tidb, redis, redis-sentinel, redis-cluster or kafka
 * @param host the host
 * @param port the port (default: the kind's usual port)
 * @param user the user
 * @param database the default database
 * @param production marks the target production: SQL sessions start read-only
 * @param tls the TLS mode
 * @param tlsCa a trust store for verify-ca / verify-identity
 * @param tlsCert a key store (PKCS12 .p12 or JKS) with the client certificate, for servers that require X509
 * @param passwordStdin read the password from the first line of standard input
 * @param noPassword store no password and do not ask
 * @param options more non-secret settings for other plugins, {@code key=value} pairs separated by commas (for example
 *        {@code sasl.mechanism=SCRAM-SHA-512,sentinel.master=mymaster}); names that look like secrets are refused
 */
public record ConnectionAddArgs(List<String> names, String kind, String host, Integer port, String user, String database,
                                Boolean production, String tls, String tlsCa, String tlsCert, Boolean passwordStdin, Boolean noPassword,
                                String options) {
}
