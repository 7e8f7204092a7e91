package dev.triage.plugin.metrics.application;

import dev.triage.core.cases.Case;
import dev.triage.plugin.metrics.domain.QuerySet;
import java.util.List;

/** The query sets a user can fetch: shipped ones, the user's edited copies, files and the case's imported dashboards. */
public interface QuerySetCatalog {

    /**
     * Returns a set.
     *
     * @param name a set's name, a file, or {@code case}
     * @param current the open case, or null
     * @return the set
     * @throws Exception when there is no such set or the file is invalid (the message names it)
     */
    QuerySet load(String name, Case current) throws Exception;

    /**
     * Returns the names of the shipped sets.
     *
     * @return the names
     */
    List<String> names();
}
