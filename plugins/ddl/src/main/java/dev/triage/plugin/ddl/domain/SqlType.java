package dev.triage.plugin.ddl.domain;

import java.util.List;

/**
 * A column type as the rules see it.
 *
 * @param name the canonical type name (INT, VARCHAR, MEDIUMTEXT, DOUBLE, ...)
 * @param family its family
 * @param length bits for integers and BIT, precision for DECIMAL and FLOAT(M,D), characters for CHAR/VARCHAR, bytes for
 *               BINARY/VARBINARY and the TEXT/BLOB types, -1 when it does not apply
 * @param scale DECIMAL scale, fractional-second precision for temporal types, FLOAT(M,D) decimals, else -1
 * @param unsigned whether the number type is UNSIGNED
 * @param charset the normalised character set of a text, ENUM or SET column, or null when not given
 * @param members the ENUM or SET members, in order
 */
public record SqlType(String name, TypeFamily family, long length, int scale, boolean unsigned, String charset,
        List<String> members) {

    /** Copies the members. */
    public SqlType {
        members = List.copyOf(members);
    }

    /**
     * Returns this type with another charset.
     *
     * @param newCharset the normalised charset
     * @return the copy
     */
    public SqlType withCharset(String newCharset) {
        return new SqlType(name, family, length, scale, unsigned, newCharset, members);
    }

    /**
     * Tells whether this is a fixed-length CHAR or BINARY type (padded on storage).
     *
     * @return true for CHAR and BINARY
     */
    public boolean fixed() {
        return name.equals("CHAR") || name.equals("BINARY");
    }

    /**
     * Tells whether this type stores characters in a charset (text, ENUM, SET).
     *
     * @return true for character types
     */
    public boolean hasCharset() {
        return family == TypeFamily.STRING || family == TypeFamily.ENUM || family == TypeFamily.SET;
    }

    /**
     * Returns the type as SQL, e.g. {@code VARCHAR(50)}, {@code INT UNSIGNED}, {@code DATETIME(6)}.
     *
     * @return the display form
     */
    public String display() {
        return display(true);
    }

    /**
     * Returns the type as SQL, with or without its character set.
     *
     * @param withCharset whether to name the character set
     * @return the display form
     */
    public String display(boolean withCharset) {
        StringBuilder b = new StringBuilder(name);
        switch (family) {
            case DECIMAL -> b.append('(').append(length).append(',').append(scale).append(')');
            case STRING, BINARY -> {
                if (name.equals("CHAR") || name.equals("VARCHAR") || name.equals("BINARY") || name.equals("VARBINARY")) {
                    b.append('(').append(length).append(')');
                }
            }
            case DATETIME, TIMESTAMP, TIME -> {
                if (scale > 0) {
                    b.append('(').append(scale).append(')');
                }
            }
            case ENUM, SET -> b.append(members.stream().map(m -> "'" + m.replace("'", "''") + "'")
                    .collect(java.util.stream.Collectors.joining(",", "(", ")")));
            case FLOAT -> {
                if (scale >= 0) {
                    b.append('(').append(length).append(',').append(scale).append(')');
                }
            }
            case OTHER -> {
                if (name.equals("BIT")) {
                    b.append('(').append(length).append(')');
                }
            }
            default -> {
            }
        }
        if (unsigned) {
            b.append(" UNSIGNED");
        }
        if (withCharset && charset != null && hasCharset()) {
            b.append(" CHARACTER SET ").append(charset);
        }
        return b.toString();
    }
}
