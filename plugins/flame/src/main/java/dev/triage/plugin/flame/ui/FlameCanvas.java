package dev.triage.plugin.flame.ui;

import dev.triage.plugin.flame.domain.FlameChart;
import dev.triage.plugin.flame.domain.FlameLayout;
import dev.triage.plugin.flame.domain.Palette;
import dev.triage.plugin.flame.domain.StackTrie;
import dev.triage.plugin.flame.domain.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * A flame graph (root at the bottom) or icicle graph (root on top) painted on a canvas; only boxes wider than half a pixel
 * inside the visible rows are painted. Click zooms into a frame; hover shows name, self, total and shares.
 */
public final class FlameCanvas extends Region {

    /** The height of a row in pixels. */
    public static final double ROW = 18;
    private static final Color MATCH = Color.rgb(230, 0, 230);

    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private StackTrie trie;
    private int zoom = StackTrie.ROOT;
    private boolean icicle;
    private boolean leftHeavy;
    private Palette.Mode colors = Palette.Mode.NAME;
    private boolean[] matchedFrames;
    private int selectedFrame = -1;
    private double[] baseline;
    private double diffScale;
    private String unit = "";
    private List<FlameLayout.Box> boxes = new ArrayList<>();
    private int levels;
    private IntConsumer onZoom = n -> { };
    private TooltipText tooltipText = (name, self, selfPct, total, allPct, parentPct) -> name;
    private final Font font = Font.font("System", 11);
    private Timeline chart;
    private long chartFrom;
    private long chartTo;

    /** Formats the hover text of a frame. */
    @FunctionalInterface
    public interface TooltipText {

        /**
         * Formats the text.
         *
         * @param name the frame
         * @param self its self count
         * @param selfPct self in % of all
         * @param total its total
         * @param allPct total in % of all
         * @param parentPct total in % of the parent's total
         * @return the text
         */
        String format(String name, long self, double selfPct, long total, double allPct, double parentPct);
    }

    /** Creates an empty canvas. */
    public FlameCanvas() {
        getStyleClass().add("flame-canvas");
        getChildren().add(canvas);
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setShowDuration(Duration.INDEFINITE);
        Tooltip.install(canvas, tooltip);
        canvas.setOnMouseMoved(e -> {
            int n = nodeAt(e.getX(), e.getY());
            tooltip.setText(n < 0 ? "" : describe(n));
            if (n < 0) {
                tooltip.hide();
            }
        });
        canvas.setOnMouseClicked(e -> {
            int n = nodeAt(e.getX(), e.getY());
            if (n >= 0) {
                zoomTo(n);
            }
        });
        widthProperty().addListener((o, a, b) -> repaint());
        heightProperty().addListener((o, a, b) -> repaint());
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        repaint();
    }

    /**
     * Shows a trie.
     *
     * @param shown the merged stacks, or null for none
     * @param countUnit the unit of the counts
     */
    public void setTrie(StackTrie shown, String countUnit) {
        this.trie = shown;
        this.unit = countUnit == null ? "" : countUnit;
        this.zoom = StackTrie.ROOT;
        this.baseline = null;
        this.matchedFrames = null;
        this.selectedFrame = -1;
        this.levels = shown == null ? 0 : FlameLayout.levels(shown);
        setPrefHeight(levels * ROW + 4);
        onZoom.accept(zoom);
        repaint();
    }

    /**
     * Draws the samples of a time range in time order (a flame chart over the trie shown, whose nodes the timeline's
     * leaves are), or the merged graph again when the timeline is null.
     *
     * @param timeline the samples, or null for the merged graph
     * @param from the first time shown, nanoseconds since the epoch
     * @param to the last time shown
     */
    public void setChart(Timeline timeline, long from, long to) {
        chart = timeline;
        chartFrom = from;
        chartTo = to;
        repaint();
    }

    /**
     * Tells whether the samples are drawn in time order.
     *
     * @return true for a flame chart
     */
    public boolean chart() {
        return chart != null;
    }

    /**
     * Returns the trie shown.
     *
     * @return the trie or null
     */
    public StackTrie trie() {
        return trie;
    }

    /**
     * Draws the root on top (icicle) or at the bottom (flame).
     *
     * @param value true for icicle
     */
    public void setIcicle(boolean value) {
        icicle = value;
        repaint();
    }

    /**
     * Orders children heaviest first (left-heavy) or by name.
     *
     * @param value true for left-heavy
     */
    public void setLeftHeavy(boolean value) {
        leftHeavy = value;
        repaint();
    }

    /**
     * Sets the colouring.
     *
     * @param mode by name, package or self time
     */
    public void setColors(Palette.Mode mode) {
        colors = mode;
        repaint();
    }

    /**
     * Colours frames by their change against a baseline (differential graph), or normally when null.
     *
     * @param shares per node, the baseline share of the same call path ({@link dev.triage.plugin.flame.domain.DiffTree})
     */
    public void setBaseline(double[] shares) {
        baseline = shares;
        diffScale = 0;
        if (shares != null && trie != null) {
            double all = Math.max(1, trie.grandTotal());
            for (int n = 1; n < trie.size(); n++) {
                diffScale = Math.max(diffScale, Math.abs(trie.total(n) / all - shares[n]));
            }
        }
        repaint();
    }

