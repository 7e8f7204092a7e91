package dev.triage.plugin.flame.domain;

import java.util.Comparator;
import java.util.List;

/**
 * One function's counts over the whole profile.
 *
 * @param name the frame name
 * @param self samples where the function is the leaf
 * @param total samples where the function is anywhere on the stack (counted once per stack, recursion included)
 */
public record FunctionStat(String name, long self, long total) {

    /** Orders by self count, largest first, then total, then name. */
    public static final Comparator<FunctionStat> BY_SELF = Comparator.comparingLong(FunctionStat::self).reversed()
            .thenComparing(Comparator.comparingLong(FunctionStat::total).reversed()).thenComparing(FunctionStat::name);

    /**
     * Computes every function's counts from a trie (see {@link FunctionTable}; the records are made when read).
     *
     * @param trie the merged stacks
     * @return the functions, largest self first
     */
    public static List<FunctionStat> of(StackTrie trie) {
        return FunctionTable.of(trie).asList();
    }
}
