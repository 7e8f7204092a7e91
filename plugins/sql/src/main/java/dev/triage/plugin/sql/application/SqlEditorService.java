package dev.triage.plugin.sql.application;

import dev.triage.plugin.ddl.api.DdlCheckRequest;
import dev.triage.plugin.ddl.api.DdlCheckResult;
import dev.triage.plugin.ddl.api.DdlChecker;
import dev.triage.plugin.ddl.api.DdlReason;
import dev.triage.plugin.ddl.api.DdlStatementCheck;
import dev.triage.plugin.sql.domain.StatementClassifier;
import dev.triage.plugin.sql.domain.StatementKind;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs statements safely: read-only targets refuse writes and DDL unless confirmed, ALTER/DROP/TRUNCATE/RENAME are
 * checked by the {@link DdlChecker} service (looked up at that moment) and confirmed, and every statement against a live
 * target is audited and kept in the connection's history.
 */
public final class SqlEditorService {

    /** The text shown when no DDL checker is running. */
    public static final String NO_CHECKER = "DDL checker not available";

    private final Supplier<Optional<DdlChecker>> checker;
    private final Supplier<Optional<SqlJournal>> journal;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param checker looks the DDL checker up in the registry, empty when absent
     * @param journal the open case's audit log and history, empty when no case is open
     * @param clock the clock for audit times
     */
    public SqlEditorService(Supplier<Optional<DdlChecker>> checker, Supplier<Optional<SqlJournal>> journal, Clock clock) {
        this.checker = checker;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Runs one statement after the safety checks.
     *
     * @param session the session
     * @param sql the statement
     * @param fetchSize rows per page
     * @param confirmation asks the user when needed
     * @return the result with open cursors
     * @throws StatementRefusedException when the statement was not confirmed
     * @throws Exception when it failed
     */
    public StatementResult run(SqlSession session, String sql, int fetchSize, Confirmation confirmation) throws Exception {
        return run(session, sql, fetchSize, confirmation, false);
    }

    /**
     * Runs one statement after the safety checks, streaming its rows when asked (a single statement in the editor).
     *
     * @param session the session
     * @param sql the statement
     * @param fetchSize rows per page
     * @param confirmation asks the user when needed
     * @param stream stream the result (fast first page; closed by the session's next statement)
     * @return the result with open cursors
     * @throws StatementRefusedException when the statement was not confirmed
     * @throws Exception when it failed
     */
    public StatementResult run(SqlSession session, String sql, int fetchSize, Confirmation confirmation, boolean stream) throws Exception {
        StatementKind kind = StatementClassifier.classify(sql);
        String verdict = kind == StatementKind.LOSSY_DDL ? ddlVerdict(sql) : "";
        boolean mustConfirm = kind == StatementKind.LOSSY_DDL || (session.readOnly() && kind.changesSomething());
        boolean lifted = false;
        if (!session.live() && kind.changesSomething()) {
            refuse(session, sql, "The case database is read-only in the SQL editor");
        }
        if (mustConfirm) {
            String reason = session.readOnly() && kind.changesSomething()
                    ? "The target " + session.target() + " is read-only and this statement is " + kind
                    : "This statement can lose or rewrite data";
            if (!confirmation.confirm(new ConfirmationRequest(session.target(), sql, reason, verdict))) {
                refuse(session, sql, reason + "; not confirmed");
            }
            if (session.readOnly() && kind.changesSomething()) {
                session.readOnly(false);
                lifted = true;
            }
        }
        long rows = -1;
        try {
            StatementResult result = kind != StatementKind.READ ? session.execute(sql, fetchSize)
                    : stream ? session.executeStreaming(sql) : session.executeDetached(sql, fetchSize);
            rows = result.updateCount();
            audit(session, sql, rows, "OK");
            return result;
        } catch (Exception e) {
            audit(session, sql, rows, (isCancel(e) ? "CANCELLED " : "ERROR ") + e.getMessage());
            throw e;
        } finally {
            if (lifted) {
                session.readOnly(true);
            }
        }
    }

    /**
     * Asks the DDL checker for its verdict on a statement.
     *
     * @param sql the statement
     * @return the verdict with its reasons, or {@link #NO_CHECKER}
     */
    public String ddlVerdict(String sql) {
        Optional<DdlChecker> c = checker.get();
        if (c.isEmpty()) {
            return NO_CHECKER;
        }
        try {
            DdlCheckResult r = c.get().check(DdlCheckRequest.mysql(sql));
            StringBuilder b = new StringBuilder(r.worst().name());
            for (DdlStatementCheck s : r.statements()) {
                for (DdlReason reason : s.reasons()) {
                    b.append("\n").append(reason.verdict()).append(": ").append(reason.message());
                }
            }
            r.errors().forEach(e -> b.append("\nnot parsed (line ").append(e.line()).append("): ").append(e.message()));
            return b.toString();
        } catch (RuntimeException e) {
            return NO_CHECKER + " (" + e.getMessage() + ")";
        }
    }

    /**
     * Records how a statement ended after its cursors were read (rows returned), for the audit log.
     *
     * @param session the session
     * @param sql the statement
     * @param rows rows read
     */
    public void auditRows(SqlSession session, String sql, long rows) {
        audit(session, sql, rows, "READ");
    }

    private void refuse(SqlSession session, String sql, String why) throws StatementRefusedException {
        audit(session, sql, -1, "REFUSED " + why);
        throw new StatementRefusedException(why + ": " + firstLine(sql));
    }

    private void audit(SqlSession session, String sql, long rows, String outcome) {
        if (!session.live()) {
            return;
        }
        journal.get().ifPresent(j -> {
            j.audit(new AuditEntry(clock.instant(), session.target(), sql, rows, outcome));
            j.remember(session.target(), sql);
        });
    }

    private static boolean isCancel(Exception e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return m.contains("cancel") || m.contains("interrupted") || m.contains("kill");
    }

    private static String firstLine(String sql) {
        String s = sql.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }
}
