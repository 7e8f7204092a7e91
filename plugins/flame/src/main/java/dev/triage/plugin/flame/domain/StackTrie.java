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
    private int[] firstChild = new int[1024];
    private int[] nextSibling = new int[1024];
    private int[] depth = new int[1024];
    private long[] self = new long[1024];
    private long[] total = new long[1024];
    private int size;
    private static final int[] NO_CHILDREN = new int[0];
    private int[] childStart;
    private int[] sortedChildren;
    private boolean[] groupSorted;
    // open-addressing map (parent, frame) -> child node
    private long[] keys = new long[2048];
    private int[] values = new int[2048];
    private int mapSize;

    /**
     * Creates an empty trie over a frame table.
     *
     * @param frames the interned names
     */
    public StackTrie(FrameTable frames) {
        this.frames = frames;
        Arrays.fill(keys, -1L);
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
     */
    public void add(int[] stackFrameIds, int length, long count) {
        int node = ROOT;
        total[ROOT] += count;
        for (int i = 0; i < length; i++) {
            node = child(node, stackFrameIds[i]);
            total[node] += count;
        }
        self[node] += count;
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
        long key = ((long) node << 32) | (frameId & 0xffffffffL);
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (keys[slot] != -1L) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        int created = newNode(node, frameId);
        keys[slot] = key;
        values[slot] = created;
        if (++mapSize * 2 > keys.length) {
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
        long key = ((long) node << 32) | (frameId & 0xffffffffL);
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (keys[slot] != -1L) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, -1L);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1L) {
                int slot = mix(oldKeys[i]) & mask;
                while (keys[slot] != -1L) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private int newNode(int parentNode, int frameId) {
        if (size == parent.length) {
            int n = size * 2;
            parent = Arrays.copyOf(parent, n);
            frame = Arrays.copyOf(frame, n);
            firstChild = Arrays.copyOf(firstChild, n);
            nextSibling = Arrays.copyOf(nextSibling, n);
            depth = Arrays.copyOf(depth, n);
            self = Arrays.copyOf(self, n);
            total = Arrays.copyOf(total, n);
        }
        sortedChildren = null;
        int id = size++;
        parent[id] = parentNode;
        frame[id] = frameId;
        firstChild[id] = -1;
        nextSibling[id] = -1;
        if (parentNode >= 0) {
            depth[id] = depth[parentNode] + 1;
            nextSibling[id] = firstChild[parentNode];
            firstChild[parentNode] = id;
        }
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
     * Returns a node's first child in insertion order (latest first), or -1.
     *
     * @param node the node
     * @return the child or -1
     */
    public int firstChildOf(int node) {
        return firstChild[node];
    }

    /**
     * Returns the next sibling of a node, or -1.
     *
     * @param node the node
     * @return the sibling or -1
     */
    public int nextSiblingOf(int node) {
        return nextSibling[node];
    }

    /**
     * Returns a node's depth, 0 for the root.
     *
     * @param node the node
     * @return the depth
     */
    public int depth(int node) {
        return depth[node];
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
        Arrays.sort(box, (a, b) -> name(a).compareTo(name(b)));
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
