package dev.triage.plugin.casefiles.application;

import java.util.Locale;

/**
 * One file copied into a case.
 *
 * @param importId the import that brought it
 * @param name the file name
 * @param bytes its size
 * @param lines its number of lines when this plugin copied it, else null
 * @param importer the id of the importer that read it, or null when unknown (cases from before version 4 of the core tables)
 * @param rows the rows that importer wrote for it, or null when unknown
 */
public record CaseFile(String importId, String name, long bytes, Long lines, String importer, Long rows) {

    /**
     * A file this plugin copied and counted.
     *
     * @param importId the import
     * @param name the file name
     * @param bytes its size
     * @param lines its line count
     */
    public CaseFile(String importId, String name, long bytes, Long lines) {
        this(importId, name, bytes, lines, null, null);
    }

    /**
     * Says what the file became in the case: its lines for a plain copy, or the rows a plugin's importer wrote for it.
     *
     * @return such as {@code "1,204 lines"} or {@code "596 rows · slowlog.slow-log"}, empty when unknown
     */
    public String content() {
        if (lines != null) {
            return String.format(Locale.ROOT, "%,d lines", lines);
        }
        if (rows != null) {
            return String.format(Locale.ROOT, "%,d rows", rows) + (importer == null ? "" : " · " + importer);
        }
        return importer == null ? "" : importer;
    }
}
