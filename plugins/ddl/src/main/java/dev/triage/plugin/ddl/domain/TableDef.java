package dev.triage.plugin.ddl.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A table's columns, known indexes and options, as far as the checked statements and the schema tell. */
public final class TableDef {

    private final String name;
    private final Map<String, ColumnDef> columns = new LinkedHashMap<>();
    private String defaultCharset;
    private Long autoIncrement;

    /**
     * Creates an empty table.
     *
     * @param name the table name
     * @param defaultCharset the table's default charset, or null when not given
     */
    public TableDef(String name, String defaultCharset) {
        this.name = name;
        this.defaultCharset = defaultCharset;
    }

    /**
     * Returns the table name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns a copy under another name.
     *
     * @param newName the name
     * @return the copy
     */
    public TableDef copy(String newName) {
        TableDef t = new TableDef(newName, defaultCharset);
        t.columns.putAll(columns);
        t.autoIncrement = autoIncrement;
        return t;
    }

    /**
     * Finds a column by name, ignoring case.
     *
     * @param column the column name
     * @return the column, or null
     */
    public ColumnDef column(String column) {
        return columns.get(key(column));
    }

    /**
     * Adds or replaces a column.
     *
     * @param column the column
     */
    public void put(ColumnDef column) {
        columns.put(key(column.name()), column);
    }

    /**
     * Replaces a column, possibly renamed, keeping its position.
     *
     * @param oldName the current name
     * @param column the new definition
     */
    public void replace(String oldName, ColumnDef column) {
        String oldKey = key(oldName);
        String newKey = key(column.name());
        if (oldKey.equals(newKey) || !columns.containsKey(oldKey)) {
            columns.put(newKey, column);
            return;
        }
        Map<String, ColumnDef> copy = new LinkedHashMap<>(columns);
        columns.clear();
        copy.forEach((k, v) -> columns.put(k.equals(oldKey) ? newKey : k, k.equals(oldKey) ? column : v));
    }

    /**
     * Removes a column.
     *
     * @param column the name
     */
    public void remove(String column) {
        columns.remove(key(column));
    }

    /**
     * Returns the columns in order.
     *
     * @return the columns
     */
    public Collection<ColumnDef> columns() {
        return columns.values();
    }

    /**
     * Returns the default charset, or null when unknown.
     *
     * @return the charset
     */
    public String defaultCharset() {
        return defaultCharset;
    }

    /**
     * Sets the default charset.
     *
     * @param charset the normalised charset
     */
    public void defaultCharset(String charset) {
        this.defaultCharset = charset;
    }

    /**
     * Returns the table's AUTO_INCREMENT option, or null.
     *
     * @return the next value
     */
    public Long autoIncrement() {
        return autoIncrement;
    }

    /**
     * Sets the table's AUTO_INCREMENT option.
     *
     * @param next the next value
     */
    public void autoIncrement(Long next) {
        this.autoIncrement = next;
    }

    /**
     * Returns the AUTO_INCREMENT column, or null.
     *
     * @return the column
     */
    public ColumnDef autoIncrementColumn() {
        return columns.values().stream().filter(ColumnDef::autoIncrement).findFirst().orElse(null);
    }

    /**
     * Normalises a table or column name for look-ups: no quotes, no schema prefix, lower case.
     *
     * @param name the name as written
     * @return the key
     */
    public static String key(String name) {
        String n = name.trim();
        int dot = lastDotOutsideQuotes(n);
        if (dot >= 0) {
            n = n.substring(dot + 1);
        }
        return ColumnDefParser.unquote(n).toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the index of the last dot that separates a qualified name's parts (outside backticks and double quotes).
     *
     * @param n the name
     * @return the index, or -1
     */
    public static int lastDotOutsideQuotes(String n) {
        boolean quoted = false;
        int last = -1;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '`' || c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                last = i;
            }
        }
        return last;
    }
}
