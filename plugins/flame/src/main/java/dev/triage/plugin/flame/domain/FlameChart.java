package dev.triage.plugin.flame.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a time-ordered flame chart: the samples of a time range side by side in the order they were taken (each as
 * wide as its weight), consecutive samples that share a frame at a level merged into one box. Unlike the merged flame
 * graph, the x axis is time, so phases of a recording show as they happened.
 */
public final class FlameChart {

    private FlameChart() {
    }

    /**
     * Lays out the boxes of the samples taken in a time range; boxes narrower than {@code minWidth} are left out.
     *
     * @param timeline when each sample was taken and its leaf node
     * @param trie the trie the leaves belong to
     * @param from the first time included, nanoseconds since the epoch
     * @param to the last time included
     * @param width the pixels across
     * @param minWidth the narrowest box kept, in pixels
     * @param maxLevels how many rows at most, the root row included
     * @return the boxes, root row at level 0
     */
    public static List<FlameLayout.Box> layout(Timeline timeline, StackTrie trie, long from, long to, double width,
            double minWidth, int maxLevels) {
        List<FlameLayout.Box> out = new ArrayList<>();
        int[] order = timeline.timeOrder();
        long all = 0;
        for (int i : order) {
            long t = timeline.time(i);
            if (t >= from && t <= to) {
                all += timeline.weight(i);
            }
        }
        if (all == 0 || maxLevels <= 0) {
            return out;
        }
        double scale = width / all;
        out.add(new FlameLayout.Box(StackTrie.ROOT, 0, width, 0));
        int levels = maxLevels;
        int[] open = new int[levels];
        double[] openX = new double[levels];
        int openDepth = 0;
        int[] path = new int[64];
        double x = 0;
        for (int i : order) {
            long t = timeline.time(i);
            if (t < from || t > to) {
                continue;
            }
            int depth = 0;
            for (int n = timeline.leaf(i); n > StackTrie.ROOT; n = trie.parent(n)) {
                if (depth == path.length) {
                    path = java.util.Arrays.copyOf(path, depth * 2);
                }
                path[depth++] = n;
            }
            // path holds leaf first; level l (1-based) is path[depth - l]
            int shown = Math.min(depth, levels - 1);
            int keep = 0;
            while (keep < shown && keep < openDepth && open[keep] == path[depth - 1 - keep]) {
                keep++;
            }
            close(out, open, openX, keep, openDepth, x, minWidth);
            for (int l = keep; l < shown; l++) {
                open[l] = path[depth - 1 - l];
                openX[l] = x;
            }
            openDepth = shown;
            x += timeline.weight(i) * scale;
        }
        close(out, open, openX, 0, openDepth, x, minWidth);
        return out;
    }

    private static void close(List<FlameLayout.Box> out, int[] open, double[] openX, int from, int to, double x,
            double minWidth) {
        for (int l = from; l < to; l++) {
            double w = x - openX[l];
            if (w >= minWidth) {
                out.add(new FlameLayout.Box(open[l], openX[l], w, l + 1));
            }
        }
    }
}
