package dev.triage.core.cases;

import java.util.Comparator;
import java.util.List;

/**
 * The ordered migrations of one component (a plugin, or {@code core}), registered as a service and applied when a case opens.
 *
 * @param component the owner of the tables, usually the plugin id
 * @param migrations the migrations, in any order
 */
public record SchemaMigrations(String component, List<Migration> migrations) {

    /**
     * Sorts the migrations by version and checks versions are unique and start at 1.
     *
     * @param component the component
     * @param migrations the migrations
     */
    public SchemaMigrations {
        migrations = migrations.stream().sorted(Comparator.comparingInt(Migration::version)).toList();
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("Migrations of '" + component + "' must be numbered 1.." + migrations.size()
                        + " without gaps, found version " + migrations.get(i).version() + " at position " + (i + 1));
            }
        }
    }

    /**
     * Declares a component's migrations.
     *
     * @param component the owner
     * @param migrations the migrations
     * @return the list
     */
    public static SchemaMigrations of(String component, Migration... migrations) {
        return new SchemaMigrations(component, List.of(migrations));
    }
}
