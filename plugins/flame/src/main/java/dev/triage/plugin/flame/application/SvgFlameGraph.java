package dev.triage.plugin.flame.application;

import dev.triage.plugin.flame.domain.FlameLayout;
import dev.triage.plugin.flame.domain.Palette;
import dev.triage.plugin.flame.domain.Profile;
import dev.triage.plugin.flame.domain.StackTrie;
import java.util.List;
import java.util.Locale;

/** Writes a flame graph as a standalone SVG: one rectangle per frame, its name and counts in a {@code <title>}. */
public final class SvgFlameGraph {

    /** The height of a frame row in pixels. */
    public static final int ROW = 16;

    private SvgFlameGraph() {
    }

    /**
     * Renders a profile.
     *
     * @param profile the profile
     * @param width the image width in pixels
     * @param title the title line
     * @return the SVG text
     */
    public static String render(Profile profile, int width, String title) {
        StackTrie trie = profile.trie();
        int levels = FlameLayout.levels(trie);
        int top = 40;
        int height = top + levels * ROW + 10;
        List<FlameLayout.Box> boxes = FlameLayout.layout(trie, StackTrie.ROOT, width - 20.0, 0.1, levels);
        long all = Math.max(1, trie.grandTotal());
        StringBuilder sb = new StringBuilder(64 + boxes.size() * 200);
        sb.append("<?xml version=\"1.0\" standalone=\"no\"?>\n");
        sb.append(String.format(Locale.ROOT, "<svg version=\"1.1\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "xmlns=\"http://www.w3.org/2000/svg\" font-family=\"Verdana, sans-serif\" font-size=\"11\">%n",
                width, height, width, height));
        sb.append("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#f8f8f8\"/>\n");
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" text-anchor=\"middle\" font-size=\"16\">%s</text>%n",
                width / 2, escape(title)));
        for (FlameLayout.Box b : boxes) {
            int n = b.node();
            double x = 10 + b.x();
            double y = top + (levels - 1 - b.level()) * ROW;
            String name = n == StackTrie.ROOT ? "all" : trie.name(n);
            int rgb = Palette.color(Palette.Mode.NAME, name, trie.total(n) == 0 ? 0 : (double) trie.self(n) / trie.total(n));
            sb.append("<g><title>").append(escape(name)).append(" (")
                    .append(String.format(Locale.ROOT, "%,d %s, %.2f%%; self %,d", trie.total(n), profile.unit(),
                            100.0 * trie.total(n) / all, trie.self(n)))
                    .append(")</title>");
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"#%06x\" rx=\"2\"/>",
                    x, y, b.width(), ROW - 1, rgb));
            int chars = (int) ((b.width() - 6) / 7);
            if (chars >= 3) {
                String label = name.length() <= chars ? name : name.substring(0, chars - 2) + "..";
                sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>", x + 3, y + ROW - 4.5, escape(label)));
            }
            sb.append("</g>\n");
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
