package dev.triage.plugin.casefiles.application;

/**
 * One file copied into a case.
 *
 * @param importId the import that brought it
 * @param name the file name
 * @param bytes its size
 * @param lines its number of lines, or null when another plugin imported it (not counted)
 */
public record CaseFile(String importId, String name, long bytes, Long lines) {
}
