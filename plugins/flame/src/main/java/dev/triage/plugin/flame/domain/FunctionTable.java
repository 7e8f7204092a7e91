package dev.triage.plugin.flame.domain;

import java.util.AbstractList;
import java.util.List;
import java.util.Locale;
import java.util.RandomAccess;

/**
 * Every function's self and total counts, computed from the trie into primitive arrays indexed by interned frame id:
 * no object per function or per stack, so the table of a 1 GB profile (millions of functions) fits beside its trie.
 * Rows become {@link FunctionStat} records only when asked for (the view shows the first few thousand).
 */
public final class FunctionTable {

    /** What the rows can be ordered by. */
    public enum Key {
        /** Self count. */
        SELF,
        /** Total count. */
        TOTAL,
        /** Function name. */
        NAME
    }

    private final FrameTable frames;
    private final long[] self;
    private final long[] total;
    private final int[] ids;
    private int[] order;

    private FunctionTable(FrameTable frames, long[] self, long[] total, int[] ids) {
        this.frames = frames;
        this.self = self;
        this.total = total;
        this.ids = ids;
    }

    /**
     * Computes the table from a trie in one depth-first pass: a node adds its self count to its frame, and its total
     * only when no ancestor has the same frame (recursion counts once per stack).
     *
     * @param trie the merged stacks
     * @return the functions
     */
    public static FunctionTable of(StackTrie trie) {
        int frameCount = trie.frames().size();
        long[] self = new long[frameCount];
        long[] total = new long[frameCount];
        int[] onPath = new int[frameCount];
        // a pushed ~node (negative) marks leaving that node
        int[] stack = new int[1024];
        int top = 0;
        stack[top++] = StackTrie.ROOT;
        while (top > 0) {
            int entry = stack[--top];
            if (entry < 0) {
                onPath[trie.frame(~entry)]--;
                continue;
            }
            int node = entry;
            int k = trie.childCount(node);
            if (top + k + 1 > stack.length) {
                stack = java.util.Arrays.copyOf(stack, Math.max(stack.length * 2, top + k + 1));
            }
            if (node != StackTrie.ROOT) {
                int f = trie.frame(node);
                self[f] += trie.self(node);
                if (onPath[f] == 0) {
                    total[f] += trie.total(node);
                }
                onPath[f]++;
                stack[top++] = ~node;
            }
            for (int i = 0; i < k; i++) {
                stack[top++] = trie.childAt(node, i);
            }
        }
        int used = 0;
        for (int f = 1; f < frameCount; f++) {
            if (self[f] != 0 || total[f] != 0) {
                used++;
            }
        }
        int[] ids = new int[used];
        used = 0;
        for (int f = 1; f < frameCount; f++) {
            if (self[f] != 0 || total[f] != 0) {
                ids[used++] = f;
            }
        }
        return new FunctionTable(trie.frames(), self, total, ids);
    }

    /**
     * Returns how many functions have samples.
     *
     * @return the row count
     */
    public int size() {
        return ids.length;
    }

    /**
     * Returns the self count of a frame id.
     *
     * @param frameId the interned frame
     * @return its self count
     */
    public long selfOf(int frameId) {
        return frameId < self.length ? self[frameId] : 0;
    }

    /**
     * Returns the total count of a frame id.
     *
     * @param frameId the interned frame
     * @return its total count
     */
    public long totalOf(int frameId) {
        return frameId < total.length ? total[frameId] : 0;
    }

    /**
     * Returns one row, made on demand.
     *
     * @param frameId the interned frame
     * @return its name and counts
     */
    public FunctionStat stat(int frameId) {
        return new FunctionStat(frames.name(frameId), self[frameId], total[frameId]);
    }

    /**
     * Returns every row, largest self first, as a list that makes each record when it is read.
     *
     * @return the rows
     */
    public synchronized List<FunctionStat> asList() {
        if (order == null) {
            int[] sorted = ids.clone();
            sort(sorted, Key.SELF, true);
            order = sorted;
        }
        return rows(order);
    }

