package dev.triage.plugin.ddl.application;

import dev.triage.plugin.ddl.api.DdlCheckRequest;
import dev.triage.plugin.ddl.api.DdlCheckResult;
import dev.triage.plugin.ddl.api.DdlChecker;
import dev.triage.plugin.ddl.api.DdlDialect;
import dev.triage.plugin.ddl.api.DdlParseError;
import dev.triage.plugin.ddl.api.DdlReason;
import dev.triage.plugin.ddl.api.DdlStatementCheck;
import dev.triage.plugin.ddl.api.DdlVerdict;
import dev.triage.plugin.ddl.domain.Change;
import dev.triage.plugin.ddl.domain.Charsets;
import dev.triage.plugin.ddl.domain.ColumnDef;
import dev.triage.plugin.ddl.domain.ColumnDefParser;
import dev.triage.plugin.ddl.domain.SqlType;
import dev.triage.plugin.ddl.domain.TableDef;
import dev.triage.plugin.ddl.domain.TidbRules;
import dev.triage.plugin.ddl.domain.TypeChangeRules;
import dev.triage.plugin.ddl.domain.TypeFamily;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;

/** The lossy-DDL checker: parses each statement with JSqlParser and applies the type-change rules to a running schema. */
public final class LossyDdlChecker implements DdlChecker {

    private static final Pattern ALTER_IGNORE = Pattern.compile("^\\s*ALTER\\s+(ONLINE\\s+)?IGNORE\\s+TABLE", Pattern.CASE_INSENSITIVE);
    private static final java.util.Set<String> SAFE_OPTIONS = java.util.Set.of("COMMENT", "AUTO_INCREMENT", "STATS_PERSISTENT",
            "STATS_AUTO_RECALC", "STATS_SAMPLE_PAGES", "AVG_ROW_LENGTH", "MAX_ROWS", "MIN_ROWS", "PACK_KEYS", "CHECKSUM",
            "DELAY_KEY_WRITE", "INSERT_METHOD", "ALGORITHM", "LOCK", "ORDER", "WAIT", "NOWAIT");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** JSqlParser 5.4 rejects MySQL's DROP FOREIGN KEY; it is rewritten to a DROP CONSTRAINT with this name prefix. */
    private static final String FOREIGN_KEY_MARK = "triage_fk__";
    private static final Pattern DROP_FOREIGN_KEY = Pattern.compile("\\bDROP\\s+FOREIGN\\s+KEY\\s+(`?)", Pattern.CASE_INSENSITIVE);

    @Override
    public DdlCheckResult check(DdlCheckRequest request) {
        Run run = new Run(request.dialect());
        Parsers parsers = new Parsers();
        List<DdlParseError> errors = new ArrayList<>();
        for (StatementSplitter.Piece piece : StatementSplitter.split(request.schemaSql())) {
            Parsed p = parsers.parse(piece.text());
            if (p.statement != null) {
                try {
                    run.apply(p.statement, p.ignore, new ArrayList<>());
                } catch (IllegalArgumentException e) {
                    errors.add(new DdlParseError(piece.line(), piece.text(), "in the schema: " + e.getMessage()));
                }
            } else {
                errors.add(new DdlParseError(piece.line(), piece.text(), "in the schema: " + p.error));
            }
        }
        List<DdlStatementCheck> checks = new ArrayList<>();
        for (StatementSplitter.Piece piece : StatementSplitter.split(request.sql())) {
            Parsed p = parsers.parse(piece.text());
            if (p.statement == null) {
                errors.add(new DdlParseError(piece.line(), piece.text(), p.error));
                continue;
            }
            List<DdlReason> reasons = new ArrayList<>();
            try {
                run.apply(p.statement, p.ignore, reasons);
            } catch (IllegalArgumentException e) {
                // a statement the parser accepted but that means nothing (MODIFY without a type): an input error, not a crash
                errors.add(new DdlParseError(piece.line(), piece.text(), e.getMessage()));
                continue;
            }
            DdlVerdict verdict = reasons.stream().map(DdlReason::verdict).reduce(DdlVerdict.SAFE, DdlVerdict::worst);
            checks.add(new DdlStatementCheck(piece.line(), piece.text(), verdict, reasons));
        }
        return new DdlCheckResult(checks, errors);
    }

