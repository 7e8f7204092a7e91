package dev.triage.plugin.ddl.domain;

/**
 * A column: its name, type and the attributes the rules look at.
 *
 * @param name the column name as written, without quotes
 * @param type the type
 * @param nullable whether NULL is allowed
 * @param autoIncrement whether the column has AUTO_INCREMENT
 */
public record ColumnDef(String name, SqlType type, boolean nullable, boolean autoIncrement) {

    /**
     * Returns this column under another name.
     *
     * @param newName the name
     * @return the copy
     */
    public ColumnDef renamed(String newName) {
        return new ColumnDef(newName, type, nullable, autoIncrement);
    }

    /**
     * Returns this column with another type.
     *
     * @param newType the type
     * @return the copy
     */
    public ColumnDef withType(SqlType newType) {
        return new ColumnDef(name, newType, nullable, autoIncrement);
    }
}
