package dev.triage.plugin.sql.application;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.List;

/** Writes a whole result page by page, so an export never holds more than one page of rows. */
public final class ResultExporter {

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    /** Rows read per page. */
    public static final int PAGE = 2_000;

    private ResultExporter() {
    }

    /**
     * Exports a cursor's remaining rows.
     *
     * @param cursor the open cursor (closed by the caller)
     * @param format the format
     * @param table the table name for INSERT statements
     * @param out where to write
     * @param cancelled tells when to stop
     * @return the rows written
     * @throws Exception when reading or writing fails
     */
    public static long export(ResultCursor cursor, ExportFormat format, String table, Writer out,
                              java.util.function.BooleanSupplier cancelled) throws Exception {
        List<ResultColumn> cols = cursor.columns();
        long n = 0;
        header(cols, format, out);
        while (!cursor.exhausted()) {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("Export cancelled after " + n + " rows");
            }
            List<Object[]> page = cursor.next(PAGE);
            for (Object[] row : page) {
                row(cols, row, format, table, n == 0, out);
                n++;
            }
            if (page.isEmpty()) {
                break;
            }
        }
        if (format == ExportFormat.JSON) {
            out.write(n == 0 ? "]\n" : "\n]\n");
        }
        out.flush();
        return n;
    }

    private static void header(List<ResultColumn> cols, ExportFormat format, Writer out) throws IOException {
        switch (format) {
            case CSV -> {
                for (int i = 0; i < cols.size(); i++) {
                    out.write((i > 0 ? "," : "") + csv(cols.get(i).name()));
                }
                out.write("\r\n");
            }
            case MARKDOWN -> {
                StringBuilder h = new StringBuilder("|");
                StringBuilder sep = new StringBuilder("|");
                for (ResultColumn c : cols) {
                    h.append(' ').append(md(c.name())).append(" |");
                    sep.append(c.numeric() ? " ---: |" : " --- |");
                }
                out.write(h + "\n" + sep + "\n");
            }
            case JSON -> out.write("[");
            default -> {
            }
        }
    }

    private static void row(List<ResultColumn> cols, Object[] row, ExportFormat format, String table, boolean first, Writer out)
            throws IOException {
        StringBuilder b = new StringBuilder();
        switch (format) {
            case CSV -> {
                for (int i = 0; i < row.length; i++) {
                    b.append(i > 0 ? "," : "").append(row[i] == null ? "" : csv(text(row[i])));
                }
                b.append("\r\n");
            }
            case MARKDOWN -> {
                b.append('|');
                for (Object v : row) {
                    b.append(' ').append(v == null ? "NULL" : md(text(v))).append(" |");
                }
                b.append('\n');
            }
            case JSON -> {
                b.append(first ? "\n  {" : ",\n  {");
                for (int i = 0; i < row.length; i++) {
                    b.append(i > 0 ? ", " : "").append(json(cols.get(i).name())).append(": ");
                    b.append(row[i] == null ? "null" : bare(cols.get(i), row[i]) ? text(row[i]) : json(text(row[i])));
                }
                b.append('}');
            }
            case INSERT -> {
                b.append("INSERT INTO ").append(ident(table)).append(" (");
                for (int i = 0; i < cols.size(); i++) {
                    b.append(i > 0 ? ", " : "").append(ident(cols.get(i).name()));
                }
                b.append(") VALUES (");
                for (int i = 0; i < row.length; i++) {
                    b.append(i > 0 ? ", " : "").append(bare(cols.get(i), row[i]) ? text(row[i]) : sqlLiteral(row[i]));
                }
                b.append(");\n");
            }
            default -> throw new IllegalStateException(format.name());
        }
        out.write(b.toString());
    }

    /**
     * Renders a value as text the way the grid and exports show it.
     *
     * @param v the value
     * @return its text; binary values in base64
     */
    public static String text(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof TemporalAccessor || v instanceof java.util.Date) {
            return v.toString().replace('T', ' ');
        }
        return v.toString();
    }

    /**
     * Renders a value as a MySQL literal.
     *
     * @param v the value
     * @return NULL, a number, X'..' for bytes, or a quoted string
     */
    public static String sqlLiteral(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return text(v);
        }
        if (v instanceof byte[] bytes) {
            StringBuilder h = new StringBuilder("X'");
            for (byte x : bytes) {
                h.append(String.format("%02X", x));
            }
            return h.append('\'').toString();
        }
        return "'" + text(v).replace("\\", "\\\\").replace("'", "''").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\0", "\\0") + "'";
    }

    /** Numbers (also given as text by a streaming export) are written without quotes. */
    private static boolean bare(ResultColumn col, Object v) {
        if (v instanceof Number || v instanceof Boolean) {
            return true;
        }
        return col.numeric() && v instanceof String s && NUMBER.matcher(s).matches();
    }

    private static String ident(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>");
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
