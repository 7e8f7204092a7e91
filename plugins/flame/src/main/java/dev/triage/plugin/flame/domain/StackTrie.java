package dev.triage.plugin.flame.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The merged call tree of a profile: every stack is a path from the root, equal prefixes share nodes, and each node
 * keeps its self count (samples ending there) and total count (samples passing through it). Stored in parallel
 * primitive arrays so that millions of nodes fit in little heap.
 */
public final class StackTrie {

    /** The id of the root node (frame {@code all}). */
    public static final int ROOT = 0;

    private final FrameTable frames;
    private int[] parent = new int[1024];
    private int[] frame = new int[1024];
    private long[] self = new long[1024];
    private long[] total = new long[1024];
    private int size;
    private static final int[] NO_CHILDREN = new int[0];
    private int[] childStart;
    private int[] sortedChildren;
    private boolean[] groupSorted;
    private java.util.Map<Integer, int[]> heavy;
    // open-addressing index of (parent, frame) -> child node, holding node ids only
    private int[] table = new int[2048];

    /**
     * Creates an empty trie over a frame table.
     *
     * @param frames the interned names
     */
    public StackTrie(FrameTable frames) {
        this.frames = frames;
        newNode(-1, 0);
    }

    /**
     * Returns the frame table.
     *
     * @return the interned names
     */
    public FrameTable frames() {
        return frames;
    }

    /**
     * Adds one stack.
     *
     * @param stackFrameIds frame ids from root-most caller to leaf
     * @param length how many of the ids are used
     * @param count the sample count or value
     * @return the node the stack ends at
     */
    public int add(int[] stackFrameIds, int length, long count) {
        int node = ROOT;
        total[ROOT] += count;
        for (int i = 0; i < length; i++) {
            node = child(node, stackFrameIds[i]);
            total[node] += count;
        }
        self[node] += count;
        return node;
    }

    /**
     * Adds one stack given by names.
     *
     * @param names frame names from root-most caller to leaf
     * @param count the sample count or value
     */
    public void add(List<String> names, long count) {
        int[] ids = new int[names.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = frames.intern(names.get(i));
        }
        add(ids, ids.length, count);
    }

    /**
     * Returns the child of a node for a frame, creating it when absent.
     *
     * @param node the parent
     * @param frameId the child's frame
     * @return the child node
     */
    public int child(int node, int frameId) {
        int slot = slotOf(node, frameId);
        if (table[slot] != 0) {
            return table[slot];
        }
        int created = newNode(node, frameId);
        table[slot] = created;
        if (size * 4 > table.length * 3) {
            rehash();
        }
        return created;
    }

    /**
     * Returns the child of a node for a frame, or -1 when there is none.
     *
     * @param node the parent
     * @param frameId the frame
     * @return the child or -1
     */
    public int findChild(int node, int frameId) {
        int c = table[slotOf(node, frameId)];
        return c == 0 ? -1 : c;
    }

