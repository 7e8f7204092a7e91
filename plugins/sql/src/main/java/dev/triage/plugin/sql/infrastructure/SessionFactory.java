package dev.triage.plugin.sql.infrastructure;

import dev.triage.core.cases.CaseService;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.plugin.sql.application.ConnectionService;
import dev.triage.plugin.sql.application.SqlJournal;
import dev.triage.plugin.sql.domain.ConnectionOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Opens editor sessions by connection name: a saved MySQL-protocol target, or {@code case} for the open case's DuckDB. */
public final class SessionFactory {

    private final ConnectionService connections;
    private final CaseService cases;

    /**
     * Creates the factory.
     *
     * @param connections the saved connections
     * @param cases the current case
     */
    public SessionFactory(ConnectionService connections, CaseService cases) {
        this.connections = connections;
        this.cases = cases;
    }

    /**
     * Opens a session.
     *
     * @param name a saved connection's name or id, or {@code case} (also when null or empty)
     * @return the session, for the caller to close
     * @throws Exception when the connection is unknown, not SQL, or cannot be reached
     */
    public JdbcSqlSession open(String name) throws Exception {
        if (name == null || name.isBlank() || name.equals(SqlConnector.CASE_TARGET)) {
            return SqlConnector.openCase(cases.current().orElseThrow(() ->
                    new IllegalStateException("No case is open: pass --case DIR or --connection NAME")));
        }
        ConnectionTarget t = connections.find(name).orElseThrow(() ->
                new IllegalArgumentException("No saved connection named '" + name + "' (see: triage connection list)"));
        if (!ConnectionOptions.isSql(t.kind())) {
            throw new IllegalArgumentException("Connection '" + name + "' is " + t.kind() + ", not a MySQL-protocol server");
        }
        char[] pw = connections.password(t);
        char[] keyStore = connections.keyStorePassword(t);
        try {
            return SqlConnector.open(t, pw, keyStore);
        } finally {
            if (pw != null) {
                Arrays.fill(pw, '\0');
            }
            if (keyStore != null) {
                Arrays.fill(keyStore, '\0');
            }
        }
    }

    /**
     * Lists the names the editor can connect to: {@code case} when a case is open, then the SQL targets.
     *
     * @return the names
     * @throws Exception when the connections file cannot be read
     */
    public List<String> names() throws Exception {
        List<String> out = new ArrayList<>();
        if (cases.current().isPresent()) {
            out.add(SqlConnector.CASE_TARGET);
        }
        connections.store().list().stream().filter(t -> ConnectionOptions.isSql(t.kind())).forEach(t -> out.add(t.name()));
        return out;
    }

    /**
     * Returns the open case's audit log and history.
     *
     * @return the journal, empty when no case is open
     */
    public Optional<SqlJournal> journal() {
        return cases.current().map(DuckDbSqlJournal::new);
    }
}
