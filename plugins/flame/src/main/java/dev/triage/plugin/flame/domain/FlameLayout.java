package dev.triage.plugin.flame.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a trie as a flame graph: each node is a box whose width is its share of the zoomed node's total, children
 * side by side in name order above (flame) or below (icicle) their parent. Boxes narrower than the minimum width are left
 * out with everything above them, so drawing costs what is visible, not what the profile holds.
 */
public final class FlameLayout {

    /**
     * One box to draw.
     *
     * @param node the trie node
     * @param x the left edge in pixels
     * @param width the width in pixels
     * @param level the row counted from the zoomed node's row (0), or from the root when ancestors are shown
     */
    public record Box(int node, double x, double width, int level) {
    }

    private FlameLayout() {
    }

    /**
     * Computes the visible boxes.
     *
     * @param trie the merged stacks
     * @param zoom the node that fills the whole width (the root when not zoomed)
     * @param width the width in pixels
     * @param minWidth the narrowest box drawn, in pixels
     * @param maxLevels how many rows fit (boxes beyond are left out)
     * @return the boxes: the zoomed node's ancestors first (full width), then the zoomed subtree
     */
    public static List<Box> layout(StackTrie trie, int zoom, double width, double minWidth, int maxLevels) {
        return layout(trie, zoom, width, minWidth, maxLevels, false);
    }

    /**
     * Computes the visible boxes, children in name order (as FlameGraph) or heaviest first (left-heavy, as speedscope).
     *
     * @param trie the merged stacks
     * @param zoom the node that fills the whole width (the root when not zoomed)
     * @param width the width in pixels
     * @param minWidth the narrowest box drawn, in pixels
     * @param maxLevels how many rows fit (boxes beyond are left out)
     * @param leftHeavy whether the children with the largest totals come first
     * @return the boxes: the zoomed node's ancestors first (full width), then the zoomed subtree
     */
    public static List<Box> layout(StackTrie trie, int zoom, double width, double minWidth, int maxLevels, boolean leftHeavy) {
        List<Box> out = new ArrayList<>();
        List<Integer> ancestors = new ArrayList<>();
        for (int n = zoom; n >= 0; n = trie.parent(n)) {
            ancestors.add(0, n);
        }
        int level = 0;
        for (int i = 0; i < ancestors.size() - 1 && level < maxLevels; i++) {
            out.add(new Box(ancestors.get(i), 0, width, level++));
        }
        long total = trie.total(zoom);
        if (total <= 0 || level >= maxLevels) {
            return out;
        }
        double scale = width / total;
        place(trie, zoom, 0, width, level, scale, minWidth, maxLevels, leftHeavy, out);
        return out;
    }

    private static void place(StackTrie trie, int node, double x, double w, int level, double scale, double minWidth,
            int maxLevels, boolean leftHeavy, List<Box> out) {
        out.add(new Box(node, x, w, level));
        if (level + 1 >= maxLevels) {
            return;
        }
        double cx = x;
        int[] children = leftHeavy ? trie.heaviestChildren(node) : trie.children(node);
        for (int c : children) {
            double cw = trie.total(c) * scale;
            if (cw >= minWidth) {
                place(trie, c, cx, cw, level + 1, scale, minWidth, maxLevels, leftHeavy, out);
            }
            cx += cw;
        }
    }

    /**
     * Returns how many rows the deepest stack needs, the root row included.
     *
     * @param trie the merged stacks
     * @return the depth plus one
     */
    public static int levels(StackTrie trie) {
        return trie.maxDepth() + 1;
    }
}