    /**
     * Highlights frames whose frame id is marked.
     *
     * @param frames per frame id, whether it matches; null for none
     */
    public void setMatches(boolean[] frames) {
        matchedFrames = frames;
        repaint();
    }

    /**
     * Outlines every box of one function.
     *
     * @param frameId the frame id, or -1
     */
    public void setSelectedFrame(int frameId) {
        selectedFrame = frameId;
        repaint();
    }

    /**
     * Calls back with the zoomed node whenever it changes.
     *
     * @param listener receives the node
     */
    public void setOnZoomTo(IntConsumer listener) {
        onZoom = listener;
    }

    /**
     * Sets how hover texts are written.
     *
     * @param text the formatter
     */
    public void setTooltipText(TooltipText text) {
        tooltipText = text;
    }

    /**
     * Zooms so that a node fills the width.
     *
     * @param node the node (the root resets)
     */
    public void zoomTo(int node) {
        if (trie == null || node < 0 || node >= trie.size()) {
            return;
        }
        zoom = node;
        onZoom.accept(node);
        repaint();
    }

    /**
     * Returns the zoomed node.
     *
     * @return the node
     */
    public int zoom() {
        return zoom;
    }

    /**
     * Returns the boxes painted last.
     *
     * @return the boxes
     */
    public List<FlameLayout.Box> boxes() {
        return List.copyOf(boxes);
    }

    /**
     * Returns the hover text of a node.
     *
     * @param n the node
     * @return the text
     */
    public String describe(int n) {
        double all = Math.max(1, trie.grandTotal());
        int parent = trie.parent(n);
        double parentTotal = parent < 0 ? trie.total(n) : Math.max(1, trie.total(parent));
        String name = n == StackTrie.ROOT ? "all" : trie.name(n);
        return tooltipText.format(name, trie.self(n), 100 * trie.self(n) / all, trie.total(n), 100 * trie.total(n) / all,
                100 * trie.total(n) / parentTotal) + (unit.isEmpty() || unit.equals("count") ? "" : "\n(" + unit + ")");
    }

    /**
     * Returns the node under a point of the canvas, or -1.
     *
     * @param x the x coordinate
     * @param y the y coordinate
     * @return the node or -1
     */
    public int nodeAt(double x, double y) {
        for (FlameLayout.Box b : boxes) {
            double by = rowY(b.level());
            if (x >= b.x() && x < b.x() + b.width() && y >= by && y < by + ROW) {
                return b.node();
            }
        }
        return -1;
    }

    /**
     * Returns the top edge of a row.
     *
     * @param level the row, 0 for the root row
     * @return the y coordinate
     */
    public double rowY(int level) {
        return icicle ? level * ROW : getHeight() - (level + 1) * ROW;
    }

    /** Paints the visible boxes. */
    public void repaint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (trie == null || w <= 0 || h <= 0) {
            boxes = new ArrayList<>();
            return;
        }
        int rows = (int) Math.ceil(h / ROW);
        boxes = chart != null ? FlameChart.layout(chart, trie, chartFrom, chartTo, w, 0.5, rows)
                : FlameLayout.layout(trie, zoom, w, 0.5, rows, leftHeavy);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double all = Math.max(1, trie.grandTotal());
        for (FlameLayout.Box b : boxes) {
            int n = b.node();
            double y = rowY(b.level());
            String name = n == StackTrie.ROOT ? "all" : trie.name(n);
            Color fill;
            int frame = trie.frame(n);
            if (matchedFrames != null && frame < matchedFrames.length && matchedFrames[frame]) {
                fill = MATCH;
            } else if (baseline != null) {
                fill = rgb(Palette.diff(trie.total(n) / all - baseline[n], diffScale));
            } else {
                fill = rgb(Palette.color(colors, name, trie.total(n) == 0 ? 0 : (double) trie.self(n) / trie.total(n)));
            }
            g.setFill(fill);
            g.fillRect(b.x(), y, Math.max(0.5, b.width() - 0.5), ROW - 1);
            if (frame == selectedFrame && n != StackTrie.ROOT) {
                g.setStroke(Color.BLACK);
                g.setLineWidth(2);
                g.strokeRect(b.x() + 1, y + 1, Math.max(0.5, b.width() - 2.5), ROW - 3);
            }
            if (b.width() > 24) {
                g.setFill(Color.BLACK);
                g.fillText(fit(name, b.width() - 6), b.x() + 3, y + ROW / 2 - 0.5, b.width() - 6);
            }
        }
    }

    private static String fit(String s, double px) {
        int chars = (int) (px / 6.2);
        if (s.length() <= chars) {
            return s;
        }
        return chars < 3 ? "" : s.substring(0, chars - 2) + "..";
    }

    private static Color rgb(int rgb) {
        return Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }
}
