package dev.triage.plugin.flame.domain;

import java.util.List;
import java.util.Objects;

/**
 * A parsed profile: its merged call tree, what was measured, and what could not be read.
 *
 * @param source the file or address it came from
 * @param format the input format
 * @param sampleType what the counts measure, such as {@code samples}, {@code cpu} or {@code alloc_space}
 * @param unit the unit of the counts, such as {@code count}, {@code nanoseconds} or {@code bytes}
 * @param trie the merged stacks
 * @param skipped how many input lines or records could not be parsed
 * @param problems the first messages about skipped input, each naming line or offset
 * @param sampleTypes every sample type the input offers (pprof), the chosen one among them
 * @param timeline when each sample was taken, or null when the format has no time stamps
 */
public record Profile(String source, ProfileFormat format, String sampleType, String unit, StackTrie trie, long skipped,
        List<String> problems, List<String> sampleTypes, Timeline timeline) {

    /** Checks the parts and copies the lists. */
    public Profile {
        Objects.requireNonNull(trie, "trie");
        problems = List.copyOf(problems);
        sampleTypes = List.copyOf(sampleTypes);
    }

    /**
     * Creates a profile without time stamps.
     *
     * @param source the file or address it came from
     * @param format the input format
     * @param sampleType what the counts measure
     * @param unit the unit of the counts
     * @param trie the merged stacks
     * @param skipped how many input lines or records could not be parsed
     * @param problems the first messages about skipped input
     * @param sampleTypes every sample type the input offers
     */
    public Profile(String source, ProfileFormat format, String sampleType, String unit, StackTrie trie, long skipped,
            List<String> problems, List<String> sampleTypes) {
        this(source, format, sampleType, unit, trie, skipped, problems, sampleTypes, null);
    }

    /**
     * Returns the sum of all counts.
     *
     * @return the grand total
     */
    public long total() {
        return trie.grandTotal();
    }

    /**
     * Returns per-function self and total counts, largest self first.
     *
     * @return the functions
     */
    public List<FunctionStat> functions() {
        return functionTable().asList();
    }

    /**
     * Computes per-function self and total counts into primitive arrays, without a record per function.
     *
     * @return the function table
     */
    public FunctionTable functionTable() {
        return FunctionTable.of(trie);
    }
}
