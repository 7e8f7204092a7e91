package dev.triage.plugin.sql.application;

import dev.triage.core.command.CommandOutput;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.sql.domain.ExplainParser;
import dev.triage.plugin.sql.domain.PlanNode;
import dev.triage.plugin.sql.domain.SqlStatement;
import dev.triage.plugin.sql.domain.StatementSplitter;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The SQL editor's commands for the CLI and other plugins: run a script, export a full result, explain a query. */
public final class SqlCommands {

    /** Opens a session by connection name. */
    @FunctionalInterface
    public interface Opener {
        /**
         * Opens a session.
         *
         * @param connection a saved connection's name, or {@code case}
         * @return the session
         * @throws Exception when it cannot be opened
         */
        SqlSession open(String connection) throws Exception;
    }

    /**
     * One statement's outcome as the CLI prints it.
     *
     * @param statement the statement
     * @param columns column names, empty for updates
     * @param rows the first rows as text
     * @param more whether rows were left out
     * @param updateCount rows changed, -1 for queries
     * @param millis execution time, with the fetch of the shown rows for queries
     * @param warnings server warnings
     */
    public record Block(String statement, List<String> columns, List<List<String>> rows, boolean more, long updateCount, long millis,
                        List<String> warnings) {
    }

    /**
     * The outcome of {@code sql.run}.
     *
     * @param target the connection
     * @param blocks one per statement
     */
    public record RunOutput(String target, List<Block> blocks) implements CommandOutput {
        @Override
        public String text() {
            StringBuilder b = new StringBuilder();
            for (Block x : blocks) {
                if (x.columns().isEmpty()) {
                    b.append(x.updateCount()).append(" row(s) affected");
                } else {
                    b.append(table(x.columns(), x.rows(), false));
                    b.append(x.rows().size()).append(x.more() ? "+" : "").append(" row(s)");
                }
                b.append(" in ").append(x.millis()).append(" ms\n");
                x.warnings().forEach(w -> b.append("warning: ").append(w).append('\n'));
            }
            return b.toString();
        }

        @Override
        public String markdown() {
            StringBuilder b = new StringBuilder();
            for (Block x : blocks) {
                b.append("```sql\n").append(x.statement()).append("\n```\n\n");
                b.append(x.columns().isEmpty() ? x.updateCount() + " row(s) affected\n\n" : table(x.columns(), x.rows(), true) + "\n");
            }
            return b.toString();
        }
    }

    /**
     * The outcome of {@code sql.export}.
     *
     * @param file the file written
     * @param format the format
     * @param rows rows written
     * @param millis how long it took
     */
    public record ExportOutput(String file, String format, long rows, long millis) implements CommandOutput {
        @Override
        public String text() {
            return rows + " rows written to " + file + " (" + format + ") in " + millis + " ms";
        }
    }

    /**
     * The outcome of {@code sql.explain}.
     *
     * @param plan the plan tree
     */
    public record ExplainOutput(PlanNode plan) implements CommandOutput {
        @Override
        public String text() {
            StringBuilder b = new StringBuilder();
            render(plan, 0, b);
            return b.toString();
        }

        private static void render(PlanNode n, int depth, StringBuilder b) {
            b.append("  ".repeat(depth)).append(n.flags().isEmpty() ? "- " : "! ").append(n.label());
            if (!n.access().isEmpty()) {
                b.append(" [").append(n.access()).append(']');
            }
            if (n.rows() >= 0) {
                b.append(" rows=").append((long) n.rows());
            }
            if (!n.flags().isEmpty()) {
                b.append("  <- ").append(n.flags());
            }
            b.append('\n');
            n.children().forEach(c -> render(c, depth + 1, b));
        }
    }

    private final Opener opener;
    private final SqlEditorService editor;

    /**
     * Creates the commands.
     *
     * @param opener opens sessions
     * @param editor the guarded runner
     */
    public SqlCommands(Opener opener, SqlEditorService editor) {
        this.opener = opener;
        this.editor = editor;
    }

    /**
     * Runs a script statement by statement, printing the first rows of each result.
     *
     * @param a the arguments
     * @param task cancellation
     * @return the outcome
     * @throws Exception when a statement fails or is refused
     */
    public RunOutput run(SqlRunArgs a, TaskContext task) throws Exception {
        int limit = a.limit() == null ? 100 : a.limit();
        Confirmation confirm = Boolean.TRUE.equals(a.yes()) ? r -> true : Confirmation.REFUSE;
        List<Block> blocks = new ArrayList<>();
        try (SqlSession s = opener.open(a.connection())) {
            List<SqlStatement> statements = StatementSplitter.split(a.script());
            for (SqlStatement st : statements) {
                task.checkCancelled();
                long t0 = System.nanoTime();
                StatementResult r = editor.run(s, st.text(), Math.max(1, Math.min(limit + 1, 1000)), confirm, statements.size() == 1);
                if (r.cursors().isEmpty()) {
                    blocks.add(new Block(st.text(), List.of(), List.of(), false, r.updateCount(), r.millis(), r.warnings()));
                }
                for (ResultCursor c : r.cursors()) {
                    try (c) {
                        List<List<String>> rows = new ArrayList<>();
                        List<Object[]> firstPage = c.next(limit);
                        // time to the first page on screen: execution plus fetching the shown rows
                        long millis = (System.nanoTime() - t0) / 1_000_000;
                        for (Object[] row : firstPage) {
                            List<String> cells = new ArrayList<>();
                            for (Object v : row) {
                                cells.add(ResultExporter.text(v));
                            }
                            rows.add(cells);
                        }
                        boolean more = !c.exhausted() && !c.next(1).isEmpty();
                        editor.auditRows(s, st.text(), c.rowsRead());
                        blocks.add(new Block(st.text(), c.columns().stream().map(ResultColumn::name).toList(), rows, more, -1, millis,
                                r.warnings()));
                    }
                }
            }
            return new RunOutput(s.target(), blocks);
        }
    }