    /**
     * Returns the tables the statements change (ALTER, DROP, TRUNCATE, RENAME, CREATE INDEX), as written, each once, for
     * reading their current definitions from a server.
     *
     * @param sql the statements
     * @return the table names, qualified when the statement qualifies them
     */
    public static List<String> tablesTouched(String sql) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        Parsers parsers = new Parsers();
        for (StatementSplitter.Piece piece : StatementSplitter.split(sql)) {
            Statement st = parsers.parse(piece.text()).statement;
            if (st instanceof Alter a) {
                out.add(a.getTable().getFullyQualifiedName());
            } else if (st instanceof Drop d && d.getNames() != null && "TABLE".equalsIgnoreCase(d.getType())) {
                d.getNames().forEach(t -> out.add(t.getFullyQualifiedName()));
            } else if (st instanceof Truncate t) {
                out.add(t.getTable().getFullyQualifiedName());
            } else if (st instanceof RenameTableStatement r) {
                r.getTableNames().forEach(e -> out.add(e.getKey().getFullyQualifiedName()));
            } else if (st instanceof CreateIndex ci) {
                out.add(ci.getTable().getFullyQualifiedName());
            }
        }
        return List.copyOf(out);
    }

    private record Parsed(Statement statement, boolean ignore, String error) {
    }

    /**
     * Parses statements with one JSqlParser reused through ReInit (building a parser costs more than parsing a short
     * ALTER): simple mode first, a fresh complex-mode parser when that fails. One instance per check, so the checker
     * stays thread-safe.
     */
    private static final class Parsers {
        private CCJSqlParser simple;

        Parsed parse(String text) {
            String sql = text;
            Matcher m = ALTER_IGNORE.matcher(sql);
            boolean ignore = m.find();
            if (ignore) {
                sql = "ALTER TABLE" + sql.substring(m.end());
            }
            sql = DROP_FOREIGN_KEY.matcher(sql).replaceAll("DROP CONSTRAINT $1" + FOREIGN_KEY_MARK);
            try {
                Statement st;
                try {
                    if (simple == null) {
                        simple = CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false);
                    } else {
                        simple.ReInit(sql);
                    }
                    st = simple.Statement();
                } catch (Exception | Error simpleFailed) {
                    simple = null;
                    st = CCJSqlParserUtil.newParser(sql).Statement();
                }
                if (st instanceof UnsupportedStatement) {
                    return new Parsed(null, false, "the parser does not understand this statement");
                }
                return new Parsed(st, ignore, null);
            } catch (Exception | Error e) {
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
                return new Parsed(null, false, msg.strip());
            }
        }
    }

    /** The schema as the statements change it, and the rules' dialect. */
    private static final class Run {
        private final DdlDialect dialect;
        private final Map<String, TableDef> tables = new HashMap<>();

        Run(DdlDialect dialect) {
            this.dialect = dialect;
        }

        void apply(Statement st, boolean ignore, List<DdlReason> out) {
            if (st instanceof CreateTable ct) {
                createTable(ct, out);
            } else if (st instanceof Alter alter) {
                alter(alter, ignore, out);
            } else if (st instanceof Drop drop) {
                drop(drop, out);
            } else if (st instanceof Truncate tr) {
                String name = tr.getTable().getFullyQualifiedName();
                out.add(new DdlReason(DdlVerdict.DESTRUCTIVE, bare(name), "", "TRUNCATE deletes every row"));
            } else if (st instanceof RenameTableStatement rename) {
                for (var e : rename.getTableNames()) {
                    renameTable(e.getKey().getFullyQualifiedName(), e.getValue().getFullyQualifiedName(), out);
                }
            } else if (st instanceof CreateIndex ci) {
                addIndex(bare(ci.getTable().getFullyQualifiedName()), ci.getIndex(), ignore, out);
            } else if (st instanceof Update || st instanceof Delete) {
                out.add(new DdlReason(DdlVerdict.UNKNOWN, "", "", "data change statement, not checked by the DDL rules"));
            }
        }

        private void createTable(CreateTable ct, List<DdlReason> out) {
            String name = bare(ct.getTable().getFullyQualifiedName());
            if (ct.getColumnDefinitions() == null) {
                TableDef like = ct.getLikeTable() == null ? null : tables.get(TableDef.key(ct.getLikeTable().getFullyQualifiedName()));
                if (like != null) {
                    tables.put(TableDef.key(name), like.copy(name));
                }
                return;
            }
            List<String> options = ct.getTableOptionsStrings() == null ? List.of() : ct.getTableOptionsStrings();
            TableDef table = new TableDef(name, tableCharset(options));
            for (ColumnDefinition cd : ct.getColumnDefinitions()) {
                table.put(ColumnDefParser.parse(cd.getColumnName(), cd.toStringDataTypeAndSpec(), table.defaultCharset()));
            }
            table.autoIncrement(optionNumber(options, "AUTO_INCREMENT"));
            tables.put(TableDef.key(name), table);
            autoIncrementFits(table, out);
        }

        private void alter(Alter alter, boolean ignore, List<DdlReason> out) {
            String name = bare(alter.getTable().getFullyQualifiedName());
            TableDef table = tables.get(TableDef.key(name));
            for (AlterExpression e : alter.getAlterExpressions()) {
                if (e.getOperation() == null) {
                    out.add(new DdlReason(DdlVerdict.UNKNOWN, name, "", "an ALTER operation the parser did not name"));
                    continue;
                }
                alterExpression(name, table, e, ignore, out);
                table = tables.get(TableDef.key(name));
                if (e.getOperation() == net.sf.jsqlparser.statement.alter.AlterOperation.RENAME_TABLE) {
                    name = bare(e.getNewTableName());
                    table = tables.get(TableDef.key(name));
                }
            }
        }

        private void alterExpression(String name, TableDef table, AlterExpression e, boolean ignore, List<DdlReason> out) {
            switch (e.getOperation()) {
                case ADD -> {
                    if (e.getIndex() != null) {
                        addIndex(name, e.getIndex(), ignore, out);
                    } else if (e.getColDataTypeList() != null) {
                        for (ColumnDefinition cd : e.getColDataTypeList()) {
                            ColumnDef col = ColumnDefParser.parse(cd.getColumnName(), cd.toStringDataTypeAndSpec(),
                                    table == null ? null : table.defaultCharset());
                            out.add(new DdlReason(DdlVerdict.SAFE, name, col.name(), "column added"));
                            if (table != null) {
                                table.put(col);
                            }
                        }
                    }
                }
                case DROP -> {
                    if (e.getIndex() != null) {
                        out.add(new DdlReason(DdlVerdict.DESTRUCTIVE, name, bare(e.getIndex().getName()),
                                "index dropped: no rows are deleted, but queries that use it and a UNIQUE constraint are lost"));
                    } else if (e.getColumnName() != null) {
                        out.add(new DdlReason(DdlVerdict.DESTRUCTIVE, name, bare(e.getColumnName()), "column dropped with all its values"));
                        if (table != null) {
                            table.remove(e.getColumnName());
                        }
                    } else if (e.getConstraintName() != null && bare(e.getConstraintName()).startsWith(FOREIGN_KEY_MARK)) {
                        out.add(new DdlReason(DdlVerdict.SAFE, name, bare(e.getConstraintName()).substring(FOREIGN_KEY_MARK.length()),
                                "foreign key dropped: no rows change, the database no longer checks the reference"));
                    } else if (e.getConstraintName() != null) {
                        out.add(new DdlReason(DdlVerdict.DESTRUCTIVE, name, bare(e.getConstraintName()), "constraint dropped"));
                    }
                }
                case DROP_PRIMARY_KEY -> out.add(new DdlReason(DdlVerdict.DESTRUCTIVE, name, "PRIMARY",
                        "primary key dropped: the table is rebuilt and rows are no longer unique"));
                case DROP_UNIQUE -> out.add(new DdlReason(DdlVerdict.DESTRUCTIVE, name, "", "unique key dropped"));
                case DROP_FOREIGN_KEY -> out.add(new DdlReason(DdlVerdict.SAFE, name, "", "foreign key dropped"));
                case MODIFY, CHANGE -> {
                    for (ColumnDefinition cd : e.getColDataTypeList()) {
                        String oldName = e.getOperation() == net.sf.jsqlparser.statement.alter.AlterOperation.CHANGE
                                && e.getColumnOldName() != null ? e.getColumnOldName() : cd.getColumnName();
                        modifyColumn(name, table, oldName, cd, out);
                    }
                }
                case ALTER -> out.add(new DdlReason(DdlVerdict.SAFE, name, "", "column default or visibility changed"));
                case RENAME -> {
                    out.add(new DdlReason(DdlVerdict.SAFE, name, bare(e.getColumnName()),
                            "column " + bare(e.getColumnOldName()) + " renamed: statements that use the old name fail"));
                    if (table != null && table.column(e.getColumnOldName()) != null) {
                        table.replace(e.getColumnOldName(), table.column(e.getColumnOldName()).renamed(bare(e.getColumnName())));
                    }
                }
                case RENAME_TABLE -> renameTable(name, e.getNewTableName(), out);
                case RENAME_INDEX, RENAME_KEY, RENAME_CONSTRAINT, COMMENT, COMMENT_WITH_EQUAL_SIGN, ALGORITHM, LOCK, COLLATE,
                        ADD_PARTITION, ANALYZE_PARTITION, CHECK_PARTITION, DISABLE_KEYS, ENABLE_KEYS ->
                    out.add(new DdlReason(DdlVerdict.SAFE, name, "", e.getOperation().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
                case DROP_PARTITION, TRUNCATE_PARTITION, DISCARD_PARTITION, DISCARD_TABLESPACE -> out.add(new DdlReason(
                        DdlVerdict.DESTRUCTIVE, name, e.getPartitions() == null ? "" : String.join(", ", e.getPartitions()),
                        e.getOperation().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": the rows in it are deleted"));
                case COALESCE_PARTITION, REORGANIZE_PARTITION, REBUILD_PARTITION, OPTIMIZE_PARTITION, REPAIR_PARTITION,
                        REMOVE_PARTITIONING, PARTITION_BY, EXCHANGE_PARTITION, ENGINE, FORCE, KEY_BLOCK_SIZE, IMPORT_TABLESPACE,
                        IMPORT_PARTITION ->
                    out.add(new DdlReason(DdlVerdict.REWRITE, name, "",
                            e.getOperation().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": the table is rebuilt"));
                case CONVERT -> convert(name, table, e.getCharacterSet(), out);
                case SET_TABLE_OPTION -> tableOption(name, table, e.getTableOption(), out);
                case UNSPECIFIC -> unspecific(name, table, e.getOptionalSpecifier(), out);
                default -> out.add(new DdlReason(DdlVerdict.UNKNOWN, name, "", "operation " + e.getOperation() + " is not modelled"));
            }
        }

        private void modifyColumn(String name, TableDef table, String oldName, ColumnDefinition cd, List<DdlReason> out) {
            ColumnDef current = table == null ? null : table.column(oldName);
            ColumnDef next = ColumnDefParser.parse(cd.getColumnName(), cd.toStringDataTypeAndSpec(),
                    table == null ? null : table.defaultCharset());
            String column = bare(oldName);
            if (current == null) {
                out.add(new DdlReason(DdlVerdict.UNKNOWN, name, column, "the current definition of " + name + "." + column
                        + " is unknown: give a CREATE TABLE earlier, --schema or --connection"));
                return;
            }
            for (Change c : columnChanges(current, next, table)) {
                out.add(new DdlReason(c.verdict(), name, column, c.message()));
            }
            if (!TableDef.key(oldName).equals(TableDef.key(next.name()))) {
                out.add(new DdlReason(DdlVerdict.SAFE, name, column, "column renamed to " + next.name()
                        + ": statements that use the old name fail"));
            }
            table.replace(oldName, next);
        }

        private List<Change> columnChanges(ColumnDef current, ColumnDef next, TableDef table) {
            List<Change> changes = new ArrayList<>(TypeChangeRules.assess(current.type(), next.type()));
            if (current.nullable() && !next.nullable()) {
                changes.add(Change.lossy("NULL to NOT NULL: NULL values become 0, '' or a zero date (strict mode refuses the ALTER)"));
            }
            if (next.autoIncrement()) {
                String tooSmall = autoIncrementTooSmall(next.type(), table.autoIncrement());
                if (tooSmall != null) {
                    changes.add(Change.lossy(tooSmall));
                }
                if (changes.stream().anyMatch(c -> c.verdict() == DdlVerdict.LOSSY) && current.type().family() == TypeFamily.INTEGER) {
                    changes.add(Change.lossy("AUTO_INCREMENT column narrowed: new rows fail once the counter passes "
                            + maxOf(next.type())));
                }
            }
            if (dialect == DdlDialect.TIDB) {
                boolean reorg = !current.type().equals(next.type()) && TidbRules.needChangeColumnData(current.type(), next.type());
                List<Change> tidb = new ArrayList<>();
                for (Change c : changes) {
                    tidb.add(c.verdict() == DdlVerdict.REWRITE && !reorg ? Change.safe(c.message()
                            .replace("the table is copied, values are kept", "values are kept") + " (TiDB: metadata only)") : c);
                }
                if (reorg) {
                    tidb.add(Change.rewrite("TiDB rewrites every row of the column (needChangeColumnData)"));
                }
                changes = tidb;
            }
            return changes;
        }

        private void addIndex(String table, Index index, boolean ignore, List<DdlReason> out) {
            String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
            String indexName = index.getName() == null ? String.join(",", index.getColumnsNames()) : bare(index.getName());
            if (type.contains("UNIQUE") || type.contains("PRIMARY")) {
                out.add(new DdlReason(DdlVerdict.LOSSY, table, indexName, (type.contains("PRIMARY") ? "PRIMARY KEY" : "UNIQUE key")
                        + " on existing rows: " + (ignore ? "ALTER IGNORE deletes the duplicate rows"
                        : "fails on duplicates in MySQL, and pt-online-schema-change or ALTER IGNORE silently drop them")));
            } else {
                out.add(new DdlReason(DdlVerdict.SAFE, table, indexName, "index added"));
            }
        }

        private void drop(Drop drop, List<DdlReason> out) {
            String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
            switch (type) {
                case "TABLE", "TEMPORARY TABLE" -> {
                    List<String> names = drop.getNames() != null && !drop.getNames().isEmpty()
                            ? drop.getNames().stream().map(x -> x.getFullyQualifiedName()).toList()
                            : List.of(drop.getName().getFullyQualifiedName());
                    for (String n : names) {
                        out.add(new DdlReason(DdlVerdict.DESTRUCTIVE, bare(n), "", "table dropped with all its rows"));
                        tables.remove(TableDef.key(n));
                    }
                }
                case "INDEX" -> {
                    List<String> params = drop.getParameters() == null ? List.of() : drop.getParameters();
                    String on = params.size() > 1 ? bare(params.get(1)) : "";
                    out.add(new DdlReason(DdlVerdict.DESTRUCTIVE, on, bare(drop.getName().getFullyQualifiedName()),
                            "index dropped: no rows are deleted, but queries that use it and a UNIQUE constraint are lost"));
                }
                case "DATABASE", "SCHEMA" -> out.add(new DdlReason(DdlVerdict.DESTRUCTIVE, bare(drop.getName().getFullyQualifiedName()),
                        "", "database dropped with every table in it"));
                default -> out.add(new DdlReason(DdlVerdict.SAFE, bare(drop.getName().getFullyQualifiedName()), "",
                        type.toLowerCase(Locale.ROOT) + " dropped (no table data)"));
            }
        }

        private void renameTable(String from, String to, List<DdlReason> out) {
            out.add(new DdlReason(DdlVerdict.SAFE, bare(from), "", "table renamed to " + bare(to)
                    + ": statements that use the old name fail"));
            TableDef t = tables.remove(TableDef.key(from));
            if (t != null) {
                tables.put(TableDef.key(to), t.copy(bare(to)));
            }
        }

        private void convert(String name, TableDef table, String charset, List<DdlReason> out) {
            String cs = Charsets.normalize(charset);
            if (table == null) {
                out.add(new DdlReason(DdlVerdict.UNKNOWN, name, "", "CONVERT TO CHARACTER SET " + cs
                        + " on a table whose columns are unknown"));
                return;
            }
            for (ColumnDef c : List.copyOf(table.columns())) {
                if (!c.type().hasCharset()) {
                    continue;
                }
                SqlType to = ColumnDefParser.converted(c.type(), cs);
                for (Change ch : TypeChangeRules.assess(c.type(), to)) {
                    out.add(new DdlReason(ch.verdict(), name, c.name(), ch.message()));
                }
                table.put(c.withType(to));
            }
            table.defaultCharset(cs);
            if (out.isEmpty()) {
                out.add(new DdlReason(DdlVerdict.REWRITE, name, "", "CONVERT TO CHARACTER SET rebuilds the table"));
            }
        }

        private void tableOption(String name, TableDef table, String option, List<DdlReason> out) {
            String o = option == null ? "" : option.toUpperCase(Locale.ROOT);
            if (o.startsWith("AUTO_INCREMENT") && table != null) {
                Matcher m = NUMBER.matcher(o);
                if (m.find()) {
                    table.autoIncrement(Long.parseLong(m.group()));
                }
                if (!autoIncrementFits(table, out)) {
                    return;
                }
            }
            out.add(new DdlReason(o.startsWith("ROW_FORMAT") ? DdlVerdict.REWRITE : DdlVerdict.SAFE, name, "",
                    "table option " + option));
        }

        private void unspecific(String name, TableDef table, String spec, List<DdlReason> out) {
            List<String> words = spec == null ? List.of() : List.of(spec.toUpperCase(Locale.ROOT).split("[\\s=]+"));
            if (words.contains("CHARSET") || words.contains("CHARACTER") || words.contains("COLLATE")) {
                if (table != null) {
                    int at = Math.max(words.indexOf("CHARSET"), words.indexOf("SET"));
                    if (at >= 0 && at + 1 < words.size()) {
                        table.defaultCharset(Charsets.normalize(words.get(at + 1)));
                    }
                }
                out.add(new DdlReason(DdlVerdict.SAFE, name, "", "default charset changed: existing columns keep theirs"));
            } else if (words.contains("ROW_FORMAT") || words.contains("KEY_BLOCK_SIZE")) {
                out.add(new DdlReason(DdlVerdict.REWRITE, name, "", spec + ": the table is rebuilt"));
            } else if (words.stream().anyMatch(SAFE_OPTIONS::contains)) {
                out.add(new DdlReason(DdlVerdict.SAFE, name, "", "table option " + spec));
            } else {
                out.add(new DdlReason(DdlVerdict.UNKNOWN, name, "", "operation not understood: " + spec));
            }
        }

        private boolean autoIncrementFits(TableDef table, List<DdlReason> out) {
            ColumnDef col = table.autoIncrementColumn();
            if (col == null) {
                return true;
            }
            String tooSmall = autoIncrementTooSmall(col.type(), table.autoIncrement());
            if (tooSmall != null) {
                out.add(new DdlReason(DdlVerdict.LOSSY, table.name(), col.name(), tooSmall));
                return false;
            }
            return true;
        }

        private static String autoIncrementTooSmall(SqlType type, Long next) {
            if (next == null || type.family() != TypeFamily.INTEGER) {
                return null;
            }
            BigInteger max = maxOf(type);
            return BigInteger.valueOf(next).compareTo(max) > 0 ? "AUTO_INCREMENT=" + next + " is beyond " + type.display()
                    + "'s maximum " + max + ": inserts fail with a duplicate-key error" : null;
        }

        private static BigInteger maxOf(SqlType type) {
            int bits = (int) type.length();
            return type.unsigned() ? BigInteger.TWO.pow(bits).subtract(BigInteger.ONE) : BigInteger.TWO.pow(bits - 1).subtract(BigInteger.ONE);
        }

        private static String tableCharset(List<String> options) {
            for (int i = 0; i < options.size(); i++) {
                String o = options.get(i).toUpperCase(Locale.ROOT);
                if (o.equals("CHARSET") || (o.equals("SET") && i > 0 && options.get(i - 1).equalsIgnoreCase("CHARACTER"))
                        || o.equals("COLLATE")) {
                    int j = i + 1;
                    if (j < options.size() && options.get(j).equals("=")) {
                        j++;
                    }
                    if (j < options.size()) {
                        return Charsets.normalize(options.get(j));
                    }
                }
            }
            return null;
        }

        private static Long optionNumber(List<String> options, String key) {
            for (int i = 0; i < options.size(); i++) {
                if (options.get(i).equalsIgnoreCase(key)) {
                    int j = i + 1 < options.size() && options.get(i + 1).equals("=") ? i + 2 : i + 1;
                    if (j < options.size() && NUMBER.matcher(options.get(j)).matches()) {
                        return Long.parseLong(options.get(j));
                    }
                }
            }
            return null;
        }
    }

    private static String bare(String name) {
        if (name == null) {
            return "";
        }
        return ColumnDefParser.unquote(name.trim().substring(TableDef.lastDotOutsideQuotes(name.trim()) + 1));
    }
}
