package dev.triage.plugin.flame.domain;

/**
 * The sandwich of one function: its callers (paths leading to it, inverted so the function is the root) and its callees
 * (everything it calls), merged over every place it appears; recursive calls count once, at the outermost one.
 *
 * @param callers the inverted caller tree, rooted at the function
 * @param callees the callee tree, rooted at the function
 */
public record Sandwich(StackTrie callers, StackTrie callees) {

    /**
     * Builds the sandwich of a function.
     *
     * @param trie the profile's trie
     * @param name the function name
     * @return the two trees (empty when the function does not occur)
     */
    public static Sandwich of(StackTrie trie, String name) {
        FrameTable calleeFrames = new FrameTable();
        StackTrie callees = new StackTrie(calleeFrames);
        FrameTable callerFrames = new FrameTable();
        StackTrie callers = new StackTrie(callerFrames);
        int f = trie.frames().find(name);
        if (f < 0) {
            return new Sandwich(callers, callees);
        }
        int calleeRoot = callees.child(StackTrie.ROOT, calleeFrames.intern(name));
        int callerRoot = callers.child(StackTrie.ROOT, callerFrames.intern(name));
        int[] map = new int[trie.size()];
        java.util.Arrays.fill(map, -1);
        for (int n = 1; n < trie.size(); n++) {
            int p = trie.parent(n);
            if (map[p] >= 0) {
                // inside an occurrence: copy the node (a nested occurrence of the function is copied as it is)
                int copy = callees.child(map[p], calleeFrames.intern(trie.name(n)));
                callees.bump(copy, trie.self(n), trie.total(n));
                map[n] = copy;
            } else if (trie.frame(n) == f) {
                long t = trie.total(n);
                callees.bump(calleeRoot, trie.self(n), t);
                callees.bump(StackTrie.ROOT, 0, t);
                map[n] = calleeRoot;
                callers.bump(StackTrie.ROOT, 0, t);
                callers.bump(callerRoot, 0, t);
                int c = callerRoot;
                for (int a = p; a > StackTrie.ROOT; a = trie.parent(a)) {
                    c = callers.child(c, callerFrames.intern(trie.name(a)));
                    callers.bump(c, 0, t);
                }
                callers.bump(c, t, 0);
            }
        }
        return new Sandwich(callers, callees);
    }
}
