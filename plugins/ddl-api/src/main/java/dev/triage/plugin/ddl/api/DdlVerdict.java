package dev.triage.plugin.ddl.api;

/** How much a statement risks, from harmless to destructive; later constants are worse. */
public enum DdlVerdict {
    /** No data change and no table copy. */
    SAFE,
    /** Not enough schema to tell. */
    UNKNOWN,
    /** The table is copied or reorganised, but values stay the same. */
    REWRITE,
    /** Values can change or be lost. */
    LOSSY,
    /** Data is dropped or truncated on purpose. */
    DESTRUCTIVE;

    /**
     * Returns the worse of this verdict and the other.
     *
     * @param other another verdict
     * @return the one declared later
     */
    public DdlVerdict worst(DdlVerdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /**
     * Tells whether a statement with this verdict should stop a script (the CLI exits with 1).
     *
     * @return true for LOSSY and DESTRUCTIVE
     */
    public boolean losesData() {
        return this == LOSSY || this == DESTRUCTIVE;
    }
}
