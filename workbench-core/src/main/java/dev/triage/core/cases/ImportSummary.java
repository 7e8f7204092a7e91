package dev.triage.core.cases;

import java.util.List;

/**
 * What one committed import brought into a case.
 *
 * @param importId the import's id
 * @param label what was imported, as shown to users
 * @param files how many files were copied into the case
 * @param rows how many rows were written
 * @param skipped how many input units were skipped as unreadable
 * @param warnings the first skip reasons, each naming file and line
 */
public record ImportSummary(String importId, String label, int files, long rows, long skipped, List<String> warnings) {
}