    /**
     * Returns every row in no particular order (frame id order), without sorting.
     *
     * @return the rows
     */
    public List<FunctionStat> unordered() {
        return rows(ids);
    }

    /**
     * Returns the rows with the largest self counts, largest first, without sorting the others.
     *
     * @param limit how many rows at most
     * @return the rows
     */
    public List<FunctionStat> top(int limit) {
        return select("", Key.SELF, true, limit);
    }

    /**
     * Returns at most {@code limit} rows whose name contains a text (case-insensitive), in the order asked for, picked
     * with a bounded heap so that only the rows returned are ever sorted.
     *
     * @param contains the text to look for, empty for every row
     * @param key what to order by
     * @param descending largest first
     * @param limit how many rows at most
     * @return the rows, as a list that makes each record when it is read
     */
    public List<FunctionStat> select(String contains, Key key, boolean descending, int limit) {
        String needle = contains == null ? "" : contains.toLowerCase(Locale.ROOT);
        int[] heap = new int[Math.max(1, Math.min(limit, ids.length))];
        int n = 0;
        for (int id : ids) {
            if (!needle.isEmpty() && !frames.name(id).toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            // the heap's root is the row that would be dropped first (the "smallest" in the wanted order)
            if (n < heap.length) {
                heap[n] = id;
                up(heap, n++, key, descending);
            } else if (heap.length > 0 && compare(id, heap[0], key, descending) < 0) {
                heap[0] = id;
                down(heap, n, key, descending);
            }
        }
        int[] out = java.util.Arrays.copyOf(heap, Math.min(n, limit));
        sort(out, key, descending);
        return rows(out);
    }

    private List<FunctionStat> rows(int[] ids) {
        return new Rows(ids);
    }

    /** A read-only list of rows over frame ids. */
    private final class Rows extends AbstractList<FunctionStat> implements RandomAccess {
        private final int[] ids;

        Rows(int[] ids) {
            this.ids = ids;
        }

        @Override
        public FunctionStat get(int index) {
            return stat(ids[index]);
        }

        @Override
        public int size() {
            return ids.length;
        }
    }

    /** Orders two frame ids: negative when {@code a} comes first. Ties go by self, total, then name. */
    private int compare(int a, int b, Key key, boolean descending) {
        int c = switch (key) {
            case SELF -> Long.compare(self[a], self[b]);
            case TOTAL -> Long.compare(total[a], total[b]);
            case NAME -> frames.compare(a, b);
        };
        if (c != 0) {
            return descending ? -c : c;
        }
        c = Long.compare(self[b], self[a]);
        if (c == 0) {
            c = Long.compare(total[b], total[a]);
        }
        return c != 0 ? c : frames.compare(a, b);
    }

    private void up(int[] heap, int i, Key key, boolean descending) {
        while (i > 0) {
            int p = (i - 1) / 2;
            if (compare(heap[i], heap[p], key, descending) <= 0) {
                return;
            }
            swap(heap, i, p);
            i = p;
        }
    }

    private void down(int[] heap, int n, Key key, boolean descending) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= n) {
                return;
            }
            int m = l + 1 < n && compare(heap[l + 1], heap[l], key, descending) > 0 ? l + 1 : l;
            if (compare(heap[m], heap[i], key, descending) <= 0) {
                return;
            }
            swap(heap, i, m);
            i = m;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** A merge sort of frame ids (no boxing), stable. */
    private void sort(int[] ids, Key key, boolean descending) {
        int[] tmp = new int[ids.length];
        for (int width = 1; width < ids.length; width *= 2) {
            for (int lo = 0; lo < ids.length - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, ids.length);
                if (compare(ids[mid - 1], ids[mid], key, descending) <= 0) {
                    continue;
                }
                System.arraycopy(ids, lo, tmp, lo, hi - lo);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    ids[k] = j >= hi || (i < mid && compare(tmp[i], tmp[j], key, descending) <= 0) ? tmp[i++] : tmp[j++];
                }
            }
        }
    }
}
