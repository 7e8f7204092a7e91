package dev.triage.plugin.flame.domain;

import java.util.Arrays;

/**
 * When each sample of a profile was taken (JFR events, perf samples): its time, the trie node its stack ends at, and
 * its weight; used to draw samples over time and to cut the merged graph down to a time range.
 */
public final class Timeline {

    private long[] times = new long[1024];
    private int[] leaves = new int[1024];
    private long[] weights = new long[1024];
    private int size;
    private long start = Long.MAX_VALUE;
    private long end = Long.MIN_VALUE;
    private int[] order;

    /**
     * Records one sample.
     *
     * @param timeNanos when it was taken, nanoseconds since the epoch
     * @param leaf the trie node its stack ends at
     * @param weight its count or value
     */
    public void add(long timeNanos, int leaf, long weight) {
        if (size == times.length) {
            int n = size + (size >> 1);
            times = Arrays.copyOf(times, n);
            leaves = Arrays.copyOf(leaves, n);
            weights = Arrays.copyOf(weights, n);
        }
        times[size] = timeNanos;
        leaves[size] = leaf;
        weights[size] = weight;
        size++;
        start = Math.min(start, timeNanos);
        end = Math.max(end, timeNanos);
    }

    /**
     * Returns how many samples there are.
     *
     * @return the count
     */
    public int size() {
        return size;
    }

    /**
     * Returns the time of the first sample.
     *
     * @return nanoseconds since the epoch
     */
    public long start() {
        return start;
    }

    /**
     * Returns the time of the last sample.
     *
     * @return nanoseconds since the epoch
     */
    public long end() {
        return end;
    }

    /**
     * Returns the time of a sample.
     *
     * @param i the sample, in recording order
     * @return nanoseconds since the epoch
     */
    public long time(int i) {
        return times[i];
    }

    /**
     * Returns the trie node a sample's stack ends at.
     *
     * @param i the sample, in recording order
     * @return the leaf node
     */
    public int leaf(int i) {
        return leaves[i];
    }

    /**
     * Returns the weight of a sample.
     *
     * @param i the sample, in recording order
     * @return its count or value
     */
    public long weight(int i) {
        return weights[i];
    }

    /**
     * Returns the samples' indexes in time order (equal times in recording order); computed once.
     *
     * @return the indexes, a shared array not to be changed
     */
    public synchronized int[] timeOrder() {
        if (order == null || order.length != size) {
            Integer[] box = new Integer[size];
            boolean sorted = true;
            for (int i = 0; i < size; i++) {
                box[i] = i;
                sorted &= i == 0 || times[i - 1] <= times[i];
            }
            if (!sorted) {
                Arrays.sort(box, (a, b) -> Long.compare(times[a], times[b]));
            }
            int[] out = new int[size];
            for (int i = 0; i < size; i++) {
                out[i] = box[i];
            }
            order = out;
        }
        return order;
    }

    /**
     * Sums the weights in equal time buckets from the first to the last sample.
     *
     * @param buckets how many buckets
     * @return the weight per bucket
     */
    public long[] histogram(int buckets) {
        long[] out = new long[Math.max(1, buckets)];
        if (size == 0) {
            return out;
        }
        double span = Math.max(1, end - start);
        for (int i = 0; i < size; i++) {
            int b = (int) Math.min(out.length - 1, (times[i] - start) / span * out.length);
            out[b] += weights[i];
        }
        return out;
    }

    /**
     * Builds the merged graph of the samples taken in a time range.
     *
     * @param full the profile's trie, whose nodes the samples name
     * @param from the first time included, nanoseconds since the epoch
     * @param to the last time included
     * @return a trie over the same frame table holding only those samples
     */
    public StackTrie slice(StackTrie full, long from, long to) {
        StackTrie out = new StackTrie(full.frames());
        int[] path = new int[64];
        for (int i = 0; i < size; i++) {
            if (times[i] < from || times[i] > to) {
                continue;
            }
            int n = 0;
            for (int node = leaves[i]; node > StackTrie.ROOT; node = full.parent(node)) {
                if (n == path.length) {
                    path = Arrays.copyOf(path, n * 2);
                }
                path[n++] = full.frame(node);
            }
            for (int a = 0, b = n - 1; a < b; a++, b--) {
                int t = path[a];
                path[a] = path[b];
                path[b] = t;
            }
            out.add(path, n, weights[i]);
        }
        return out;
    }
}
