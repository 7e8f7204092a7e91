package dev.triage.plugin.flame.ui;

import dev.triage.plugin.flame.domain.Timeline;
import java.util.function.BiConsumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Samples over time as a bar chart with a brush: drag to pick a time range (the graph then merges only those samples),
 * double-click to take the whole recording again.
 */
public final class TimelineBar extends Region {

    private static final double HEIGHT = 48;
    private final Canvas canvas = new Canvas();
    private Timeline timeline;
    private double dragFrom = -1;
    private double selFrom = -1;
    private double selTo = -1;
    private BiConsumer<Long, Long> onRange = (a, b) -> { };

    /** Creates an empty bar. */
    public TimelineBar() {
        getStyleClass().add("timeline-bar");
        getChildren().add(canvas);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        canvas.setOnMousePressed(e -> dragFrom = e.getX());
        canvas.setOnMouseDragged(e -> {
            if (dragFrom >= 0) {
                selFrom = Math.min(dragFrom, e.getX());
                selTo = Math.max(dragFrom, e.getX());
                repaint();
            }
        });
        canvas.setOnMouseReleased(e -> {
            if (dragFrom >= 0 && Math.abs(e.getX() - dragFrom) > 2) {
                select(Math.min(dragFrom, e.getX()) / getWidth(), Math.max(dragFrom, e.getX()) / getWidth());
            }
            dragFrom = -1;
        });
        canvas.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                clear();
            }
        });
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        repaint();
    }

    /**
     * Shows a timeline, clearing the selection.
     *
     * @param shown the timeline, or null to hide the bar
     */
    public void setTimeline(Timeline shown) {
        timeline = shown;
        selFrom = -1;
        selTo = -1;
        setVisible(shown != null);
        setManaged(shown != null);
        repaint();
    }

    /**
     * Calls back with the chosen range in nanoseconds since the epoch (the whole recording when cleared).
     *
     * @param listener receives from and to
     */
    public void setOnRange(BiConsumer<Long, Long> listener) {
        onRange = listener;
    }

    /**
     * Selects a part of the recording.
     *
     * @param fromFraction the start, 0 to 1 of the recording's span
     * @param toFraction the end, 0 to 1
     */
    public void select(double fromFraction, double toFraction) {
        if (timeline == null) {
            return;
        }
        double a = Math.max(0, Math.min(1, fromFraction));
        double b = Math.max(a, Math.min(1, toFraction));
        selFrom = a * getWidth();
        selTo = b * getWidth();
        long span = timeline.end() - timeline.start();
        repaint();
        onRange.accept(timeline.start() + Math.round(a * span), timeline.start() + Math.round(b * span));
    }

    /** Takes the whole recording again. */
    public void clear() {
        selFrom = -1;
        selTo = -1;
        repaint();
        if (timeline != null) {
            onRange.accept(timeline.start(), timeline.end());
        }
    }

    private void repaint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (timeline == null || w <= 0) {
            return;
        }
        int buckets = Math.max(1, (int) (w / 3));
        long[] hist = timeline.histogram(buckets);
        long max = 1;
        for (long v : hist) {
            max = Math.max(max, v);
        }
        double bw = w / buckets;
        g.setFill(Color.rgb(230, 120, 40, 0.85));
        for (int i = 0; i < buckets; i++) {
            double bh = (h - 4) * hist[i] / max;
            g.fillRect(i * bw, h - bh, Math.max(1, bw - 0.5), bh);
        }
        if (selFrom >= 0) {
            g.setFill(Color.rgb(60, 120, 220, 0.25));
            g.fillRect(selFrom, 0, Math.max(1, selTo - selFrom), h);
            g.setStroke(Color.rgb(60, 120, 220));
            g.strokeRect(selFrom, 0.5, Math.max(1, selTo - selFrom), h - 1);
        }
    }
}
