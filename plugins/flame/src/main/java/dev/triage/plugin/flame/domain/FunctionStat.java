package dev.triage.plugin.flame.domain;

import java.util.ArrayList;
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
     * Computes every function's counts from a trie.
     *
     * @param trie the merged stacks
     * @return the functions, largest self first
     */
    public static List<FunctionStat> of(StackTrie trie) {
        int frames = trie.frames().size();
        long[] self = new long[frames];
        long[] total = new long[frames];
        int[] onPath = new int[frames];
        // iterative DFS; a node adds its total to its frame only when no ancestor has the same frame
        int n = trie.size();
        int[] stack = new int[1024];
        boolean[] exiting = new boolean[n];
        int top = 0;
        stack[top++] = StackTrie.ROOT;
        while (top > 0) {
            int node = stack[--top];
            int f = trie.frame(node);
            if (node != StackTrie.ROOT && exiting[node]) {
                onPath[f]--;
                continue;
            }
            if (node != StackTrie.ROOT) {
                self[f] += trie.self(node);
                if (onPath[f] == 0) {
                    total[f] += trie.total(node);
                }
                onPath[f]++;
                exiting[node] = true;
                stack[top++] = node;
            }
            int k = trie.childCount(node);
            if (top + k > stack.length) {
                stack = java.util.Arrays.copyOf(stack, Math.max(stack.length * 2, top + k));
            }
            for (int i = 0; i < k; i++) {
                stack[top++] = trie.childAt(node, i);
            }
        }
        List<FunctionStat> out = new ArrayList<>();
        for (int f = 1; f < frames; f++) {
            if (total[f] != 0 || self[f] != 0) {
                out.add(new FunctionStat(trie.frames().name(f), self[f], total[f]));
            }
        }
        out.sort(BY_SELF);
        return out;
    }
}
