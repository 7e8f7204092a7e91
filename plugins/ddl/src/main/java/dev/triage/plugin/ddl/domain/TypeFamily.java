package dev.triage.plugin.ddl.domain;

/** The kinds of column types the conversion rules tell apart, each in one broad group. */
public enum TypeFamily {
    /** TINYINT to BIGINT. */
    INTEGER(Group.NUMBER),
    /** DECIMAL/NUMERIC. */
    DECIMAL(Group.NUMBER),
    /** FLOAT and DOUBLE. */
    FLOAT(Group.NUMBER),
    /** CHAR, VARCHAR and the TEXT types. */
    STRING(Group.TEXT),
    /** BINARY, VARBINARY and the BLOB types. */
    BINARY(Group.TEXT),
    /** ENUM. */
    ENUM(Group.LIST),
    /** SET. */
    SET(Group.LIST),
    /** DATE. */
    DATE(Group.TEMPORAL),
    /** DATETIME. */
    DATETIME(Group.TEMPORAL),
    /** TIMESTAMP. */
    TIMESTAMP(Group.TEMPORAL),
    /** TIME. */
    TIME(Group.TEMPORAL),
    /** YEAR. */
    YEAR(Group.TEMPORAL),
    /** JSON. */
    JSON(Group.OTHER),
    /** BIT, spatial and anything else. */
    OTHER(Group.OTHER);

    /** The broad groups whose conversions behave alike. */
    public enum Group {
        /** Numbers. */
        NUMBER,
        /** Character and byte strings. */
        TEXT,
        /** ENUM and SET. */
        LIST,
        /** Dates and times. */
        TEMPORAL,
        /** Everything else. */
        OTHER
    }

    private final Group group;

    TypeFamily(Group group) {
        this.group = group;
    }

    /**
     * Returns the broad group.
     *
     * @return the group
     */
    public Group group() {
        return group;
    }
}