    /**
     * Exports the full result of one query, streamed to a file.
     *
     * @param a the arguments ({@code out} required)
     * @param task progress and cancellation
     * @return the outcome
     * @throws Exception when the query or the write fails
     */
    public ExportOutput export(SqlRunArgs a, TaskContext task) throws Exception {
        if (a.out() == null) {
            throw new IllegalArgumentException("sql export needs --out FILE");
        }
        ExportFormat format = ExportFormat.valueOf((a.to() == null ? "csv" : a.to()).toUpperCase(Locale.ROOT));
        List<SqlStatement> statements = StatementSplitter.split(a.script());
        if (statements.size() != 1) {
            throw new IllegalArgumentException("sql export takes one query, got " + statements.size() + " statements");
        }
        String sql = statements.get(0).text();
        if (dev.triage.plugin.sql.domain.StatementClassifier.classify(sql) != dev.triage.plugin.sql.domain.StatementKind.READ) {
            throw new StatementRefusedException("sql export runs queries only: " + sql);
        }
        long t0 = System.nanoTime();
        Path file = Path.of(a.out());
        try (SqlSession s = opener.open(a.connection()); ResultCursor c = s.stream(sql);
             Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            long n = ResultExporter.export(c, format, a.table() == null ? "exported" : a.table(), w, task::isCancelled);
            editor.auditRows(s, sql, n);
            return new ExportOutput(file.toString(), format.name().toLowerCase(Locale.ROOT), n, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /**
     * Explains one query as a plan tree.
     *
     * @param a the arguments ({@code json} for FORMAT=JSON)
     * @param task cancellation
     * @return the plan
     * @throws Exception when EXPLAIN fails
     */
    public ExplainOutput explain(SqlRunArgs a, TaskContext task) throws Exception {
        try (SqlSession s = opener.open(a.connection())) {
            if (Boolean.TRUE.equals(a.analyze())) {
                return new ExplainOutput(analyze(s, a.script()));
            }
            return new ExplainOutput(explain(s, a.script(), Boolean.TRUE.equals(a.json())));
        }
    }

    /**
     * Explains one query on an open session.
     *
     * @param s the session
     * @param sql the query (a leading EXPLAIN is dropped)
     * @param json whether to use FORMAT=JSON
     * @return the plan
     * @throws Exception when EXPLAIN fails
     */
    public static PlanNode explain(SqlSession s, String sql, boolean json) throws Exception {
        String q = StatementSplitter.stripLeadingComments(sql).strip().replaceFirst("(?is)^EXPLAIN\\s+(FORMAT\\s*=\\s*\\w+\\s+)?", "");
        if (q.endsWith(";")) {
            q = q.substring(0, q.length() - 1);
        }
        List<Map<String, String>> rows = s.rows((json ? "EXPLAIN FORMAT=JSON " : "EXPLAIN ") + q);
        if (json) {
            return ExplainParser.fromJson(rows.get(0).values().iterator().next());
        }
        return ExplainParser.fromTable(rows);
    }

    /**
     * Runs a query under ANALYZE and returns the plan with real row counts; only queries are analysed, as ANALYZE runs them.
     *
     * @param s the session
     * @param sql the query
     * @return the plan
     * @throws Exception when the statement is not a query or the server has no JSON ANALYZE
     */
    public static PlanNode analyze(SqlSession s, String sql) throws Exception {
        String q = StatementSplitter.stripLeadingComments(sql).strip().replaceFirst("(?is)^(EXPLAIN\\s+)?(ANALYZE\\s+)?(FORMAT\\s*=\\s*\\w+\\s+)?", "");
        if (q.endsWith(";")) {
            q = q.substring(0, q.length() - 1);
        }
        if (dev.triage.plugin.sql.domain.StatementClassifier.classify(q) != dev.triage.plugin.sql.domain.StatementKind.READ) {
            throw new StatementRefusedException("ANALYZE runs the statement, so it is offered for queries only: " + q);
        }
        List<Map<String, String>> rows;
        try {
            rows = s.rows("ANALYZE FORMAT=JSON " + q);
        } catch (Exception mariaDbSyntax) {
            rows = s.rows("EXPLAIN ANALYZE FORMAT=JSON " + q);
        }
        return ExplainParser.fromJson(rows.get(0).values().iterator().next());
    }

    private static String table(List<String> cols, List<List<String>> rows, boolean markdown) {
        int[] w = new int[cols.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = cols.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], Math.min(60, r.get(i).length()));
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, cols, w, markdown);
        if (markdown) {
            b.append('|');
            for (int x : w) {
                b.append(' ').append("-".repeat(Math.max(3, x))).append(" |");
            }
            b.append('\n');
        }
        rows.forEach(r -> line(b, r, w, markdown));
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells, int[] w, boolean markdown) {
        if (markdown) {
            b.append('|');
        }
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i).replace("\n", markdown ? "<br>" : " ");
            c = markdown ? c.replace("|", "\\|") : c.length() > 60 ? c.substring(0, 57) + "..." : c;
            b.append(markdown ? " " : i > 0 ? "  " : "").append(c).append(" ".repeat(Math.max(0, w[i] - c.length())));
            if (markdown) {
                b.append(" |");
            }
        }
        b.append('\n');
    }
}