    /** Returns the slot holding the child of a node for a frame, or the free slot where it would go. */
    private int slotOf(int node, int frameId) {
        int mask = table.length - 1;
        int slot = mix(node, frameId) & mask;
        int c;
        while ((c = table[slot]) != 0 && (parent[c] != node || frame[c] != frameId)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int mix(int node, int frameId) {
        long h = (((long) node << 32) | (frameId & 0xffffffffL)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    /** The child index holds node ids only (0, the root, is never a child, so it marks a free slot). */
    private void rehash() {
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length - 1;
        for (int n = 1; n < size; n++) {
            int slot = mix(parent[n], frame[n]) & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = n;
        }
        table = bigger;
    }

    private int newNode(int parentNode, int frameId) {
        if (size == parent.length) {
            int n = size + (size >> 1);
            parent = Arrays.copyOf(parent, n);
            frame = Arrays.copyOf(frame, n);
            self = Arrays.copyOf(self, n);
            total = Arrays.copyOf(total, n);
        }
        sortedChildren = null;
        heavy = null;
        int id = size++;
        parent[id] = parentNode;
        frame[id] = frameId;
        return id;
    }

    /**
     * Returns the number of nodes, the root included.
     *
     * @return the node count
     */
    public int size() {
        return size;
    }

    /**
     * Returns a node's parent, -1 for the root.
     *
     * @param node the node
     * @return the parent
     */
    public int parent(int node) {
        return parent[node];
    }

    /**
     * Returns a node's frame id.
     *
     * @param node the node
     * @return the frame id
     */
    public int frame(int node) {
        return frame[node];
    }

    /**
     * Returns a node's frame name.
     *
     * @param node the node
     * @return the name
     */
    public String name(int node) {
        return frames.name(frame[node]);
    }

    /**
     * Returns how many children a node has.
     *
     * @param node the node
     * @return the count
     */
    public int childCount(int node) {
        if (sortedChildren == null) {
            groupChildren();
        }
        return childStart[node + 1] - childStart[node];
    }

    /**
     * Returns one child of a node without copying (in name order once the node's children were sorted).
     *
     * @param node the node
     * @param index from 0 to {@link #childCount} - 1
     * @return the child
     */
    public int childAt(int node, int index) {
        if (sortedChildren == null) {
            groupChildren();
        }
        return sortedChildren[childStart[node] + index];
    }

    /**
     * Returns a node's depth, 0 for the root.
     *
     * @param node the node
     * @return the depth
     */
    public int depth(int node) {
        int d = 0;
        for (int n = node; n > ROOT; n = parent[n]) {
            d++;
        }
        return d;
    }

    /**
     * Returns the depth of the deepest node, 0 for an empty trie.
     *
     * @return the maximum depth
     */
    public int maxDepth() {
        // parents are created before their children, so one pass in id order sees every parent's depth first
        int[] depths = new int[size];
        int max = 0;
        for (int n = 1; n < size; n++) {
            depths[n] = depths[parent[n]] + 1;
            max = Math.max(max, depths[n]);
        }
        return max;
    }

    /**
     * Returns the samples that end at a node.
     *
     * @param node the node
     * @return the self count
     */
    public long self(int node) {
        return self[node];
    }

    /**
     * Returns the samples that pass through a node.
     *
     * @param node the node
     * @return the total count
     */
    public long total(int node) {
        return total[node];
    }

    /**
     * Returns the sum of all samples.
     *
     * @return the root's total
     */
    public long grandTotal() {
        return total[ROOT];
    }

    /**
     * Returns a node's children sorted by name, as FlameGraph draws them. Children are grouped once for all nodes (a
     * linear pass) and each node's group is sorted the first time it is asked for, so drawing sorts only what it shows.
     *
     * @param node the node
     * @return the children, a copy
     */
    public int[] children(int node) {
        if (sortedChildren == null) {
            groupChildren();
        }
        int from = childStart[node];
        int to = childStart[node + 1];
        if (from == to) {
            return NO_CHILDREN;
        }
        if (!groupSorted[node]) {
            sortGroup(from, to);
            groupSorted[node] = true;
        }
        int[] out = new int[to - from];
        System.arraycopy(sortedChildren, from, out, 0, out.length);
        return out;
    }

    /**
     * Returns a node's children heaviest first (ties in name order), for the left-heavy layout; computed once per node.
     *
     * @param node the node
     * @return the children, a copy
     */
    public int[] heaviestChildren(int node) {
        int[] byName = children(node);
        if (byName.length < 2) {
            return byName;
        }
        if (heavy == null) {
            heavy = new java.util.HashMap<>();
        }
        int[] cached = heavy.get(node);
        if (cached == null) {
            Integer[] order = new Integer[byName.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = byName[i];
            }
            // stable sort: equal totals keep name order
            Arrays.sort(order, (p, q) -> Long.compare(total[q], total[p]));
            cached = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                cached[i] = order[i];
            }
            heavy.put(node, cached);
        }
        return cached.clone();
    }

    private void groupChildren() {
        int[] start = new int[size + 1];
        for (int n = 1; n < size; n++) {
            start[parent[n] + 1]++;
        }
        for (int i = 0; i < size; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, size);
        int[] list = new int[Math.max(0, size - 1)];
        for (int n = 1; n < size; n++) {
            list[fill[parent[n]]++] = n;
        }
        childStart = start;
        groupSorted = new boolean[size];
        sortedChildren = list;
    }

    private void sortGroup(int from, int to) {
        if (to - from < 2) {
            return;
        }
        Integer[] box = new Integer[to - from];
        for (int i = from; i < to; i++) {
            box[i - from] = sortedChildren[i];
        }
        Arrays.sort(box, (a, b) -> frames.compare(frame[a], frame[b]));
        for (int i = from; i < to; i++) {
            sortedChildren[i] = box[i - from];
        }
    }

    /**
     * Adds counts to a node directly, for building derived tries (sandwich, merged views); callers keep totals consistent.
     *
     * @param node the node
     * @param selfCount added to its self count
     * @param totalCount added to its total count
     */
    public void bump(int node, long selfCount, long totalCount) {
        heavy = null;
        self[node] += selfCount;
        total[node] += totalCount;
    }

    /**
     * Returns the frame names from the root's first child down to a node.
     *
     * @param node the node
     * @return the path, root-most first
     */
    public List<String> path(int node) {
        List<String> out = new ArrayList<>();
        for (int n = node; n > ROOT; n = parent[n]) {
            out.add(name(n));
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /**
     * Writes every stack with a self count as folded lines ({@code a;b;c 12}), sorted.
     *
     * @return the folded lines
     */
    public List<String> folded() {
        List<String> out = new ArrayList<>();
        for (int n = 1; n < size; n++) {
            if (self[n] != 0) {
                out.add(String.join(";", path(n)) + " " + self[n]);
            }
        }
        out.sort(null);
        return out;
    }
}
