package dev.triage.plugin.ddl.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * TiDB's {@code needChangeColumnData}: whether a MODIFY/CHANGE COLUMN makes TiDB rewrite the column's data (a reorg
 * job over every row) instead of only changing the metadata. Mirrors pkg/ddl/modify_column.go.
 */
public final class TidbRules {

    /** TiDB's storage type for each canonical type name; names that share a storage type share a value. */
    private static final Map<String, String> STORAGE_TYPE = Map.ofEntries(
            Map.entry("CHAR", "String"), Map.entry("BINARY", "String"),
            Map.entry("VARCHAR", "Varchar"), Map.entry("VARBINARY", "Varchar"),
            Map.entry("TINYTEXT", "TinyBlob"), Map.entry("TINYBLOB", "TinyBlob"),
            Map.entry("TEXT", "Blob"), Map.entry("BLOB", "Blob"),
            Map.entry("MEDIUMTEXT", "MediumBlob"), Map.entry("MEDIUMBLOB", "MediumBlob"),
            Map.entry("LONGTEXT", "LongBlob"), Map.entry("LONGBLOB", "LongBlob"));

    /** String storage types: changes among them only need data when values are cut. */
    private static final Set<String> STRINGS = Set.of("String", "Varchar", "TinyBlob", "Blob", "MediumBlob", "LongBlob");

    /** TiDB's default display length of each integer type (GetDefaultFieldLengthAndDecimal). */
    private static final Map<String, Integer> INTEGER_FLEN = Map.of("TINYINT", 4, "SMALLINT", 6, "MEDIUMINT", 9, "INT", 11,
            "BIGINT", 20);

    private TidbRules() {
    }

    /**
     * Tells whether TiDB must rewrite the column data for this change.
     *
     * @param from the current type
     * @param to the new type
     * @return true when TiDB runs a reorg over the rows
     */
    public static boolean needChangeColumnData(SqlType from, SqlType to) {
        boolean signToggled = from.unsigned() != to.unsigned();
        String oldType = STORAGE_TYPE.getOrDefault(from.name(), from.name());
        String newType = STORAGE_TYPE.getOrDefault(to.name(), to.name());
        if (oldType.equals(newType)) {
            return switch (from.family()) {
                case DECIMAL -> from.length() != to.length() || from.scale() != to.scale() || signToggled;
                case ENUM, SET -> elementsChanged(from, to);
                case INTEGER -> signToggled;
                default -> from.name().equals("BINARY") ? from.length() != to.length() : truncationOrSign(from, to);
            };
        }
        if (Set.of(oldType, newType).equals(Set.of("String", "Varchar"))) {
            return true;
        }
        if (STRINGS.contains(oldType) && STRINGS.contains(newType)) {
            return truncationOrSign(from, to);
        }
        if (from.family() == TypeFamily.INTEGER && to.family() == TypeFamily.INTEGER) {
            return INTEGER_FLEN.get(to.name()) < INTEGER_FLEN.get(from.name()) || signToggled;
        }
        return true;
    }

    private static boolean truncationOrSign(SqlType from, SqlType to) {
        // types without a length here (temporal, FLOAT) have a positive default flen in TiDB, so their decimals count
        long newLen = to.length() < 0 ? 1 : to.length();
        long oldLen = from.length() < 0 ? 1 : from.length();
        return newLen < oldLen || to.scale() < from.scale() || from.unsigned() != to.unsigned();
    }

    /** TiDB's IsElemsChangedToModifyColumn: members removed or moved (appending is fine). */
    private static boolean elementsChanged(SqlType from, SqlType to) {
        if (to.members().size() < from.members().size()) {
            return true;
        }
        for (int i = 0; i < from.members().size(); i++) {
            if (!from.members().get(i).toLowerCase(Locale.ROOT).equals(to.members().get(i).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
