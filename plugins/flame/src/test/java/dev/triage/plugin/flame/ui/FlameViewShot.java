package dev.triage.plugin.flame.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.triage.core.i18n.Messages;
import dev.triage.plugin.flame.application.FlameService;
import dev.triage.plugin.flame.domain.Profile;
import dev.triage.plugin.flame.infrastructure.FileProfileLoader;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Opens a profile in the flame view in a real window and measures open (parse) and first paint, then writes a PNG:
 * {@code FlameViewShot PROFILE OUT.png [light|dark] [flame|icicle|sandwich|diff|time] [BASELINE] [SEARCH]}
 * ({@code -Drange=0.2,0.6} brushes part of a recording). Run under
 * {@code xvfb-run}; prints one line of numbers for docs/benchmarks.md.
 */
public final class FlameViewShot {

    private FlameViewShot() {
    }

    /**
     * Runs the measurement.
     *
     * @param args profile, output, theme, mode, baseline, search
     * @throws Exception when something fails
     */
    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Path profileFile = Path.of(args[0]);
        File out = new File(args[1]);
        boolean dark = args.length > 2 && args[2].equals("dark");
        FlameView.Mode mode = args.length > 3 ? FlameView.Mode.valueOf(args[3].toUpperCase(Locale.ROOT)) : FlameView.Mode.FLAME;
        FileProfileLoader loader = new FileProfileLoader();
        long t0 = System.nanoTime();
        Profile profile = loader.load(profileFile, null, null);
        long t1 = System.nanoTime();
        profile.trie().children(dev.triage.plugin.flame.domain.StackTrie.ROOT);
        long t2 = System.nanoTime();
        Profile baseline = args.length > 4 && !args[4].isEmpty() ? loader.load(Path.of(args[4]), null, null) : null;
        String search = args.length > 5 ? args[5] : null;
        Messages messages = Messages.load("dev.triage.plugin.flame.messages", Locale.ENGLISH, FlameViewShot.class.getClassLoader());
        CountDownLatch painted = new CountDownLatch(1);
        long[] paintedAt = new long[1];
        long[] showAt = new long[1];
        long[] repaint = new long[3];
        Platform.runLater(() -> {
            Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
            FlameView view = new FlameView(new FlameService(loader), c -> List.of(), null, null, null, messages, Runnable::run);
            Stage stage = new Stage();
            stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1440, 900));
            stage.setTitle("Triage flame graph");
            stage.show();
            long shown = System.nanoTime();
            showAt[0] = shown;
            view.show(profile, null);
            if (baseline != null) {
                view.showBaseline(baseline);
            }
            view.setMode(mode);
            String range = System.getProperty("range");
            if (range != null) {
                // -Drange=0.2,0.6 brushes that part of the recording (profiles with time stamps)
                String[] r = range.split(",");
                view.timelineBar().select(Double.parseDouble(r[0]), Double.parseDouble(r[1]));
            }
            if (search != null && !search.isEmpty()) {
                view.search().setText(search);
            }
            new AnimationTimer() {
                private int frames;

                @Override
                public void handle(long now) {
                    if (frames++ == 0) {
                        paintedAt[0] = System.nanoTime();
                        view.showFunctions(profile.functionTable());
                        if (mode == FlameView.Mode.SANDWICH || System.getProperty("select") != null) {
                            view.table().getSelectionModel().select(0);
                        }
                    } else if (frames > 3) {
                        stop();
                        // repaint cost while zooming: zoom into the widest child chain and back, timing each repaint
                        FlameCanvas g = view.graph();
                        var t = g.trie();
                        int[] path = new int[40];
                        int depth = 0;
                        for (int n = dev.triage.plugin.flame.domain.StackTrie.ROOT; depth < path.length && t.childCount(n) > 0; depth++) {
                            int best = -1;
                            for (int c : t.children(n)) {
                                if (best < 0 || t.total(c) > t.total(best)) {
                                    best = c;
                                }
                            }
                            path[depth] = best;
                            n = best;
                        }
                        long[] times = new long[2 * depth];
                        for (int i = 0; i < times.length; i++) {
                            int node = i < depth ? path[i] : path[times.length - 1 - i];
                            long r0 = System.nanoTime();
                            g.zoomTo(node);
                            times[i] = System.nanoTime() - r0;
                        }
                        g.zoomTo(dev.triage.plugin.flame.domain.StackTrie.ROOT);
                        java.util.Arrays.sort(times);
                        repaint[0] = times.length == 0 ? 0 : times[times.length / 2];
                        repaint[1] = times.length == 0 ? 0 : times[times.length - 1];
                        repaint[2] = times.length;
                        try {
                            ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", out);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        painted.countDown();
                    }
                }
            }.start();
        });
        if (!painted.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no paint in 120 s");
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        System.out.printf(Locale.ROOT, "process_cpu_ms=%d zoom_repaints=%d median_ms=%.2f max_ms=%.2f ", cpu / 1_000_000,
                repaint[2], repaint[0] / 1e6, repaint[1] / 1e6);
        System.out.printf(Locale.ROOT, "file=%s bytes=%d frames=%d nodes=%d parse_ms=%d group_children_ms=%d first_paint_ms=%d (of which window+theme %d) total_ms=%d heap_used_mb=%d%n",
                profileFile.getFileName(), profileFile.toFile().length(), profile.trie().frames().size(), profile.trie().size(),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (paintedAt[0] - t2) / 1_000_000, (showAt[0] - t2) / 1_000_000, (paintedAt[0] - t0) / 1_000_000,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
        Platform.exit();
    }
}
